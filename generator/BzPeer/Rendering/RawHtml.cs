using System.Net;

namespace BzPeer.Rendering;

/// <summary>
/// HTML that BzPeer itself produced (rendered Markdown, SVG, includes) and that templates may print as is.
/// Every other value printed by a template is HTML-escaped: see <see cref="HtmlTemplateContext"/>.
/// </summary>
public sealed class RawHtml(string html)
{
    public string Html { get; } = html;

    public static readonly RawHtml Empty = new("");

    public override string ToString() => Html;
}

internal static class Html
{
    /// <summary>Escapes text for element content and quoted attribute values.</summary>
    public static string Escape(string? text) => text is null ? "" : WebUtility.HtmlEncode(text);
}
