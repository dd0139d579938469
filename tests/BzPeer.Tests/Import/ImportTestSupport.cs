using BzPeer.Import;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace BzPeer.Tests.Import;

/// <summary>Temporary site folders, the shared real-world samples, and reading written files back.</summary>
internal static class ImportTestSupport
{
    /// <summary>The repository root: the nearest folder above the test binaries holding BzPeer.sln.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BzPeer.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("BzPeer.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The shared samples folder (../shared/import-samples from the repository root), or null when it is absent.</summary>
    public static string? SamplesDir()
    {
        var dir = Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "import-samples"));
        return Directory.Exists(dir) ? dir : null;
    }

    /// <summary>Returns the sample's path; when the samples folder is absent writes why to the output and returns null.</summary>
    public static string? Sample(ITestOutputHelper output, string relative)
    {
        var dir = SamplesDir();
        if (dir is null)
        {
            output.WriteLine($"import samples folder absent ({Path.Combine(RepoRoot(), "..", "shared", "import-samples")}); nothing to check");
            return null;
        }
        return Path.Combine(dir, relative);
    }

    /// <summary>A fresh empty site folder, deleted when disposed.</summary>
    public static TempSite NewSite(params (string Path, string Text)[] files)
    {
        var site = new TempSite();
        foreach (var (path, text) in files)
        {
            site.Write(path, text);
        }
        return site;
    }

    public static (ImportResult Result, string Output) RunImport(TempSite site, ImportFormat format, string file, bool dryRun = false, string? researcher = null)
    {
        var output = new StringWriter { NewLine = "\n" };
        var result = ImportRunner.Run(new ImportRequest(format, file, site.Root, dryRun, researcher), output);
        return (result, output.ToString());
    }

    /// <summary>Parses a written content file's front matter (and checks its shape: fences, final newline).</summary>
    public static (YamlMappingNode FrontMatter, string Body) ReadContent(string path)
    {
        var text = File.ReadAllText(path);
        Assert.StartsWith("---\n", text);
        Assert.EndsWith("\n", text);
        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        Assert.True(end > 0, "front matter is closed");
        var stream = new YamlStream();
        stream.Load(new StringReader(text[4..(end + 1)]));
        return ((YamlMappingNode)stream.Documents[0].RootNode, text[(end + 5)..]);
    }

    public static string? Scalar(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s ? s.Value : null;

    public static YamlMappingNode? Map(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node as YamlMappingNode : null;

    public static IReadOnlyList<string> Strings(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode seq
            ? seq.Children.Select(c => c is YamlScalarNode s ? s.Value! : "{" + ((YamlMappingNode)c).Scalar("name") + "}").ToList()
            : [];
}

internal sealed class TempSite : IDisposable
{
    public TempSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "bzpeer-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "content"));
    }

    public string Root { get; }

    public string Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Every file under content/, relative, ordinal order.</summary>
    public IReadOnlyList<string> ContentFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "content"), "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every file under content/ with its bytes, for "nothing changed" assertions.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() =>
        ContentFiles().ToDictionary(p => p, p => File.ReadAllText(Path.Combine(Root, p)), StringComparer.Ordinal);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
