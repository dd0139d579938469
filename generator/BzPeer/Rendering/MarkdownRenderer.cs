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

    public static RawHtml ToHtml(string? markdown) => Render(markdown).Html;

    /// <summary>Plain text of the Markdown (for meta descriptions, feeds and the search index).</summary>
    public static string ToPlainText(string? markdown) => Render(markdown).PlainText;

    /// <summary>Both renderings from one parse: an abstract is shown as HTML and summarised as text.</summary>
    public static RenderedMarkdown Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return RenderedMarkdown.Empty;
        }

        var document = Markdown.Parse(markdown, Pipeline);
        EnforceLinkPolicy(document);
        // Kept as UTF-8: a build holds every abstract for the whole render, and pages take the bytes as they are.
        var html = Encoding.UTF8.GetBytes(Write(document, plain: false));
        return new RenderedMarkdown(new RawHtml(html), Encoding.UTF8.GetBytes(Write(document, plain: true).Trim()));
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

/// <summary>
/// A Markdown text rendered once, as HTML and as plain text, both kept as UTF-8: a build holds every abstract's
/// renderings from first use to the end, and as strings the plain text alone took 86 MB on the large bench corpus.
/// </summary>
internal sealed class RenderedMarkdown(RawHtml html, byte[] plainText)
{
    public static readonly RenderedMarkdown Empty = new(RawHtml.Empty, []);

    public RawHtml Html => html;

    /// <summary>Decoded on each use (a page description, JSON-LD, a feed entry): a few per work in a build.</summary>
    public string PlainText => plainText.Length == 0 ? "" : Encoding.UTF8.GetString(plainText);
}
