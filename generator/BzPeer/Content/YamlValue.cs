using YamlDotNet.Core;

namespace BzPeer.Content;

/// <summary>
/// A node of a parsed YAML block with where it starts: all the loaders read. Built straight from YamlDotNet's
/// parser events by <see cref="YamlTreeBuilder"/>; YamlDotNet's representation model would cost a dictionary per
/// map and a node per event on top of the events themselves.
/// </summary>
internal abstract class YamlValue(Mark start)
{
    public Mark Start { get; } = start;
}

internal sealed class YamlScalar(Mark start, string value, ScalarStyle style, TagName tag) : YamlValue(start)
{
    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    /// <summary>Kept to tell keys apart as YamlDotNet does: '!!str a' and 'a' are different keys to it.</summary>
    public TagName Tag { get; } = tag;

    /// <summary>The empty and null forms of a plain scalar (YAML 1.2 core schema).</summary>
    public bool IsNull => Style is ScalarStyle.Plain or ScalarStyle.Any && Value is "" or "~" or "null" or "Null" or "NULL";
}

internal sealed class YamlList(Mark start, YamlValue[] items) : YamlValue(start)
{
    public IReadOnlyList<YamlValue> Items { get; } = items;
}

/// <summary>A map's entries in file order; keys are unique (a duplicate is a syntax error before a map is built).</summary>
internal sealed class YamlMap(Mark start, KeyValuePair<YamlValue, YamlValue>[] entries) : YamlValue(start)
{
    public static readonly YamlMap Empty = new(Mark.Empty, []);

    public IReadOnlyList<KeyValuePair<YamlValue, YamlValue>> Entries { get; } = entries;
}
