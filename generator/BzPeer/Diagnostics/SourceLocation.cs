namespace BzPeer.Diagnostics;

/// <summary>
/// A 1-based position in a source file, the path relative to the site folder with '/' separators.
/// Every library counts differently (YamlDotNet 1-based, Markdig and Scriban 0-based); the
/// conversions live in the factory methods below so there is exactly one place to get them right.
/// </summary>
public readonly record struct SourceLocation(string Path, int Line, int Column)
{
    public static SourceLocation File(string path) => new(path, 0, 0);

    /// <summary>YamlDotNet marks are already 1-based; <paramref name="lineOffset"/> is the number of lines before the YAML (front matter fence).</summary>
    public static SourceLocation FromYamlMark(string path, YamlDotNet.Core.Mark mark, int lineOffset) =>
        new(path, (int)mark.Line + lineOffset, (int)mark.Column);

    /// <summary>Scriban spans are 0-based.</summary>
    public static SourceLocation FromZeroBased(string path, int line, int column) => new(path, line + 1, column + 1);

    public bool HasLine => Line > 0;

    public override string ToString() => HasLine ? $"{Path}({Line},{Column})" : Path;
}
