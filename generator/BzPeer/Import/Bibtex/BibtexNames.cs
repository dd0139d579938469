using System.Text;

namespace BzPeer.Import.Bibtex;

/// <summary>One BibTeX name split into its four parts, already converted to Unicode.</summary>
internal sealed record BibName(string First, string Von, string Last, string Jr)
{
    /// <summary>"First von Last, Jr": the order people write names in prose.</summary>
    public string Display
    {
        get
        {
            var main = string.Join(' ', new[] { First, Von, Last }.Where(p => p.Length > 0));
            return Jr.Length > 0 ? $"{main}, {Jr}" : main;
        }
    }
}

/// <summary>
/// Splits BibTeX author and editor lists the way BibTeX does: names separated by "and" at brace depth 0;
/// each name in one of the forms "First von Last", "von Last, First" or "von Last, Jr, First"; the von
/// part is the words starting with a lower-case letter; braced words are never split or case-tested.
/// </summary>
internal static class BibtexNames
{
    /// <summary>The names in a list, and whether it ended with "and others".</summary>
    public static (IReadOnlyList<BibName> Names, bool Others) ParseList(string raw)
    {
        var names = new List<BibName>();
        var others = false;
        foreach (var part in SplitOnAnd(raw))
        {
            var trimmed = part.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }
            if (trimmed.Equals("others", StringComparison.OrdinalIgnoreCase))
            {
                others = true;
                continue;
            }
            names.Add(Parse(trimmed));
        }
        return (names, others);
    }

    public static BibName Parse(string raw)
    {
        var commaParts = SplitTopLevel(raw, ',').Select(p => p.Trim()).ToList();
        string first, von, last, jr = "";
        if (commaParts.Count == 1)
        {
            var words = Words(commaParts[0]);
            if (words.Count == 1)
            {
                return Converted("", "", words[0], "");
            }
            // von starts at the first lower-case word (not the last word) and ends at the last lower-case word before the last word.
            var vonStart = -1;
            var vonEnd = -1;
            for (var i = 0; i < words.Count - 1; i++)
            {
                if (IsLowerWord(words[i]))
                {
                    if (vonStart < 0)
                    {
                        vonStart = i;
                    }
                    vonEnd = i;
                }
            }
            if (vonStart < 0)
            {
                first = string.Join(' ', words.Take(words.Count - 1));
                von = "";
                last = words[^1];
            }
            else
            {
                first = string.Join(' ', words.Take(vonStart));
                von = string.Join(' ', words.Skip(vonStart).Take(vonEnd - vonStart + 1));
                last = string.Join(' ', words.Skip(vonEnd + 1));
            }
            return Converted(first, von, last, "");
        }
        var vonLast = Words(commaParts[0]);
        if (commaParts.Count == 2)
        {
            first = commaParts[1];
        }
        else
        {
            jr = commaParts[1];
            first = string.Join(", ", commaParts.Skip(2));
        }
        // In "von Last, …" the von part is the leading lower-case words, keeping at least one word for Last.
        var lastLower = -1;
        for (var i = 0; i < vonLast.Count - 1; i++)
        {
            if (IsLowerWord(vonLast[i]))
            {
                lastLower = i;
            }
        }
        von = string.Join(' ', vonLast.Take(lastLower + 1));
        last = string.Join(' ', vonLast.Skip(lastLower + 1));
        return Converted(first, von, last, jr);
    }

    private static BibName Converted(string first, string von, string last, string jr) =>
        new(LatexText.ToUnicode(first), LatexText.ToUnicode(von), LatexText.ToUnicode(last), LatexText.ToUnicode(jr));

    /// <summary>Splits on the word "and" (any case) between spaces at brace depth 0.</summary>
    private static List<string> SplitOnAnd(string raw)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && char.IsWhiteSpace(c) && i + 4 < raw.Length
                     && string.Compare(raw, i + 1, "and", 0, 3, StringComparison.OrdinalIgnoreCase) == 0
                     && char.IsWhiteSpace(raw[i + 4]))
            {
                parts.Add(raw[start..i]);
                start = i + 5;
                i += 4;
            }
        }
        parts.Add(raw[start..]);
        return parts;
    }

    private static List<string> SplitTopLevel(string raw, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '{')
            {
                depth++;
            }
            else if (raw[i] == '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (raw[i] == separator && depth == 0)
            {
                parts.Add(raw[start..i]);
                start = i + 1;
            }
        }
        parts.Add(raw[start..]);
        return parts;
    }

    /// <summary>Words separated by spaces or '~' at brace depth 0.</summary>
    private static List<string> Words(string raw)
    {
        var words = new List<string>();
        var depth = 0;
        var current = new StringBuilder();
        foreach (var c in raw)
        {
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            if (depth == 0 && (char.IsWhiteSpace(c) || c == '~'))
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                }
                continue;
            }
            current.Append(c);
        }
        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }
        return words;
    }

    /// <summary>
    /// The case of a word is the case of its first letter at brace depth 0. A special character
    /// ("{\"o}", "{\v s}") counts by its letter; other braced text ("{Van} Dyke") has no case and is not von.
    /// </summary>
    private static bool IsLowerWord(string word)
    {
        var depth = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c == '{')
            {
                if (depth == 0 && i + 1 < word.Length && word[i + 1] == '\\')
                {
                    var text = LatexText.ToUnicode(word[i..]);
                    var letter = text.FirstOrDefault(char.IsLetter);
                    return letter != default && char.IsLower(letter);
                }
                depth++;
            }
            else if (c == '}')
            {
                depth--;
            }
            else if (depth == 0 && char.IsLetter(c))
            {
                return char.IsLower(c);
            }
            else if (depth == 0 && c == '\\')
            {
                var text = LatexText.ToUnicode(word[i..]);
                var letter = text.FirstOrDefault(char.IsLetter);
                return letter != default && char.IsLower(letter);
            }
        }
        return false;
    }
}
