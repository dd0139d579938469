using System.Collections.Frozen;
using BzPeer.Text;

namespace BzPeer.Resolve;

/// <summary>
/// Folds accented Latin letters to ASCII ("É" → "e", "ấ" → "a", "ß" → "ss"). The build runs with invariant
/// globalization, where string.Normalize does not decompose, so the fold comes from a generated table
/// (<see cref="LatinFoldTable"/>) plus the letters Unicode does not decompose. Combining marks in
/// already-decomposed text are dropped by the caller.
/// </summary>
internal static class LatinFold
{
    private static readonly FrozenDictionary<char, string> Table = Build();

    public static bool TryFold(char c, out string folded) => Table.TryGetValue(c, out folded!);

    private static FrozenDictionary<char, string> Build()
    {
        var table = new Dictionary<char, string>
        {
            ['ß'] = "ss", ['ẞ'] = "ss", ['ø'] = "o", ['Ø'] = "o", ['ł'] = "l", ['Ł'] = "l", ['đ'] = "d", ['Đ'] = "d",
            ['æ'] = "ae", ['Æ'] = "ae", ['œ'] = "oe", ['Œ'] = "oe", ['ı'] = "i", ['þ'] = "th", ['Þ'] = "th", ['ð'] = "d", ['Ð'] = "d",
            ['ħ'] = "h", ['Ħ'] = "h", ['ŧ'] = "t", ['Ŧ'] = "t", ['ŋ'] = "n", ['Ŋ'] = "n", ['ĸ'] = "k", ['ſ'] = "s",
        };
        for (var i = 0; i < LatinFoldTable.Letters.Length; i++)
        {
            table.TryAdd(LatinFoldTable.Letters[i], LatinFoldTable.Folded[i].ToString());
        }

        return table.ToFrozenDictionary();
    }
}
