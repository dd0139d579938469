using System.Text;

namespace BzPeer.Import.Text;

/// <summary>
/// Accent folding and the comparison keys used to match names and titles.
/// Hand-rolled on generated tables because string.Normalize does nothing under InvariantGlobalization.
/// </summary>
internal static class TextFold
{
    private static readonly Dictionary<char, string> Folds = UnicodeTables.Folds.ToDictionary(f => f.Letter, f => f.Ascii);

    private static readonly Dictionary<(char, char), char> Compositions =
        UnicodeTables.Compositions.ToDictionary(c => (c.Base, c.Mark), c => c.Composed);

    /// <summary>Replaces letters with diacritics and ligatures by plain ASCII and drops stray combining marks.</summary>
    public static string FoldAccents(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch < 128)
            {
                sb.Append(ch);
            }
            else if (Folds.TryGetValue(ch, out var ascii))
            {
                sb.Append(ascii);
            }
            else if (ch is >= '\u0300' and <= '\u036F')
            {
                // a combining mark left over from "e\u0301": the base letter is already there
            }
            else
            {
                sb.Append(ch);
            }
        }
        return sb.ToString();
    }

    /// <summary>Composes a base letter and a combining mark into one character when Unicode has one.</summary>
    public static string Compose(char baseLetter, char mark) =>
        Compositions.TryGetValue((baseLetter, mark), out var composed) ? composed.ToString() : $"{baseLetter}{mark}";

    /// <summary>
    /// The key two spellings of a person's name share when they match: accents folded, lower case,
    /// apostrophes dropped, other punctuation as spaces, single spaces ("Jevin D. West" = "jevin d west").
    /// </summary>
    public static string NameKey(string name) => WordKey(name);

    /// <summary>The key for matching titles: the same folding as names ("The State of OA:" = "the state of oa").</summary>
    public static string TitleKey(string title) => WordKey(title);

    private static string WordKey(string text)
    {
        var folded = FoldAccents(text);
        var sb = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var ch in folded)
        {
            if (char.IsLetterOrDigit(ch))
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }
                pendingSpace = false;
                sb.Append(char.ToLowerInvariant(ch));
            }
            else if (ch is '\'' or '\u2019')
            {
                // O'Brien and OBrien are the same person
            }
            else
            {
                pendingSpace = true;
            }
        }
        return sb.ToString();
    }
}
