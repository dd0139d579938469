using System.Text;

namespace BzPeer.Diff;

/// <summary>
/// Makes untrusted text (names, titles, tier names) inert inside a Markdown PR comment: no formatting, no HTML,
/// no table breaks, and no @mentions — a zero-width joiner after '@' stops GitHub from pinging anyone.
/// </summary>
public static class MarkdownText
{
    public const int MaxLength = 120;

    private const string Special = "\\`*_[]{}()#+!|~";

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        var length = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (length == MaxLength)
            {
                builder.Append('…');
                break;
            }

            length++;
            var c = rune.Value;
            if (c is '\n' or '\r' or '\t')
            {
                builder.Append(' ');
            }
            else if (Rune.IsControl(rune) || c is 0x202A or 0x202B or 0x202C or 0x202D or 0x202E or (>= 0x2066 and <= 0x2069))
            {
                // Control and bidirectional-override characters could hide or reorder the text around them.
            }
            else if (c == '<')
            {
                builder.Append("&lt;");
            }
            else if (c == '>')
            {
                builder.Append("&gt;");
            }
            else if (c == '&')
            {
                builder.Append("&amp;");
            }
            else if (c == '@')
            {
                builder.Append("@\u200D");
            }
            else if (c < 128 && Special.Contains((char)c, StringComparison.Ordinal))
            {
                builder.Append('\\').Append((char)c);
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary>An id or node id as inline code; ids are [a-z0-9-] with a kind prefix, but never trust that.</summary>
    public static string Code(string id) =>
        id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or ':' or '.' or '_') ? $"`{id}`" : Escape(id);
}
