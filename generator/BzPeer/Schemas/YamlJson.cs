using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BzPeer.Schemas;

/// <summary>
/// A YAML node converted to JSON for schema validation, remembering where in the YAML each JSON token came from,
/// so a schema error on a token can be reported at the YAML line and column.
/// </summary>
internal sealed partial class YamlJson
{
    private readonly Dictionary<JToken, Mark> _marks = new(ReferenceEqualityComparer.Instance);

    private YamlJson(YamlNode root) => Root = Convert(root);

    public JToken Root { get; }

    public static YamlJson From(YamlNode root) => new(root);

    /// <summary>Where the token (or, for a token we did not create, the document start) is in the YAML.</summary>
    public Mark MarkOf(JToken? token)
    {
        for (var current = token; current is not null; current = current.Parent)
        {
            if (_marks.TryGetValue(current, out var mark))
            {
                return mark;
            }
        }

        return Mark.Empty;
    }

    private JToken Convert(YamlNode node)
    {
        JToken token = node switch
        {
            YamlMappingNode map => ConvertMapping(map),
            YamlSequenceNode sequence => new JArray(sequence.Children.Select(Convert)),
            YamlScalarNode scalar => ConvertScalar(scalar),
            _ => JValue.CreateNull(),
        };
        _marks[token] = node.Start;
        return token;
    }

    private JObject ConvertMapping(YamlMappingNode map)
    {
        var obj = new JObject();
        foreach (var (key, value) in map.Children)
        {
            // The loader reports non-scalar or duplicate keys itself; the first wins here as in the loader.
            if (key is YamlScalarNode { Value: { } name } && obj.Property(name) is null)
            {
                var property = new JProperty(name, Convert(value));
                _marks[property] = key.Start;
                obj.Add(property);
            }
        }

        return obj;
    }

    /// <summary>Plain scalars get the YAML 1.2 core schema types (so 'year: 2020' is an integer); quoted ones stay strings.</summary>
    private static JValue ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return new JValue(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return JValue.CreateNull();
        }

        if (text is "true" or "True" or "TRUE")
        {
            return new JValue(true);
        }

        if (text is "false" or "False" or "FALSE")
        {
            return new JValue(false);
        }

        if (IntegerShape().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return new JValue(integer);
        }

        if (FloatShape().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new JValue(number);
        }

        return new JValue(text);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerShape();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatShape();
}
