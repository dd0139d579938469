using System.Text;
using BzPeer.Diagnostics;

namespace BzPeer.Tests.Support;

/// <summary>
/// A small site written inline in a test, txtar style:
/// <code>
/// -- site.yml --
/// title: Lab
/// -- content/researchers/ada.md --
/// ---
/// name: Ada
/// ---
/// </code>
/// so the data sits next to the assertion. Files are written to a fresh temporary folder.
/// </summary>
public sealed class TestSite : IDisposable
{
    private TestSite(string root) => Root = root;

    public string Root { get; }

    public string Output => Path.Combine(Root, "_site");

    public static TestSite Create(string txtar)
    {
        var root = Path.Combine(Path.GetTempPath(), "bzpeer-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var site = new TestSite(root);
        var files = Parse(txtar).ToList();
        if (!files.Any(f => f.Path == "site.yml"))
        {
            site.Write("site.yml", "title: Test lab\nbase_url: https://lab.example.org/\n");
        }

        foreach (var (path, text) in files)
        {
            site.Write(path, text);
        }

        return site;
    }

    /// <summary>A copy of the repository's demo site (site.yml + content/).</summary>
    public static TestSite Demo()
    {
        var site = Create("");
        File.Copy(Path.Combine(Repo.Root, "site.yml"), Path.Combine(site.Root, "site.yml"), overwrite: true);
        CopyDirectory(Path.Combine(Repo.Root, "content"), Path.Combine(site.Root, "content"));
        return site;
    }

    public void Write(string path, string text) => WriteBytes(path, Encoding.UTF8.GetBytes(text));

    public void WriteBytes(string path, byte[] bytes)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    public string Read(string outputPath) => File.ReadAllText(Path.Combine(Output, outputPath));

    public BuildResult Check() => SiteBuilder.Check(new BuildOptions { SiteDirectory = Root });

    public BuildResult Build(string? baseUrl = null, string? output = null) =>
        SiteBuilder.Build(new BuildOptions { SiteDirectory = Root, BaseUrl = baseUrl, OutputDirectory = output });

    /// <summary>Diagnostics as "CODE path(line,col)" lines, sorted, for exact assertions.</summary>
    public static IReadOnlyList<string> Codes(BuildResult result) =>
        result.Diagnostics.Sorted().Select(d => $"{d.Code} {d.Location}").ToList();

    public static Diagnostic Single(BuildResult result, string code) =>
        Assert.Single(result.Diagnostics.Sorted(), d => d.Code == code);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    internal static IEnumerable<(string Path, string Text)> Parse(string txtar)
    {
        string? path = null;
        var text = new StringBuilder();
        foreach (var line in txtar.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("-- ", StringComparison.Ordinal) && line.EndsWith(" --", StringComparison.Ordinal) && line.Length > 6)
            {
                if (path is not null)
                {
                    yield return (path, text.ToString());
                }

                path = line[3..^3].Trim();
                text.Clear();
            }
            else if (path is not null)
            {
                text.Append(line).Append('\n');
            }
        }

        if (path is not null)
        {
            yield return (path, text.ToString());
        }
    }

    internal static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

public static class Repo
{
    /// <summary>The repository root: the folder holding BzPeer.sln, found from the test binaries upwards.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BzPeer.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("BzPeer.sln not found above " + AppContext.BaseDirectory);
    }
}
