using System.Net;
using System.Text;

namespace BzPeer.Rendering;

/// <summary>
/// HTML that BzPeer itself produced (rendered Markdown, SVG, includes) and that templates may print as is.
/// Every other value printed by a template is HTML-escaped: see <see cref="HtmlTemplateContext"/>.
/// </summary>
public sealed class RawHtml
{
    private readonly PageBuffer? _buffer;
    private readonly byte[]? _utf8;
    private string? _html;

    public RawHtml(string html) => _html = html;

    /// <summary>HTML still in a render buffer (a page body on its way into its layout); made a string only if asked.</summary>
    internal RawHtml(PageBuffer buffer) => _buffer = buffer;

    /// <summary>HTML made as UTF-8 (JSON-LD from a JSON writer), copied into pages as it is.</summary>
    internal RawHtml(byte[] utf8) => _utf8 = utf8;

    private RawHtml(object source, Action<object, PageBuffer> write)
    {
        _source = source;
        _write = write;
    }

    /// <summary>
    /// HTML made each time it is printed, by <paramref name="write"/> from <paramref name="source"/> straight into the
    /// page being rendered: an abstract, shown on its work's page and on each of its authors' profiles, or a slice's
    /// list of nearby entities. Held rendered for a whole build, the large bench corpus's abstracts took 51 MB at
    /// the moment the build's memory peaks; a build holds each only between its prints instead (<see cref="AbstractCache"/>).
    /// Written into the page, it makes no string or byte array of its own: made as a string and then encoded, these
    /// lists and abstracts were a tenth of the bytes a build allocated (docs/performance.md, session 19).
    /// </summary>
    /// <param name="isEmpty">Whether the HTML would be empty, known without rendering it (a blank abstract).</param>
    internal static RawHtml Deferred(object source, Action<object, PageBuffer> write, bool isEmpty) =>
        isEmpty ? Empty : new RawHtml(source, write);

    private readonly object? _source;
    private readonly Action<object, PageBuffer>? _write;

    /// <summary>
    /// The HTML as a string. UTF-8 HTML (rendered Markdown, held for a whole build) is decoded on each call rather
    /// than kept twice; templates that only ask whether there is any use <see cref="IsEmpty"/>.
    /// </summary>
    public string Html => _html ?? (_write is not null ? Encoding.UTF8.GetString(Written())
        : _utf8 is not null ? Encoding.UTF8.GetString(_utf8)
        : _html = _buffer is not null ? Encoding.UTF8.GetString(_buffer.Utf8) : "");

    /// <summary>The HTML as UTF-8 without copying it, when it was made that way; else encoded.</summary>
    internal ReadOnlySpan<byte> Utf8 => _write is not null ? Written()
        : _utf8 ?? (_buffer is not null ? _buffer.Utf8 : Encoding.UTF8.GetBytes(_html ?? ""));

    /// <summary>No HTML at all (<c>is_empty</c> in templates).</summary>
    public bool IsEmpty => _write is null && (_html is not null ? _html.Length == 0 : _utf8 is not null ? _utf8.Length == 0 : _buffer is null || _buffer.Utf8.IsEmpty);

    public static readonly RawHtml Empty = new("");

    /// <summary>Writes the HTML into a template's output, as bytes when both sides are page buffers.</summary>
    internal void WriteTo(Scriban.TemplateContext context)
    {
        if (_write is not null && context.Output is PageBuffer page)
        {
            _write(_source!, page);
            return;
        }

        if (_html is null && (_buffer is not null || _utf8 is not null))
        {
            WriteUtf8(context, Utf8);
            return;
        }

        context.Write(Html);
    }

    /// <summary>Deferred HTML written out on its own, for the rare reader that wants it whole rather than in a page.</summary>
    private byte[] Written()
    {
        var buffer = new PageBuffer(256);
        _write!(_source!, buffer);
        return buffer.Detach().ToArray();
    }

    /// <summary>Writes HTML made as UTF-8 into a template's output as it is: copied into a page buffer, decoded into any other.</summary>
    internal static void WriteUtf8(Scriban.TemplateContext context, ReadOnlySpan<byte> utf8)
    {
        if (context.Output is PageBuffer page)
        {
            page.Append(utf8);
            return;
        }

        context.Write(Encoding.UTF8.GetString(utf8));
    }

    public override string ToString() => Html;
}

internal static class Html
{
    /// <summary>Escapes text for element content and quoted attribute values.</summary>
    public static string Escape(string? text) => text is null ? "" : WebUtility.HtmlEncode(text);
}
