namespace BzPeer.Import.Bibtex;

/// <summary>Turns a character offset into a 1-based line and column.</summary>
internal sealed class LineMap
{
    private readonly List<int> _lineStarts = [0];

    public LineMap(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public ImportPosition At(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return new ImportPosition(line + 1, offset - _lineStarts[line] + 1);
    }
}
