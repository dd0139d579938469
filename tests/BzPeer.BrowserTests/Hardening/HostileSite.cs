namespace BzPeer.BrowserTests.Hardening;

/// <summary>
/// tests/fixtures/hostile built by the real generator into a temp folder under <paramref name="pathBase"/>,
/// with the list of its HTML pages: the site the payload and accessibility tests walk page by page.
/// </summary>
internal sealed class HostileSite : IDisposable
{
    private HostileSite(string root, IReadOnlyList<string> pages)
    {
        Root = root;
        Pages = pages;
    }

    public string Root { get; }

    /// <summary>Every built .html file, relative and '/'-separated, in ordinal order.</summary>
    public IReadOnlyList<string> Pages { get; }

    public static HostileSite Build(string pathBase)
    {
        var root = Path.Combine(Path.GetTempPath(), "bzpeer-hostile-" + Guid.NewGuid().ToString("N")[..10]);
        var result = SiteBuilder.Build(new BuildOptions
        {
            SiteDirectory = Path.Combine(RepoPaths.Root, "tests", "fixtures", "hostile"),
            OutputDirectory = root,
            BaseUrl = "https://hostile.example.test" + pathBase,
        });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Sorted()));
        var pages = Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(pages.Count >= 10, $"only {pages.Count} pages built");
        return new HostileSite(root, pages);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
