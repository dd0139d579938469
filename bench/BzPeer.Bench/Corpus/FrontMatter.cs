using System.Globalization;
using System.Text;

namespace BzPeer.Bench.Corpus;

/// <summary>
/// Writes YAML front matter. Every string is double-quoted (YAML's JSON-compatible form), so no
/// name or title can turn into a number, a boolean or a syntax error, whatever characters it holds.
/// </summary>
internal sealed class FrontMatter
{
    private readonly StringBuilder _sb = new(1024);

    public FrontMatter() => _sb.Append("---\n");

    public FrontMatter String(string key, string value)
    {
        _sb.Append(key).Append(": ");
        Quote(_sb, value);
        _sb.Append('\n');
        return this;
    }

    public FrontMatter OptionalString(string key, string? value) => value is null ? this : String(key, value);

    public FrontMatter Integer(string key, int value)
    {
        _sb.Append(key).Append(": ").Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return this;
    }

    public FrontMatter Boolean(string key, bool value)
    {
        _sb.Append(key).Append(": ").Append(value ? "true" : "false").Append('\n');
        return this;
    }

    /// <summary>A plain scalar the caller guarantees is safe unquoted (dates).</summary>
    public FrontMatter Raw(string key, string value)
    {
        _sb.Append(key).Append(": ").Append(value).Append('\n');
        return this;
    }

    /// <summary>A flow sequence of strings; skipped when empty.</summary>
    public FrontMatter StringList(string key, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return this;
        }
        _sb.Append(key).Append(": [");
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                _sb.Append(", ");
            }
            Quote(_sb, values[i]);
        }
        _sb.Append("]\n");
        return this;
    }

    /// <summary>A flow mapping of strings; skipped when empty.</summary>
    public FrontMatter StringMap(string key, IReadOnlyList<KeyValuePair<string, string>> entries)
    {
        if (entries.Count == 0)
        {
            return this;
        }
        _sb.Append(key).Append(": { ");
        for (int i = 0; i < entries.Count; i++)
        {
            if (i > 0)
            {
                _sb.Append(", ");
            }
            _sb.Append(entries[i].Key).Append(": ");
            Quote(_sb, entries[i].Value);
        }
        _sb.Append(" }\n");
        return this;
    }

    /// <summary>Starts a block sequence; add items with <see cref="Item"/>.</summary>
    public FrontMatter BlockList(string key)
    {
        _sb.Append(key).Append(":\n");
        return this;
    }

    public FrontMatter Item(string value)
    {
        _sb.Append("  - ");
        Quote(_sb, value);
        _sb.Append('\n');
        return this;
    }

    /// <summary>A block-sequence item that is a flow mapping; null values are left out.</summary>
    public FrontMatter MapItem(params (string Key, string? Value)[] entries)
    {
        _sb.Append("  - { ");
        bool first = true;
        foreach (var (key, value) in entries)
        {
            if (value is null)
            {
                continue;
            }
            if (!first)
            {
                _sb.Append(", ");
            }
            first = false;
            _sb.Append(key).Append(": ");
            Quote(_sb, value);
        }
        _sb.Append(" }\n");
        return this;
    }

    /// <summary>Closes the block and appends the Markdown body.</summary>
    public string WithBody(string body) => _sb.Append("---\n").Append(body).ToString();

    public static void Quote(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
    }
}
