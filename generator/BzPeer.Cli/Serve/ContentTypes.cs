namespace BzPeer.Cli.Serve;

internal static class ContentTypes
{
    public static string For(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".xml" => path.EndsWith("feed.xml", StringComparison.Ordinal) ? "application/atom+xml; charset=utf-8" : "application/xml; charset=utf-8",
        ".txt" => "text/plain; charset=utf-8",
        ".bib" => "application/x-bibtex; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".ico" => "image/x-icon",
        ".woff2" => "font/woff2",
        _ => "application/octet-stream",
    };
}
