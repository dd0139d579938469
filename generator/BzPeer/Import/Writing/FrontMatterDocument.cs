using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BzPeer.Import.Writing;

/// <summary>A value in a front-matter block; mappings keep their keys in the order given.</summary>
internal abstract record YamlValue;

internal sealed record YamlText(string Value) : YamlValue;

internal sealed record YamlInt(int Value) : YamlValue;

internal sealed record YamlBool(bool Value) : YamlValue;

/// <summary>A yyyy-MM-dd date, written plain as in SPEC's examples (date: 2020-06-29).</summary>
internal sealed record YamlDate(string Value) : YamlValue;

internal sealed record YamlList(IReadOnlyList<YamlValue> Items) : YamlValue;

internal sealed record YamlMap : YamlValue
{
    private readonly List<KeyValuePair<string, YamlValue>> _entries = [];

    public IReadOnlyList<KeyValuePair<string, YamlValue>> Entries => _entries;

    public int Count => _entries.Count;

    /// <summary>Adds a key unless the value is empty (null, blank text, empty list or map): absent beats empty.</summary>
    public YamlMap Add(string key, YamlValue? value)
    {
        var empty = value switch
        {
            null => true,
            YamlText t => string.IsNullOrWhiteSpace(t.Value),
            YamlList l => l.Items.Count == 0,
            YamlMap m => m.Count == 0,
            _ => false,
        };
        if (!empty)
        {
            _entries.Add(new(key, value!));
        }
        return this;
    }

    public YamlMap Add(string key, string? text) => Add(key, text is null ? null : new YamlText(text));

    public YamlMap Add(string key, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var map = new YamlMap();
        foreach (var (k, v) in pairs)
        {
            map.Add(k, v);
        }
        return Add(key, map);
    }
}

/// <summary>
/// Writes content files as SPEC §2 wants: "---", YAML front matter, "---", Markdown body, ending in "\n".
/// YAML goes through YamlDotNet's emitter with every string double-quoted, so titles with colons,
/// quotes, "---", "#", leading "@" or control characters round-trip exactly; lines are never folded.
/// </summary>
internal static class FrontMatterDocument
{
    private static readonly EmitterSettings Settings = new EmitterSettings()
        .WithBestWidth(int.MaxValue)
        .WithNewLine("\n")
        .WithIndentedSequences();

    public static string Render(YamlMap frontMatter, string? body)
    {
        var yaml = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(yaml, Settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, frontMatter);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());

        var sb = new StringBuilder();
        sb.Append("---\n").Append(yaml.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
        if (sb[^1] != '\n')
        {
            sb.Append('\n');
        }
        sb.Append("---\n");
        var text = body?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n');
        if (!string.IsNullOrWhiteSpace(text))
        {
            sb.Append(text).Append('\n');
        }
        return sb.ToString();
    }

    private static void Emit(IEmitter emitter, YamlValue value)
    {
        switch (value)
        {
            case YamlText text:
                emitter.Emit(new Scalar(null, null, text.Value, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true));
                break;
            case YamlInt number:
                emitter.Emit(PlainScalar(number.Value.ToString(CultureInfo.InvariantCulture)));
                break;
            case YamlBool flag:
                emitter.Emit(PlainScalar(flag.Value ? "true" : "false"));
                break;
            case YamlDate date:
                emitter.Emit(PlainScalar(date.Value));
                break;
            case YamlList list:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
                foreach (var item in list.Items)
                {
                    Emit(emitter, item);
                }
                emitter.Emit(new SequenceEnd());
                break;
            case YamlMap map:
                emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
                foreach (var (key, item) in map.Entries)
                {
                    emitter.Emit(PlainScalar(key));
                    Emit(emitter, item);
                }
                emitter.Emit(new MappingEnd());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value, "unknown YAML value");
        }
    }

    private static Scalar PlainScalar(string value) =>
        new(null, null, value, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false);
}
