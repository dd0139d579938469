namespace BzPeer.BrowserTests;

/// <summary>
/// A site folder for the browser tests: the fixture pages and slice JSON under
/// Fixtures/site, the real theme assets from theme/ copied where a built site
/// has them (css/, js/, vendor/), and a generated 60,000-node graph.json.
/// It is served under <see cref="PathBase"/> to exercise sub-path sites.
/// </summary>
internal sealed class TestSite : IDisposable
{
    public const string PathBase = "/base/";

    private TestSite(string root, LargeGraph.Summary graph)
    {
        Root = root;
        Graph = graph;
    }

    public string Root { get; }

    public LargeGraph.Summary Graph { get; }

    /// <summary>
    /// Assembles the site in a fresh temp folder, or in BZPEER_BROWSER_SITE_DIR
    /// when set (kept afterwards, to open the fixture pages by hand).
    /// </summary>
    public static TestSite Create()
    {
        var keep = Environment.GetEnvironmentVariable("BZPEER_BROWSER_SITE_DIR");
        var root = string.IsNullOrEmpty(keep)
            ? Path.Combine(Path.GetTempPath(), "bzpeer-browser-" + Guid.NewGuid().ToString("N"))
            : Path.GetFullPath(keep);
        CopyTree(Path.Combine(RepoPaths.Fixtures, "site"), root);
        foreach (var folder in new[] { "css", "js", "vendor" })
        {
            CopyTree(Path.Combine(RepoPaths.Theme, folder), Path.Combine(root, folder));
        }

        var graph = LargeGraph.Write(Path.Combine(root, "graph", "graph.json"));
        return new TestSite(root, graph) { keepFolder = !string.IsNullOrEmpty(keep) };
    }

    private bool keepFolder;

    public void Dispose()
    {
        if (keepFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; a failing dispose would hide the real result.
        }
    }

    internal static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
