namespace BzPeer.BrowserTests;

/// <summary>Locates the repository checkout the tests run from.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The folder holding BzPeer.sln.</summary>
    public static string Root => RootLazy.Value;

    public static string Theme => Path.Combine(Root, "theme");

    public static string Fixtures => Path.Combine(Root, "tests", "BzPeer.BrowserTests", "Fixtures");

    public static string Screenshots => Path.Combine(Root, "artifacts", "screenshots");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BzPeer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No BzPeer.sln above {AppContext.BaseDirectory}.");
    }
}
