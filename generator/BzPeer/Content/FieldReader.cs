using System.Globalization;
using BzPeer.Diagnostics;

namespace BzPeer.Content;

/// <summary>
/// Typed, located access to the keys of one YAML map. Each wrong value becomes a diagnostic at the
/// value's own line and column; keys nobody asked for are kept as <see cref="Extra"/>.
/// </summary>
internal sealed class FieldReader
{
    private readonly YamlMap _map;
    private readonly string _path;
    private readonly int _lineOffset;
    private readonly DiagnosticBag _diagnostics;
    private readonly StringPool? _pool;

    /// <summary>Which entries a reader asked for by name (every entry of that name), so <see cref="Extra"/> skips them.</summary>
    private bool[]? _consumed;

    /// <param name="pool">Shares repeated text values between the records of one load (<see cref="StringPool"/>).</param>
    public FieldReader(YamlMap map, string path, int lineOffset, DiagnosticBag diagnostics, StringPool? pool = null)
    {
        _map = map;
        _path = path;
        _lineOffset = lineOffset;
        _diagnostics = diagnostics;
        _pool = pool;
    }

    public string Path => _path;

    /// <summary>A reader over a map nested in this one (same file, same line offset).</summary>
    public FieldReader Nested(YamlMap map) => new(map, _path, _lineOffset, _diagnostics, _pool);

    /// <summary>A value as a record keeps it: trimmed, and shared with equal values of the same load.</summary>
    public string Kept(string value)
    {
        var trimmed = value.Trim();
        return _pool is null ? trimmed : _pool.Share(trimmed);
    }

    public DiagnosticBag Diagnostics => _diagnostics;

    public SourceLocation At(YamlValue node) => SourceLocation.FromYamlMark(_path, node.Start, _lineOffset);

    /// <summary>Where the key is written, or the top of the block when it is absent.</summary>
    public SourceLocation KeyLocation(string key)
    {
        foreach (var entry in _map.Entries)
        {
            if (entry.Key is YamlScalar { Value: var name } && name == key)
            {
                return At(entry.Key);
            }
        }

        return new SourceLocation(_path, 1 + _lineOffset, 1);
    }

    /// <summary>Every key of the map with its location, in file order.</summary>
    public IEnumerable<Located<string>> KeyNames()
    {
        foreach (var entry in _map.Entries)
        {
            if (entry.Key is YamlScalar { Value: var name })
            {
                yield return new Located<string>(name, At(entry.Key));
            }
        }
    }

    /// <summary>The value of the first entry named <paramref name="key"/>; null when there is none or it is null.</summary>
    public YamlValue? Node(string key)
    {
        var entries = _map.Entries;
        YamlValue? found = null;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Key is YamlScalar { Value: var name } && name == key)
            {
                (_consumed ??= new bool[entries.Count])[i] = true;
                found ??= entries[i].Value;
            }
        }

        return found is null || IsNull(found) ? null : found;
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

        return new Located<string>(Kept(value), At(node));
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
            case YamlScalar scalar:
                return string.IsNullOrWhiteSpace(scalar.Value) ? [] : [new Located<string>(Kept(scalar.Value), At(scalar))];
            case YamlList list:
                var items = new List<Located<string>>(list.Items.Count);
                foreach (var item in list.Items)
                {
                    if (item is YamlScalar { Value: var value } && !IsNull(item))
                    {
                        items.Add(new Located<string>(Kept(value), At(item)));
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

        if (node is not YamlMap map)
        {
            _diagnostics.Error(DiagnosticCodes.WrongType, At(node), $"'{key}' must be a map of 'name: value' entries.", $"Write '{key}:' followed by lines '  name: value'.");
            return [];
        }

        var entries = new List<KeyValuePair<string, Located<string>>>(map.Entries.Count);
        foreach (var entry in map.Entries)
        {
            if (entry.Key is not YamlScalar { Value: var name } || IsNull(entry.Value))
            {
                continue;
            }

            if (entry.Value is YamlScalar { Value: var value })
            {
                entries.Add(new(Kept(name), new Located<string>(Kept(value), At(entry.Value))));
            }
            else
            {
                _diagnostics.Error(DiagnosticCodes.WrongType, At(entry.Value), $"'{key}.{name}' must be a text value.");
            }
        }

        return InKeyOrder(entries);
    }

    /// <summary>
    /// Keys no reader consumed, as plain values (string, list, ordered map) for templates. Most records have none:
    /// they share one empty map (an empty sorted dictionary per record took 6.7 MB on the large bench corpus).
    /// </summary>
    public IReadOnlyDictionary<string, object?> Extra()
    {
        SortedDictionary<string, object?>? extra = null;
        var entries = _map.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Key is YamlScalar { Value: var name } && _consumed?[i] != true)
            {
                extra ??= new SortedDictionary<string, object?>(StringComparer.Ordinal);
                extra[name] = ToPlain(entries[i].Value);
            }
        }

        return extra is null ? System.Collections.ObjectModel.ReadOnlyDictionary<string, object?>.Empty : extra;
    }

    /// <summary>A value as templates see it: null, a string, a list, or a map sorted by key (the first of two same-named keys wins).</summary>
    internal static object? ToPlain(YamlValue node)
    {
        switch (node)
        {
            case YamlScalar scalar:
                return scalar.IsNull ? null : scalar.Value;
            case YamlList list:
                var items = new List<object?>(list.Items.Count);
                foreach (var item in list.Items)
                {
                    items.Add(ToPlain(item));
                }

                return items;
            case YamlMap map:
                var plain = new SortedDictionary<string, object?>(StringComparer.Ordinal);
                foreach (var entry in map.Entries)
                {
                    if (entry.Key is YamlScalar { Value: var name } && !plain.ContainsKey(name))
                    {
                        plain.Add(name, ToPlain(entry.Value));
                    }
                }

                return plain;
            default:
                return null;
        }
    }

    internal static bool IsNull(YamlValue node) => node is YamlScalar { IsNull: true };

    /// <summary>Sorted by key, keeping file order between equal keys (a stable sort); most maps are sorted already.</summary>
    private static List<KeyValuePair<string, Located<string>>> InKeyOrder(List<KeyValuePair<string, Located<string>>> entries)
    {
        for (var i = 1; i < entries.Count; i++)
        {
            if (string.CompareOrdinal(entries[i - 1].Key, entries[i].Key) > 0)
            {
                return entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
            }
        }

        return entries;
    }

    private YamlScalar? ExpectScalar(string key, YamlValue node, string expected)
    {
        if (node is YamlScalar scalar)
        {
            return scalar;
        }

        var found = node is YamlList ? "a list" : "a map";
        _diagnostics.Error(DiagnosticCodes.WrongType, At(node), $"'{key}' must be {expected}, not {found}.");
        return null;
    }

    private static string Shorten(string? value) => value is null ? "" : value.Length <= 40 ? value : value[..40] + "…";
}
