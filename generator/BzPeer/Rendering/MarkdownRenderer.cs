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
    public static byte[] HtmlBytes(string? markdown) => Html(ParseUnlessBlank(markdown));

    /// <summary>Plain text of the Markdown (for meta descriptions, feeds and the search index).</summary>
    public static string ToPlainText(string? markdown) => Plain(ParseUnlessBlank(markdown));

    public static RawHtml ToHtml(ContentRecord? record) => new(HtmlBytes(record));

    /// <summary>The HTML of a record's body as UTF-8; see <see cref="DocumentOf"/>.</summary>
    public static byte[] HtmlBytes(ContentRecord? record) => Html(DocumentOf(record));

    /// <summary>Writes the HTML of a record's body into a page as it is rendered, making no string of it; see <see cref="DocumentOf"/>.</summary>
    public static void WriteHtml(ContentRecord? record, PageBuffer page)
    {
        if (DocumentOf(record) is { } document)
        {
            (_htmlRenderer ??= new ReusableRenderer(plain: false)).WriteTo(document, page);
        }
    }

    /// <summary>The plain text of a record's body; see <see cref="DocumentOf"/>.</summary>
    public static string ToPlainText(ContentRecord? record) => Plain(DocumentOf(record));

    [ThreadStatic]
    private static ContentRecord? _lastRecord;

    [ThreadStatic]
    private static MarkdownDocument? _lastDocument;

    /// <summary>
    /// A record's body parsed, or null when it is blank. A thread keeps the last one it parsed: a work's page takes its
    /// abstract's plain text (description, JSON-LD) and then prints its HTML, a topic's page likewise, and the second
    /// asks for the document the first parsed. Records are immutable (serve swaps in a new one), so the record itself
    /// is the key; rendering does not change a document.
    /// </summary>
    private static MarkdownDocument? DocumentOf(ContentRecord? record)
    {
        if (record is not null && !ReferenceEquals(record, _lastRecord))
        {
            var kept = _kept;
            if (kept is null || !kept.TryGetValue(record, out _lastDocument))
            {
                _lastDocument = ParseUnlessBlank(record.Body);
                if (kept is not null && kept.Count < _keepCapacity)
                {
                    kept.Add(record, _lastDocument);
                }
            }

            _lastRecord = record;
        }

        return record is null ? null : _lastDocument;
    }

    [ThreadStatic]
    private static Dictionary<ContentRecord, MarkdownDocument?>? _kept;

    [ThreadStatic]
    private static int _keepCapacity;

    /// <summary>
    /// Until the scope is disposed, the thread keeps the first <paramref name="capacity"/> documents it parses and
    /// parses none of them again. A build renders a researcher's profile (every work's abstract as HTML) and then, in
    /// the same scope, their feed (the newest works' abstracts as plain text): the feed parses nothing. Scopes do not
    /// nest; the documents go when the scope ends, so a thread holds at most one researcher's.
    /// </summary>
    public static KeptDocuments KeepDocuments(int capacity)
    {
        // A capacity of 0 would keep nothing and leave the scope undetectable to the nesting check below.
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        if (_keepCapacity > 0)
        {
            throw new InvalidOperationException("Kept-document scopes do not nest.");
        }

        _kept ??= new Dictionary<ContentRecord, MarkdownDocument?>(ReferenceEqualityComparer.Instance);
        _keepCapacity = capacity;
        return new KeptDocuments(active: true);
    }

    /// <summary>See <see cref="KeepDocuments"/>; the default value is a scope that keeps nothing.</summary>
    public readonly struct KeptDocuments(bool active) : IDisposable
    {
        public void Dispose()
        {
            if (active)
            {
                _kept!.Clear();
                _keepCapacity = 0;
            }
        }
    }

    private static MarkdownDocument? ParseUnlessBlank(string? markdown) => string.IsNullOrWhiteSpace(markdown) ? null : Parse(markdown);

    private static MarkdownDocument Parse(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        EnforceLinkPolicy(document);
        return document;
    }

    // A thread's two renderers, made once: setting a renderer up for the pipeline builds its object renderers, which
    // cost as much as rendering an abstract (rendered on its work's page and its authors' profiles, made plain text for
    // its page and its authors' feeds).
    [ThreadStatic]
    private static ReusableRenderer? _htmlRenderer;

    [ThreadStatic]
    private static ReusableRenderer? _plainRenderer;

    private static byte[] Html(MarkdownDocument? document) =>
        document is null ? [] : Encoding.UTF8.GetBytes((_htmlRenderer ??= new ReusableRenderer(plain: false)).Write(document));

    private static string Plain(MarkdownDocument? document) =>
        document is null ? "" : (_plainRenderer ??= new ReusableRenderer(plain: true)).Write(document).Trim();

    /// <summary>Markdig's HTML renderer over a string writer, emptied before each use as Markdig's own renderer pool does.</summary>
    private sealed class ReusableRenderer : HtmlRenderer
    {
        private const int MaxKeptCapacity = 64 * 1024;

        public ReusableRenderer(bool plain) : base(new StringWriter { NewLine = "\n" })
        {
            if (plain)
            {
                // What Markdig's own ToPlainText does: the same renderer with tags and escaping off.
                EnableHtmlForBlock = false;
                EnableHtmlForInline = false;
                EnableHtmlEscape = false;
            }

            Pipeline.Setup(this);
        }

        public string Write(MarkdownDocument document)
        {
            var builder = Rendered(document);
            var text = builder.ToString();
            Empty(builder);
            return text;
        }

        /// <summary>Renders into the page: the writer's text is copied in chunk by chunk, encoded on the way.</summary>
        public void WriteTo(MarkdownDocument document, PageBuffer page)
        {
            var builder = Rendered(document);
            foreach (var chunk in builder.GetChunks())
            {
                page.Write(chunk.Span);
            }

            Empty(builder);
        }

        private StringBuilder Rendered(MarkdownDocument document)
        {
            Reset(); // the writer's text and the renderer's line and indent state
            Render(document);
            Writer.Flush();
            return ((StringWriter)Writer).GetStringBuilder();
        }

        private static void Empty(StringBuilder builder)
        {
            builder.Clear();
            // A builder that grew for a long abstract gives its chunks back rather than keep them for the thread's life.
            if (builder.Capacity > MaxKeptCapacity)
            {
                builder.Capacity = MaxKeptCapacity;
            }
        }
    }

    // A thread's walk: the nodes still to visit. Markdig's Descendants<Inline>() visits the same nodes through
    // nested iterators, two stacks and a type test per block; that walk was a sixth of the cost of parsing an
    // abstract (docs/performance.md, session 19). A stack rather than recursion: content is untrusted, and a
    // document nested thousands deep must not overflow the thread's stack.
    [ThreadStatic]
    private static Stack<MarkdownObject>? _pending;

    /// <summary>One walk over the inlines (an abstract is parsed each time it is printed, so this walk is on the hot path).</summary>
    private static void EnforceLinkPolicy(MarkdownDocument document)
    {
        List<AutolinkInline>? unsafeAutolinks = null;
        var pending = _pending ??= new Stack<MarkdownObject>();
        pending.Clear();
        pending.Push(document);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case ContainerBlock blocks:
                    for (var i = blocks.Count - 1; i >= 0; i--)
                    {
                        pending.Push(blocks[i]);
                    }

                    continue;
                case LeafBlock leaf:
                    if (leaf.Inline is { } root)
                    {
                        pending.Push(root);
                    }

                    continue;
            }

            switch (node)
            {
                case LinkInline link:
                    if (link.Url is { } url && !LinkPolicy.IsSafe(url))
                    {
                        link.Url = "";
                    }

                    // Images from elsewhere would be blocked by the CSP (img-src 'self'); keep them as links instead.
                    if (link.IsImage && link.Url is { } imageUrl && (imageUrl.Contains("//", StringComparison.Ordinal) || imageUrl.Length == 0))
                    {
                        link.IsImage = false;
                    }

                    break;
                case AutolinkInline { IsEmail: false } autolink when !LinkPolicy.IsSafe(autolink.Url):
                    (unsafeAutolinks ??= []).Add(autolink);
                    break;
            }

            if (node is ContainerInline inlines)
            {
                for (var child = inlines.LastChild; child is not null; child = child.PreviousSibling)
                {
                    pending.Push(child);
                }
            }
        }

        // Replaced after the walk, which must not see the tree change under it.
        foreach (var autolink in unsafeAutolinks ?? [])
        {
            // An autolink's text is its URL, so without the URL it would render as <a href=""></a>:
            // a tab stop with no name (axe-core: link-name). Keep what the author wrote, as text.
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
    }
}
