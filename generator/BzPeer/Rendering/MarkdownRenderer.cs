using System.Text;
using BzPeer.Content;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BzPeer.Rendering;

/// <summary>
/// The one Markdown pipeline of a build. Content is untrusted, so: raw HTML is off (printed as text), the
/// extensions are listed one by one (UseAdvancedExtensions would turn on generic attributes, i.e.
/// <c>{onclick=…}</c>), and links whose scheme is not http(s), mailto or relative lose their target
/// (an autolink, whose text is its target, becomes plain text).
/// </summary>
internal static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()      // ~~strike~~, ^sup^, ~sub~
        .UsePipeTables()
        .UseListExtras()          // a. b. c. and i. ii. lists
        .UseAutoLinks()           // bare https:// URLs become links
        .UseFootnotes()
        .UseMathematics()         // $x$ kept as text in <span class="math">, no script needed to read it
        .DisableHtml()
        .Build();

    public static RawHtml ToHtml(string? markdown) => new(HtmlBytes(markdown));

    /// <summary>The HTML as UTF-8, which is how pages take it.</summary>
    public static byte[] HtmlBytes(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? [] : Encoding.UTF8.GetBytes(Write(Parse(markdown), plain: false));

    /// <summary>Plain text of the Markdown (for meta descriptions, feeds and the search index).</summary>
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Write(Parse(markdown), plain: true).Trim();

    private static MarkdownDocument Parse(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        EnforceLinkPolicy(document);
        return document;
    }

    private static string Write(MarkdownDocument document, bool plain)
    {
        if (!plain)
        {
            // Markdig renders a parsed document with a renderer from its pool, set up once per pipeline.
            return Markdown.ToHtml(document, Pipeline);
        }

        using var writer = new StringWriter();
        // What Markdig's own ToPlainText does: the same renderer with tags and escaping off.
        var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static void EnforceLinkPolicy(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is { } url && !LinkPolicy.IsSafe(url))
            {
                link.Url = "";
            }

            // Images from elsewhere would be blocked by the CSP (img-src 'self'); keep them as links instead.
            if (link.IsImage && link.Url is { } imageUrl && (imageUrl.Contains("//", StringComparison.Ordinal) || imageUrl.Length == 0))
            {
                link.IsImage = false;
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!autolink.IsEmail && !LinkPolicy.IsSafe(autolink.Url))
            {
                // An autolink's text is its URL, so without the URL it would render as <a href=""></a>:
                // a tab stop with no name (axe-core: link-name). Keep what the author wrote, as text.
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }
    }
}
