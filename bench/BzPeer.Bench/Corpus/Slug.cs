using System.Text;

namespace BzPeer.Bench.Corpus;

/// <summary>Ids (lowercase a-z0-9-) and matching keys made from display names.</summary>
internal static class Slug
{
    // A fixed table rather than Unicode normalisation: the corpus must not depend on the ICU build or
    // invariant-globalization mode, and the names it folds come from Vocabulary, so the set is known.
    private static readonly Dictionary<char, string> Folds = BuildFolds();

    private static Dictionary<char, string> BuildFolds()
    {
        var folds = new Dictionary<char, string>();
        void Add(string chars, string to)
        {
            foreach (char c in chars)
            {
                folds[c] = to;
            }
        }
        Add("áàâäãåāą", "a");
        Add("çčć", "c");
        Add("ďđ", "d");
        Add("éèêëěēę", "e");
        Add("ğ", "g");
        Add("íìîïı", "i");
        Add("ł", "l");
        Add("ñńň", "n");
        Add("óòôöõøōő", "o");
        Add("řŕ", "r");
        Add("śšş", "s");
        Add("ť", "t");
        Add("úùûüūůű", "u");
        Add("ýÿ", "y");
        Add("žźż", "z");
        Add("ß", "ss");
        Add("æ", "ae");
        Add("œ", "oe");
        Add("ð", "d");
        Add("þ", "th");
        return folds;
    }

    /// <summary>Lowercase and strip Latin accents; characters outside the table are kept as they are.</summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char raw in text)
        {
            char c = char.ToLowerInvariant(raw);
            if (Folds.TryGetValue(c, out string? folded))
            {
                sb.Append(folded);
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>An id: folded, runs of anything but a-z0-9 become one '-', trimmed; empty when nothing ASCII remains.</summary>
    public static string FromText(string text, int maxLength = 60)
    {
        string folded = Fold(text);
        var sb = new StringBuilder(folded.Length);
        bool pendingDash = false;
        foreach (char c in folded)
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingDash && sb.Length > 0)
                {
                    sb.Append('-');
                }
                pendingDash = false;
                sb.Append(c);
                if (sb.Length >= maxLength)
                {
                    break;
                }
            }
            else
            {
                pendingDash = true;
            }
        }
        return sb.ToString().TrimEnd('-');
    }

    /// <summary>
    /// The key two spellings of a name share when BzPeer would match them (case, accents and punctuation ignored).
    /// Whitespace is dropped too, which is stricter than the matcher and so safe for keeping names apart.
    /// </summary>
    public static string MatchKey(string name)
    {
        string folded = Fold(name);
        var sb = new StringBuilder(folded.Length);
        foreach (char c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    public static bool IsValidId(string id)
    {
        if (id.Length == 0 || id[0] == '-' || id[^1] == '-')
        {
            return false;
        }
        foreach (char c in id)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }
        return true;
    }
}
