using System.Net;
using System.Text;
using BzPeer.Serve;

namespace BzPeer.Cli.Serve;

/// <summary>The page shown instead of the site while the last edit has errors; it reloads itself once they are fixed.</summary>
internal static class ErrorOverlay
{
    public static string Html(PreviewSite site)
    {
        var builder = new StringBuilder();
        builder.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'\">\n")
            .Append("<meta charset=\"utf-8\">\n<title>BzPeer: the site has errors</title>\n")
            .Append($"<link rel=\"stylesheet\" href=\"{PreviewServer.Prefix}overlay.css\">\n")
            .Append($"<script src=\"{PreviewServer.Prefix}live.js\" defer></script>\n</head>\n<body>\n<main class=\"bzpeer-overlay\">\n")
            .Append("<h1>The last edit has errors</h1>\n<p>Fix them and save: this page reloads by itself.</p>\n<ol>\n");
        foreach (var d in site.Diagnostics.Where(d => d.IsError))
        {
            builder.Append("<li><code>").Append(E(d.Location.ToString())).Append("</code> <strong>").Append(E(d.Code)).Append("</strong> ")
                .Append(E(d.Message));
            if (d.Hint is not null)
            {
                builder.Append(" <em>").Append(E(d.Hint)).Append("</em>");
            }

            if (d.Location.HasLine && site.SourceLine(d.Location.Path, d.Location.Line) is { Length: > 0 } line)
            {
                builder.Append("<pre>").Append(E(line)).Append('\n').Append(' ', Math.Max(0, d.Location.Column - 1)).Append("^</pre>");
            }

            builder.Append("</li>\n");
        }

        return builder.Append("</ol>\n</main>\n</body>\n</html>\n").ToString();
    }

    public const string Css = """
        body { margin: 0; font: 16px/1.5 system-ui, sans-serif; background: #1b1b1f; color: #f3f3f5; }
        .bzpeer-overlay { max-width: 60rem; margin: 2rem auto; padding: 1.5rem; border-left: 6px solid #ff5c5c; background: #26262c; }
        h1 { margin-top: 0; color: #ff8a8a; }
        li { margin: 1rem 0; }
        code, pre { font-family: ui-monospace, monospace; }
        pre { background: #111; padding: .5rem; overflow-x: auto; }
        em { color: #c8c8d0; }
        """;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
