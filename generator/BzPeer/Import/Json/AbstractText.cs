using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace BzPeer.Import.Json;

/// <summary>
/// Abstracts from Crossref and DataCite come as JATS XML or HTML ("&lt;jats:p&gt;", "&lt;b&gt;", "&amp;amp;").
/// The body of a content file is Markdown, so they are reduced to plain paragraphs here.
/// </summary>
internal static partial class AbstractText
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "jats:p", "jats:sec", "jats:title",
        "jats:list-item", "jats:list",
    };

    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!MarkupPattern().IsMatch(text))
        {
            return Paragraphs(text);
        }
        var parser = new HtmlParser();
        var document = parser.ParseDocument("<body></body>");
        var nodes = parser.ParseFragment(text, document.Body!);
        var sb = new StringBuilder();
        foreach (var node in nodes)
        {
            Append(node, sb);
        }
        return Paragraphs(sb.ToString());
    }

    private static void Append(INode node, StringBuilder sb)
    {
        if (node is IText textNode)
        {
            sb.Append(textNode.Data);
            return;
        }
        var block = node is IElement element && BlockElements.Contains(element.LocalName);
        if (block)
        {
            sb.Append("\n\n");
        }
        foreach (var child in node.ChildNodes)
        {
            Append(child, sb);
        }
        if (block)
        {
            sb.Append("\n\n");
        }
    }

    /// <summary>Paragraphs separated by one blank line, whitespace inside each collapsed.</summary>
    public static string? Paragraphs(string text)
    {
        var paragraphs = ParagraphBreak().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal))
            .Select(p => Whitespace().Replace(p, " ").Trim())
            .Where(p => p.Length > 0)
            .ToList();
        return paragraphs.Count == 0 ? null : string.Join("\n\n", paragraphs);
    }

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9:-]*[^>]*>|&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);", RegexOptions.CultureInvariant)]
    private static partial Regex MarkupPattern();

    [GeneratedRegex(@"\n[ \t]*\n\s*", RegexOptions.CultureInvariant)]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
