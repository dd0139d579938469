using BzPeer.Text;

namespace BzPeer.Import.Text;

/// <summary>
/// The comparison keys the importer matches with, and accent composition for LaTeX.
/// Names and titles use the build's own key (<see cref="Resolve.NameKey"/>) so that the importer and
/// <c>bzpeer build</c> agree on which spellings are the same person.
/// </summary>
internal static class TextFold
{
    private static readonly Dictionary<(char, char), char> Compositions =
        UnicodeTables.Compositions.ToDictionary(c => (c.Base, c.Mark), c => c.Composed);

    /// <summary>Composes a base letter and a combining mark into one character when Unicode has one (string.Normalize does nothing under InvariantGlobalization).</summary>
    public static string Compose(char baseLetter, char mark) =>
        Compositions.TryGetValue((baseLetter, mark), out var composed) ? composed.ToString() : $"{baseLetter}{mark}";

    /// <summary>"Jevin D. West" and "jevin d west" share a key: accents folded, lower case, punctuation as spaces.</summary>
    public static string NameKey(string name) => Resolve.NameKey.Of(name);

    /// <summary>The key for matching titles: the same folding as names ("The State of OA:" = "the state of oa").</summary>
    public static string TitleKey(string title) => Resolve.NameKey.Of(title);
}
