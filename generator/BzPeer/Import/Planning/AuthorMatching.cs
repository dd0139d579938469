using BzPeer.Import.Text;

namespace BzPeer.Import.Planning;

/// <summary>
/// Decides whether an author of an imported work is the researcher the import is about (<c>--researcher</c>).
/// Looser than site-wide name matching, because here we know who to look for: "Einstein, A." is
/// Albert Einstein when the family names agree and the initials fit.
/// </summary>
internal sealed class SubjectMatcher(string name, string? family, string? given, IEnumerable<string> aliases, string? orcid)
{
    private readonly HashSet<string> _nameKeys = new(new[] { name }.Concat(aliases).Select(TextFold.NameKey), StringComparer.Ordinal);
    private readonly IReadOnlyList<(string Family, string[] Given)> _spellings = new[] { (family, given) }
        .Where(s => s.family is not null)
        .Select(s => (TextFold.NameKey(s.family!), Words(s.given)))
        .Concat(new[] { name }.Concat(aliases).Select(Split))
        .ToList();

    public bool Matches(ImportedAuthor author)
    {
        if (orcid is not null && author.Orcid is not null)
        {
            return string.Equals(orcid, author.Orcid, StringComparison.OrdinalIgnoreCase);
        }
        if (_nameKeys.Contains(TextFold.NameKey(author.Name)))
        {
            return true;
        }
        var authorFamily = author.Family is not null ? TextFold.NameKey(author.Family) : Split(author.Name).Family;
        var authorGiven = author.Family is not null ? Words(author.Given) : Split(author.Name).Given;
        return _spellings.Any(s => s.Family == authorFamily && GivenNamesFit(s.Given, authorGiven));
    }

    /// <summary>"A." fits "Albert"; "Albert" fits "Albert Jr"; "Alfred" does not fit "Albert"; no given names fit nothing.</summary>
    private static bool GivenNamesFit(string[] known, string[] candidate)
    {
        if (known.Length == 0 || candidate.Length == 0)
        {
            return false;
        }
        for (var i = 0; i < Math.Min(known.Length, candidate.Length); i++)
        {
            var a = known[i];
            var b = candidate[i];
            if (a[0] != b[0])
            {
                return false;
            }
            if (a.Length > 1 && b.Length > 1 && a != b)
            {
                return false;
            }
        }
        return true;
    }

    private static (string Family, string[] Given) Split(string fullName)
    {
        var words = Words(fullName);
        return words.Length == 0 ? ("", []) : (words[^1], words[..^1]);
    }

    private static string[] Words(string? text) =>
        text is null ? [] : TextFold.NameKey(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
