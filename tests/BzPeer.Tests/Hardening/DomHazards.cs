using AngleSharp.Dom;

namespace BzPeer.Tests.Hardening;

/// <summary>What in a parsed page could run code from content: event-handler attributes, dangerous URL schemes,
/// inline scripts other than JSON data, and elements that should never come from Markdown.</summary>
internal static class DomHazards
{
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcdoc"];
    private static readonly string[] DangerousSchemes = ["javascript:", "data:", "vbscript:"];
    private static readonly string[] ForbiddenElements = ["iframe", "object", "embed", "base", "frame", "applet"];

    public static IEnumerable<string> Find(IDocument document)
    {
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"<{element.LocalName} {attribute.Name}>";
                }

                if (UrlAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase) && IsDangerous(attribute.Value))
                {
                    yield return $"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\">";
                }
            }

            if (element.LocalName == "script")
            {
                var type = element.GetAttribute("type");
                var isData = type is "application/ld+json" or "application/json";
                if (!isData && !element.HasAttribute("src"))
                {
                    yield return "inline <script>: " + Shorten(element.TextContent);
                }
            }

            if (ForbiddenElements.Contains(element.LocalName))
            {
                yield return $"<{element.LocalName}> element";
            }

            if (element.LocalName == "meta" && string.Equals(element.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase))
            {
                yield return "<meta http-equiv=refresh>";
            }
        }
    }

    /// <summary>Browsers strip ASCII whitespace and control characters before reading the scheme, so we do too.</summary>
    public static bool IsDangerous(string url)
    {
        var compact = new string(url.Where(c => c > ' ').ToArray()).ToLowerInvariant();
        return DangerousSchemes.Any(s => compact.StartsWith(s, StringComparison.Ordinal));
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
