namespace BzPeer.BrowserTests;

/// <summary>
/// The repository's demo site (site.yml + content/) built by the real
/// generator into a temp folder, served under <see cref="PathBase"/> so the
/// pages' root-relative links exercise a sub-path site.
/// </summary>
internal sealed class DemoSite : IDisposable
{
    public const string PathBase = "/bzpeer/";

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
