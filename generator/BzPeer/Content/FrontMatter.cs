using BzPeer.Diagnostics;

namespace BzPeer.Content;

/// <summary>The YAML block (a slice of the file's text, not a copy) and Markdown body of a content file, with where each starts.</summary>
internal sealed record FrontMatter(ReadOnlyMemory<char> Yaml, int YamlLineOffset, string Body, int BodyLine)
{
    /// <summary>
    /// Splits "---\nYAML\n---\nBODY". A `.yml` file is all YAML (its body lives under `body:`).
    /// Returns null after reporting when the fences are wrong.
    /// </summary>
    public static FrontMatter? Split(SourceDocument document, DiagnosticBag diagnostics)
    {
        var text = document.Text;
        if (document.Path.EndsWith(".yml", StringComparison.Ordinal) || document.Path.EndsWith(".yaml", StringComparison.Ordinal))
        {
            return new FrontMatter(text.AsMemory(), 0, "", 0);
        }

        if (!IsFence(text, 0, out var afterOpen))
        {
            diagnostics.Error(DiagnosticCodes.MissingFrontMatter, new SourceLocation(document.Path, 1, 1),
                "The file does not start with a YAML front-matter block.",
                "Start the file with a line '---', the YAML keys, then a closing '---' line.");
            return null;
        }

        var position = afterOpen;
        var line = 2;
        while (position <= text.Length)
        {
            if (IsFence(text, position, out var afterClose))
            {
                var yaml = text.AsMemory(afterOpen, position - afterOpen);
                var body = afterClose >= text.Length ? "" : text[afterClose..];
                return new FrontMatter(yaml, 1, body, line + 1);
            }

            var next = text.IndexOf('\n', position);
            if (next < 0)
            {
                break;
            }

            position = next + 1;
            line++;
        }

        diagnostics.Error(DiagnosticCodes.UnterminatedFrontMatter, new SourceLocation(document.Path, 1, 1),
            "The front matter opened here is never closed.", "Add a line containing only '---' after the last YAML key.");
        return null;
    }

    /// <summary>A line that is exactly '---' (trailing spaces allowed) starting at <paramref name="start"/>.</summary>
    private static bool IsFence(string text, int start, out int nextLineStart)
    {
        nextLineStart = start;
        if (start > text.Length || string.CompareOrdinal(text, start, "---", 0, 3) != 0)
        {
            return false;
        }

        var end = text.IndexOf('\n', start);
        var lineEnd = end < 0 ? text.Length : end;
        for (var i = start + 3; i < lineEnd; i++)
        {
            if (text[i] != ' ' && text[i] != '\t')
            {
                return false;
            }
        }

        nextLineStart = end < 0 ? text.Length : end + 1;
        return true;
    }
}
