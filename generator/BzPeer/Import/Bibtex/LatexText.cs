using System.Text;
using BzPeer.Import.Text;

namespace BzPeer.Import.Bibtex;

/// <summary>
/// Turns the LaTeX in BibTeX values into plain Unicode text: accents ({\"o}, \'{e}, {\c c}), special
/// letters ({\ss}, \o, \l), escaped symbols (\&amp;, \%), font commands (\emph{x} → x), dashes and quotes;
/// protecting braces are removed. Math ($…$) is kept as written, since it has no plain-text form.
/// </summary>
internal static class LatexText
{
    /// <summary>Accent commands and the combining mark each one puts on the next letter.</summary>
    private static readonly Dictionary<string, char> Accents = new(StringComparer.Ordinal)
    {
        ["`"] = '\u0300', ["'"] = '\u0301', ["^"] = '\u0302', ["~"] = '\u0303', ["="] = '\u0304', ["u"] = '\u0306',
        ["."] = '\u0307', ["\""] = '\u0308', ["r"] = '\u030A', ["H"] = '\u030B', ["v"] = '\u030C', ["d"] = '\u0323',
        ["c"] = '\u0327', ["k"] = '\u0328', ["b"] = '\u0331',
    };

    /// <summary>Commands that stand for a character or a word.</summary>
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["ss"] = "ß", ["o"] = "ø", ["O"] = "Ø", ["ae"] = "æ", ["AE"] = "Æ", ["oe"] = "œ", ["OE"] = "Œ",
        ["aa"] = "å", ["AA"] = "Å", ["l"] = "ł", ["L"] = "Ł", ["i"] = "ı", ["j"] = "ȷ", ["dh"] = "ð", ["DH"] = "Ð",
        ["th"] = "þ", ["TH"] = "Þ", ["ng"] = "ŋ", ["NG"] = "Ŋ",
        ["textendash"] = "–", ["textemdash"] = "—", ["textquoteright"] = "’", ["textquoteleft"] = "‘",
        ["textquotedblleft"] = "“", ["textquotedblright"] = "”", ["ldots"] = "…", ["dots"] = "…", ["textellipsis"] = "…",
        ["LaTeX"] = "LaTeX", ["TeX"] = "TeX", ["BibTeX"] = "BibTeX", ["copyright"] = "©", ["textcopyright"] = "©",
        ["textregistered"] = "®", ["texttrademark"] = "™", ["S"] = "§", ["P"] = "¶", ["pounds"] = "£",
        ["euro"] = "€", ["texteuro"] = "€", ["textasciitilde"] = "~", ["textbackslash"] = "\\", ["textbar"] = "|",
        ["textless"] = "<", ["textgreater"] = ">", ["textdegree"] = "°", ["textordfeminine"] = "ª",
        ["textordmasculine"] = "º", ["guillemotleft"] = "«", ["guillemotright"] = "»", ["textexclamdown"] = "¡",
        ["textquestiondown"] = "¿", ["textunderscore"] = "_", ["textdollar"] = "$", ["textperiodcentered"] = "·",
    };

    /// <summary>Spacing commands; all become one space or nothing.</summary>
    private static readonly Dictionary<string, string> Spacing = new(StringComparer.Ordinal)
    {
        [","] = " ", [";"] = " ", [":"] = " ", ["!"] = "", ["-"] = "", ["/"] = "", [" "] = " ", ["\\"] = " ",
        ["quad"] = " ", ["qquad"] = " ", ["newline"] = " ", ["par"] = "\n\n", ["noindent"] = "", ["relax"] = "",
        ["xspace"] = "", ["nobreakspace"] = " ", ["hfill"] = " ", ["protect"] = "",
    };

    /// <summary>Commands whose last argument is link text (\href{url}{text}: keep text).</summary>
    private static readonly HashSet<string> TwoArgumentKeepSecond = new(StringComparer.Ordinal) { "href" };

    /// <summary>Nesting beyond this is hostile, not LaTeX: braces and accents past it are dropped instead of recursing.</summary>
    private const int MaxDepth = 50;

    /// <summary>Converts a LaTeX value to plain text on one line (titles, names, venues).</summary>
    public static string ToUnicode(string latex) => CollapseWhitespace(Convert(latex));

    /// <summary>Converts a LaTeX value to plain text, keeping blank-line paragraph breaks (abstracts).</summary>
    public static string ToUnicodeParagraphs(string latex)
    {
        var text = Convert(latex).Replace("\r\n", "\n", StringComparison.Ordinal);
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(CollapseWhitespace)
            .Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }

    /// <summary>
    /// For values that are not prose (DOIs, URLs, eprint ids): drop braces and unescape \_ \% \&amp; \#, nothing else,
    /// so "--" in a URL stays "--".
    /// </summary>
    public static string Verbatim(string latex)
    {
        var sb = new StringBuilder(latex.Length);
        for (var i = 0; i < latex.Length; i++)
        {
            var c = latex[i];
            if (c == '\\' && i + 1 < latex.Length && latex[i + 1] is '_' or '%' or '&' or '#' or '$' or '{' or '}' or '~')
            {
                sb.Append(latex[++i]);
            }
            else if (c is not ('{' or '}'))
            {
                sb.Append(c);
            }
        }
        return CollapseWhitespace(sb.ToString());
    }

    private static string Convert(string latex)
    {
        var sb = new StringBuilder(latex.Length);
        var i = 0;
        AppendUntil(latex, ref i, sb, stopAtCloseBrace: false, depth: 0);
        return sb.ToString();
    }

    /// <summary>Converts from <paramref name="i"/> to the end, or to the '}' closing the current group.</summary>
    private static void AppendUntil(string s, ref int i, StringBuilder sb, bool stopAtCloseBrace, int depth)
    {
        while (i < s.Length)
        {
            var c = s[i];
            switch (c)
            {
                case '}':
                    i++;
                    if (stopAtCloseBrace)
                    {
                        return;
                    }
                    break; // a stray '}' is dropped
                case '{' when depth >= MaxDepth:
                    i++; // hostile nesting: drop the brace rather than recurse further
                    break;
                case '{':
                    i++;
                    AppendUntil(s, ref i, sb, stopAtCloseBrace: true, depth + 1); // protecting braces: keep the content only
                    break;
                case '\\':
                    AppendCommand(s, ref i, sb, depth + 1);
                    break;
                case '$':
                    AppendMath(s, ref i, sb);
                    break;
                case '~':
                    sb.Append(' ');
                    i++;
                    break;
                case '-':
                    if (At(s, i, "---"))
                    {
                        sb.Append('—');
                        i += 3;
                    }
                    else if (At(s, i, "--"))
                    {
                        sb.Append('–');
                        i += 2;
                    }
                    else
                    {
                        sb.Append('-');
                        i++;
                    }
                    break;
                case '`' when At(s, i, "``"):
                    sb.Append('“');
                    i += 2;
                    break;
                case '\'' when At(s, i, "''"):
                    sb.Append('”');
                    i += 2;
                    break;
                default:
                    sb.Append(c);
                    i++;
                    break;
            }
        }
    }

    private static void AppendMath(string s, ref int i, StringBuilder sb)
    {
        var end = s.IndexOf('$', i + 1);
        if (end < 0)
        {
            sb.Append('$');
            i++;
            return;
        }
        sb.Append(s, i, end - i + 1);
        i = end + 1;
    }

    private static void AppendCommand(string s, ref int i, StringBuilder sb, int depth)
    {
        i++; // '\'
        if (i >= s.Length)
        {
            return;
        }
        var name = ReadCommandName(s, ref i);
        if (name.Length == 1 && name[0] is '&' or '%' or '$' or '#' or '_' or '{' or '}')
        {
            sb.Append(name[0]);
            return;
        }
        if (depth < MaxDepth && Accents.TryGetValue(name, out var mark) && NextIsAccentArgument(s, i, name))
        {
            var letter = ReadAccentArgument(s, ref i, depth);
            if (letter.Length == 0)
            {
                return;
            }
            var baseLetter = letter[0] is 'ı' ? 'i' : letter[0] is 'ȷ' ? 'j' : letter[0];
            sb.Append(TextFold.Compose(baseLetter, mark)).Append(letter, 1, letter.Length - 1);
            return;
        }
        if (Symbols.TryGetValue(name, out var symbol))
        {
            sb.Append(symbol);
            SkipControlWordSpace(s, ref i, name);
            return;
        }
        if (Spacing.TryGetValue(name, out var space))
        {
            sb.Append(space);
            SkipControlWordSpace(s, ref i, name);
            return;
        }
        if (TwoArgumentKeepSecond.Contains(name))
        {
            SkipGroup(s, ref i, depth);
        }
        // Any other command (\emph, \textbf, \url, \mbox, unknown ones): drop the command, keep its argument.
        SkipControlWordSpace(s, ref i, name);
    }

    private static string ReadCommandName(string s, ref int i)
    {
        if (!char.IsAsciiLetter(s[i]))
        {
            return s[i++].ToString();
        }
        var start = i;
        while (i < s.Length && char.IsAsciiLetter(s[i]))
        {
            i++;
        }
        return s[start..i];
    }

    /// <summary>A letter command like \c or \v is an accent only when an argument follows (\c c, \c{c}); \v alone is not.</summary>
    private static bool NextIsAccentArgument(string s, int i, string name)
    {
        if (i >= s.Length)
        {
            return false;
        }
        return char.IsAsciiLetter(name[0]) ? s[i] is ' ' or '{' or '\\' : true;
    }

    /// <summary>The accented letter: "{o}", "o", " o", "{\i}", "\i", and whatever else is in the braces after it.</summary>
    private static string ReadAccentArgument(string s, ref int i, int depth)
    {
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }
        if (i >= s.Length)
        {
            return "";
        }
        if (s[i] == '{')
        {
            i++;
            var inner = new StringBuilder();
            AppendUntil(s, ref i, inner, stopAtCloseBrace: true, depth + 1);
            return inner.ToString();
        }
        if (s[i] == '\\')
        {
            var inner = new StringBuilder();
            AppendCommand(s, ref i, inner, depth + 1);
            return inner.ToString();
        }
        return s[i++].ToString();
    }

    private static void SkipGroup(string s, ref int i, int depth)
    {
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }
        if (i < s.Length && s[i] == '{')
        {
            var ignored = new StringBuilder();
            i++;
            AppendUntil(s, ref i, ignored, stopAtCloseBrace: true, depth + 1);
        }
    }

    /// <summary>TeX swallows the spaces after a control word (\ss x → ßx); "{}" after it is an empty group.</summary>
    private static void SkipControlWordSpace(string s, ref int i, string name)
    {
        if (!char.IsAsciiLetter(name[0]))
        {
            return;
        }
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }
        if (At(s, i, "{}"))
        {
            i += 2;
        }
    }

    private static bool At(string s, int i, string what) => string.CompareOrdinal(s, i, what, 0, what.Length) == 0;

    private static string CollapseWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
            }
            else
            {
                if (space)
                {
                    sb.Append(' ');
                    space = false;
                }
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
