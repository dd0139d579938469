namespace BzPeer.Content;

/// <summary>A content or configuration file as read: text decoded, BOM removed, line endings normalised to '\n'.</summary>
public sealed class SourceDocument
{
    private string[]? _lines;

    public SourceDocument(string path, string fullPath, string text)
    {
        Path = path;
        FullPath = fullPath;
        Text = text;
    }

    /// <summary>Path relative to the site folder, '/' separated: what diagnostics show.</summary>
    public string Path { get; }

    public string FullPath { get; }

    public string Text { get; }

    /// <summary>The 1-based line, for excerpts under diagnostics; empty when out of range.</summary>
    public string Line(int line)
    {
        _lines ??= Text.Split('\n');
        return line >= 1 && line <= _lines.Length ? _lines[line - 1] : "";
    }
}
