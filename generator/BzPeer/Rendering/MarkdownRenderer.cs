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
        var plain = Write(document, plain: true).Trim();
        // Most texts' plain rendering is their HTML without its tags: then only the HTML is kept (see RenderedMarkdown).
        return new RenderedMarkdown(new RawHtml(html), IsTextOfHtml(plain, html) ? null : Encoding.UTF8.GetBytes(plain));
    }

    /// <summary>Whether <paramref name="plain"/> is <see cref="TextOfHtml"/> of <paramref name="html"/>, without making that string when it has no references to decode.</summary>
    private static bool IsTextOfHtml(string plain, ReadOnlySpan<byte> html)
    {
        var chars = System.Buffers.ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(html.Length));
        var text = StripTags(html, chars, out var references);
        var same = references ? string.Equals(plain, System.Net.WebUtility.HtmlDecode(text.ToString()).Trim(), StringComparison.Ordinal)
            : text.SequenceEqual(plain);
        System.Buffers.ArrayPool<char>.Shared.Return(chars);
        return same;
    }

    /// <summary>
    /// The text of HTML that Markdig wrote: tags dropped, character references decoded, trimmed. Markdig escapes
    /// every <c>&lt;</c> and <c>&gt;</c> outside its tags, and raw HTML is off, so a tag is exactly what lies between them.
    /// </summary>
    internal static string TextOfHtml(ReadOnlySpan<byte> html)
    {
        if (html.IsEmpty)
        {
            return "";
        }

        var chars = System.Buffers.ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(html.Length));
        var stripped = StripTags(html, chars, out var references);
        var text = stripped.ToString();
        System.Buffers.ArrayPool<char>.Shared.Return(chars);
        return references ? System.Net.WebUtility.HtmlDecode(text).Trim() : text;
    }

    /// <summary>The HTML's characters outside tags, trimmed, in <paramref name="chars"/>; whether any '&amp;' is among them.</summary>
    private static ReadOnlySpan<char> StripTags(ReadOnlySpan<byte> html, char[] chars, out bool references)
    {
        var length = Encoding.UTF8.GetChars(html, chars);
        var kept = 0;
        var inTag = false;
        references = false;
        for (var i = 0; i < length; i++)
        {
            var c = chars[i];
            if (inTag)
            {
                inTag = c != '>';
            }
            else if (c == '<')
            {
                inTag = true;
            }
            else
            {
                references |= c == '&';
                chars[kept++] = c;
            }
        }

        return chars.AsSpan(0, kept).Trim();
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
/// A Markdown text rendered once, as HTML and as plain text, kept as UTF-8: a build holds every abstract's
/// renderings from first use to the end, and as strings the plain text alone took 86 MB on the large bench corpus.
/// When the plain text is the HTML's text (<see cref="MarkdownRenderer.TextOfHtml"/>), as it is for paragraphs,
/// emphasis, code and links, it is not kept but made from the HTML on each use: that saved the large corpus 43 MB.
/// </summary>
internal sealed class RenderedMarkdown(RawHtml html, byte[]? plainText)
{
    public static readonly RenderedMarkdown Empty = new(RawHtml.Empty, []);

    public RawHtml Html => html;

    /// <summary>True when the plain text is made from the HTML rather than kept.</summary>
    internal bool PlainTextFromHtml => plainText is null;

    /// <summary>Made on each use (a page description, JSON-LD, a feed entry): a few per work in a build.</summary>
    public string PlainText => plainText is null ? MarkdownRenderer.TextOfHtml(html.Utf8)
        : plainText.Length == 0 ? "" : Encoding.UTF8.GetString(plainText);
}
