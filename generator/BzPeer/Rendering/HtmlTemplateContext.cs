using Scriban;
using Scriban.Parsing;

namespace BzPeer.Rendering;

/// <summary>
/// The one place where template output is escaped: every value a template prints goes through
/// <see cref="Write(SourceSpan, object)"/>, which HTML-escapes it unless BzPeer marked it <see cref="RawHtml"/>.
/// Scriban escapes nothing by default; this makes escaping the default.
/// </summary>
internal sealed class HtmlTemplateContext : TemplateContext
{
    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null:
                return this;
            case RawHtml raw:
                raw.WriteTo(this);
                return this;
            case string text:
                Write(Html.Escape(text));
                return this;
            default:
                Write(Html.Escape(ObjectToString(textAsObject)));
                return this;
        }
    }
}
