using System.Globalization;
using System.Text;

namespace BzPeer.Resolve;

/// <summary>
/// Name comparison "ignoring case, accents and punctuation" (SPEC §2): "Évan Z. Liu", "evan z liu" and
/// "evan-z-liu" share the key "evan z liu".
/// </summary>
public static class NameKey
{
    public static string Of(string name)
    {
        var builder = new StringBuilder(name.Length);
        var pendingSpace = false;
        foreach (var c in name)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                if (LatinFold.TryFold(c, out var fold))
                {
                    builder.Append(fold);
                }
                else
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>A valid id (lowercase a-z0-9 and single hyphens) from any text; empty when nothing ASCII is left.</summary>
    public static string Slug(string text)
    {
        var key = Of(text);
        var builder = new StringBuilder(key.Length);
        var pendingHyphen = false;
        foreach (var c in key)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingHyphen = false;
                builder.Append(c);
            }
            else
            {
                pendingHyphen = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>"machine-learning" → "Machine learning": the name of a topic or institution that has no file.</summary>
    public static string NameFromId(string id)
    {
        var words = id.Replace('-', ' ');
        return words.Length == 0 ? id : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
