using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace BzPeer.Tests.Support;

/// <summary>Helpers to read a built site's HTML with AngleSharp.</summary>
public static class BuiltSite
{
    private static readonly HtmlParser Parser = new();

    public static IHtmlDocument Html(string path) => Parser.ParseDocument(File.ReadAllText(path));

    public static IHtmlDocument Page(TestSite site, string relative) => Html(Path.Combine(site.Output, relative));

    /// <summary>Every file under a folder with its bytes, keyed by relative path.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);
}
