using System.Globalization;
using BzPeer.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BzPeer.Content;

/// <summary>
/// Typed, located access to the keys of one YAML map. Each wrong value becomes a diagnostic at the
/// value's own line and column; keys nobody asked for are kept as <see cref="Extra"/>.
/// </summary>
internal sealed class FieldReader
{
    private readonly YamlMappingNode _map;
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);
    private readonly string _path;
    private readonly int _lineOffset;
    private readonly DiagnosticBag _diagnostics;

    public FieldReader(YamlMappingNode map, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        _map = map;
        _path = path;
        _lineOffset = lineOffset;
        _diagnostics = diagnostics;
    }

    public string Path => _path;

    /// <summary>A reader over a map nested in this one (same file, same line offset).</summary>
    public FieldReader Nested(YamlMappingNode map) => new(map, _path, _lineOffset, _diagnostics);

    public DiagnosticBag Diagnostics => _diagnostics;

    public SourceLocation At(YamlNode node) => SourceLocation.FromYamlMark(_path, node.Start, _lineOffset);

    /// <summary>Where the key is written, or the top of the block when it is absent.</summary>
    public SourceLocation KeyLocation(string key)
    {
        foreach (var entry in _map.Children)
        {
            if (entry.Key is YamlScalarNode { Value: var name } && name == key)
            {
                return At(entry.Key);
            }
        }

        return new SourceLocation(_path, 1 + _lineOffset, 1);
    }

    /// <summary>Every key of the map with its location, in file order.</summary>
    public IEnumerable<Located<string>> KeyNames()
    {
        foreach (var entry in _map.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } name })
            {
                yield return new Located<string>(name, At(entry.Key));
            }
        }
    }

    public YamlNode? Node(string key)
    {
        _consumed.Add(key);
        foreach (var entry in _map.Children)
        {
            if (entry.Key is YamlScalarNode { Value: var name } && name == key)
            {
                return IsNull(entry.Value) ? null : entry.Value;
            }
        }

        return null;
    }

    public Located<string>? String(string key, bool required = false, string? requiredHint = null)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
            {
                _diagnostics.Error(DiagnosticCodes.MissingRequiredKey, KeyLocation(key), $"The required key '{key}' is missing.",
                    requiredHint ?? $"Add a line '{key}: …'.");
            }

            return null;
        }

        var scalar = ExpectScalar(key, node, "a text value");
        if (scalar is null)
        {
            return null;
        }

        var value = scalar.Value ?? "";
        if (required && value.Trim().Length == 0)
        {
            _diagnostics.Error(DiagnosticCodes.MissingRequiredKey, At(node), $"The required key '{key}' is empty.", requiredHint ?? $"Give '{key}' a value.");
            return null;
        }

        return new Located<string>(value.Trim(), At(node));
    }

    public Located<int>? Int(string key, bool required = false, int min = int.MinValue, int max = int.MaxValue)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
            {
                _diagnostics.Error(DiagnosticCodes.MissingRequiredKey, KeyLocation(key), $"The required key '{key}' is missing.", $"Add a line '{key}: <whole number>'.");
            }

            return null;
        }

        var scalar = ExpectScalar(key, node, "a whole number");
        if (scalar is null)
        {
            return null;
        }

        if (!int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            _diagnostics.Error(DiagnosticCodes.WrongType, At(node), $"'{key}' must be a whole number, not '{Shorten(scalar.Value)}'.", $"Write '{key}: {(key == "year" ? "2020" : "0")}'.");
            return null;
        }

        if (value < min || value > max)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidValue, At(node), $"'{key}' must be between {min} and {max}, not {value}.");
            return null;
        }

        return new Located<int>(value, At(node));
    }

    public bool Bool(string key, bool fallback)
    {
        var node = Node(key);
        if (node is null)
        {
            return fallback;
        }

        var scalar = ExpectScalar(key, node, "true or false");
        switch (scalar?.Value?.ToLowerInvariant())
        {
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            case null:
                return fallback;
            default:
                _diagnostics.Error(DiagnosticCodes.WrongType, At(node), $"'{key}' must be true or false, not '{Shorten(scalar.Value)}'.");
                return fallback;
        }
    }

    public Located<DateOnly>? Date(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }

        var scalar = ExpectScalar(key, node, "a date (YYYY-MM-DD)");
        if (scalar is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(scalar.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            _diagnostics.Error(DiagnosticCodes.InvalidDate, At(node), $"'{key}' must be a date written YYYY-MM-DD, not '{Shorten(scalar.Value)}'.");
            return null;
        }

        return new Located<DateOnly>(date, At(node));
    }

    /// <summary>A list of text items. A single text value is accepted as a one-item list.</summary>
    public IReadOnlyList<Located<string>> StringList(string key)
    {
        var node = Node(key);
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode scalar:
                return string.IsNullOrWhiteSpace(scalar.Value) ? [] : [new Located<string>(scalar.Value.Trim(), At(scalar))];
            case YamlSequenceNode sequence:
                var items = new List<Located<string>>(sequence.Children.Count);
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: var value } && !IsNull(item))
                    {
                        items.Add(new Located<string>(value!.Trim(), At(item)));
                    }
                    else if (!IsNull(item))
                    {
                        _diagnostics.Error(DiagnosticCodes.WrongType, At(item), $"Each item of '{key}' must be a text value.", "Write one item per line as '  - value'.");
                    }
                }

                return items;
            default:
                _diagnostics.Error(DiagnosticCodes.WrongType, At(node), $"'{key}' must be a list, not a map.", $"Write '{key}:' followed by lines '  - value'.");
                return [];
        }
    }

    /// <summary>A map of text values such as <c>links</c> or <c>ids</c>, in key order.</summary>
    public IReadOnlyList<KeyValuePair<string, Located<string>>> StringMap(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return [];
        }

        if (node is not YamlMappingNode map)
        {
            _diagnostics.Error(DiagnosticCodes.WrongType, At(node), $"'{key}' must be a map of 'name: value' entries.", $"Write '{key}:' followed by lines '  name: value'.");
            return [];
        }

        var entries = new List<KeyValuePair<string, Located<string>>>();
        foreach (var entry in map.Children)
        {
            var name = (entry.Key as YamlScalarNode)?.Value;
            if (name is null)
            {
                continue;
            }

            if (IsNull(entry.Value))
            {
                continue;
            }

            if (entry.Value is YamlScalarNode { Value: var value })
            {
                entries.Add(new(name, new Located<string>(value!.Trim(), At(entry.Value))));
            }
            else
            {
                _diagnostics.Error(DiagnosticCodes.WrongType, At(entry.Value), $"'{key}.{name}' must be a text value.");
            }
        }

        return entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>Keys no reader consumed, as plain values (string, list, ordered map) for templates.</summary>
    public IReadOnlyDictionary<string, object?> Extra()
    {
        var extra = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entry in _map.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } name } && !_consumed.Contains(name))
            {
                extra[name] = ToPlain(entry.Value);
            }
        }

        return extra;
    }

    internal static object? ToPlain(YamlNode node) => node switch
    {
        _ when IsNull(node) => null,
        YamlScalarNode scalar => scalar.Value,
        YamlSequenceNode sequence => sequence.Children.Select(ToPlain).ToList(),
        YamlMappingNode map => new SortedDictionary<string, object?>(
            map.Children.Where(e => e.Key is YamlScalarNode { Value: not null })
                .GroupBy(e => ((YamlScalarNode)e.Key).Value!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => ToPlain(g.First().Value), StringComparer.Ordinal),
            StringComparer.Ordinal),
        _ => null,
    };

    internal static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private YamlScalarNode? ExpectScalar(string key, YamlNode node, string expected)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar;
        }

        var found = node is YamlSequenceNode ? "a list" : "a map";
        _diagnostics.Error(DiagnosticCodes.WrongType, At(node), $"'{key}' must be {expected}, not {found}.");
        return null;
    }

    private static string Shorten(string? value) => value is null ? "" : value.Length <= 40 ? value : value[..40] + "…";
}
