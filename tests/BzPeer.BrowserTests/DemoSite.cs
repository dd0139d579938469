namespace BzPeer.BrowserTests;

/// <summary>
/// The repository's demo site (site.yml + content/) built by the real
/// generator into a temp folder, served under <see cref="PathBase"/> so the
/// pages' root-relative links exercise a sub-path site.
/// </summary>
internal sealed class DemoSite : IDisposable
{
    public const string PathBase = "/bzpeer/";

    // Site-wide assets the layouts link to that belong to the rest of the site,
    // not to the graph widgets. While they are not in theme/ yet, their 404 is
    // tolerated (only when the build really lacks them).
    private static readonly string[] SiteAssets = ["assets/css/site.css", "assets/js/site.js", "assets/favicon.svg"];

    private DemoSite(string root) => Root = root;

    public string Root { get; }

    public static DemoSite Build()
    {
        var root = Path.Combine(Path.GetTempPath(), "bzpeer-demo-" + Guid.NewGuid().ToString("N"));
        var result = SiteBuilder.Build(new BuildOptions
        {
            SiteDirectory = RepoPaths.Root,
            OutputDirectory = root,
            BaseUrl = "https://example.test" + PathBase,
        });
        if (!result.Succeeded || !result.Written)
        {
            var messages = string.Join("\n", result.Diagnostics.Sorted().Select(d => d.ToString()));
            throw new InvalidOperationException("The demo site did not build:\n" + messages);
        }

        return new DemoSite(root);
    }

    /// <summary>Absolute URLs of site assets the build does not have (yet).</summary>
    public IReadOnlySet<string> PendingAssetUrls(string origin) =>
        SiteAssets.Where(path => !File.Exists(Path.Combine(Root, path)))
            .Select(path => origin + PathBase + path)
            .ToHashSet(StringComparer.Ordinal);

    public string ReadText(string path) => File.ReadAllText(Path.Combine(Root, path));

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
