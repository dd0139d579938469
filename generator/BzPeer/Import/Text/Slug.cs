namespace BzPeer.Import.Text;

/// <summary>Entity ids as SPEC §2 wants them: lowercase a-z0-9 words joined by single hyphens.</summary>
internal static class Slug
{
    private const int MaxLength = 60;

    /// <summary>Words too common to identify a title; skipped when picking "first significant words".</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "on", "in", "for", "to", "and", "or", "with", "by", "at", "from", "as", "is",
        "are", "via", "into", "its", "their", "towards", "toward", "using", "about", "be", "can", "we", "our",
        "un", "une", "le", "la", "les", "de", "des", "du", "der", "die", "das", "von", "und", "uber", "el", "los",
    };

    public static string From(string text)
    {
        var slug = Resolve.NameKey.Slug(text);
        if (slug.Length > MaxLength)
        {
            slug = slug[..MaxLength];
            var cut = slug.LastIndexOf('-');
            slug = (cut > 20 ? slug[..cut] : slug).Trim('-');
        }
        return slug;
    }

    /// <summary>The first <paramref name="count"/> words of a title that are not stop words, as slug words.</summary>
    public static IReadOnlyList<string> SignificantWords(string title, int count)
    {
        var words = From(title).Split('-', StringSplitOptions.RemoveEmptyEntries);
        var picked = words.Where(w => !StopWords.Contains(w) && !(w.Length == 1 && !char.IsDigit(w[0]))).Take(count).ToList();
        return picked.Count > 0 ? picked : words.Take(count).ToList();
    }

    /// <summary>
    /// The id for a publication: first author's family name, year, first significant title words
    /// ("hashemi-2018-learning-memory-access").
    /// </summary>
    public static string ForPublication(string? firstAuthorFamily, int year, string title)
    {
        var parts = new List<string>();
        var family = firstAuthorFamily is null ? "" : From(firstAuthorFamily);
        if (family.Length > 0)
        {
            parts.Add(family);
        }
        parts.Add(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        parts.AddRange(SignificantWords(title, 3));
        return From(string.Join('-', parts));
    }

    /// <summary>Returns <paramref name="wanted"/>, or wanted-2, wanted-3 … whichever is not yet taken, and takes it.</summary>
    public static string Unique(string wanted, ISet<string> taken)
    {
        var candidate = wanted.Length == 0 ? "untitled" : wanted;
        var baseId = candidate;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = $"{baseId}-{n}";
        }
        taken.Add(candidate);
        return candidate;
    }
}
