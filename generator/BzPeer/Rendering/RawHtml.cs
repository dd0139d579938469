using System.Net;
using System.Text;

namespace BzPeer.Rendering;

/// <summary>
/// HTML that BzPeer itself produced (rendered Markdown, SVG, includes) and that templates may print as is.
/// Every other value printed by a template is HTML-escaped: see <see cref="HtmlTemplateContext"/>.
/// </summary>
public sealed class RawHtml
{
    private readonly StringBuilder? _buffer;
    private string? _html;

    public RawHtml(string html) => _html = html;

    /// <summary>HTML still in a render buffer (a page body on its way into its layout); made a string only if asked.</summary>
    internal RawHtml(StringBuilder buffer) => _buffer = buffer;

    public string Html => _html ??= _buffer?.ToString() ?? "";

    public static readonly RawHtml Empty = new("");

    /// <summary>Writes the HTML into a template's output, chunk by chunk when both sides are buffers.</summary>
    internal void WriteTo(Scriban.TemplateContext context)
    {
        if (_buffer is not null && _html is null && context.Output is PageBuffer page)
        {
            page.Append(_buffer);
            return;
        }

        context.Write(Html);
    }

    public override string ToString() => Html;
}

internal static class Html
{
    /// <summary>Escapes text for element content and quoted attribute values.</summary>
    public static string Escape(string? text) => text is null ? "" : WebUtility.HtmlEncode(text);
}
