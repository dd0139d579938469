namespace BzPeer.Bench.Running;

/// <summary>
/// A fresh, empty output folder for every measured build, and no deleting until all builds are measured.
/// </summary>
/// <remarks>
/// On this machine's disk (ext4 without a journal, mounted with <c>discard</c>) a build that starts after a large
/// tree was deleted pays for it: a medium build into a new folder took 12.7-13.9 s wall with 3.8-5.1 s of system
/// time, the same build just after <c>rm -rf</c> of the previous output 19.8 s with 11.8 s (waiting 32 s after the
/// delete did not help). Deleting between runs made every run but the first slower, by an amount that varied with
/// what was deleted. So each build gets a folder of its own, and the folders of earlier benchmarks are moved
/// aside at the start and deleted, with this run's, once the last build is measured (docs/performance.md).
/// </remarks>
internal sealed class OutputFolders : IDisposable
{
    private readonly string _root;
    private readonly List<string> _toDelete = [];

    public OutputFolders(string cacheDirectory)
    {
        _root = Path.Combine(cacheDirectory, "out");
        // Folders moved aside by a benchmark that was stopped before it could delete them.
        if (Directory.Exists(cacheDirectory))
        {
            _toDelete.AddRange(Directory.EnumerateDirectories(cacheDirectory, "out.old-*"));
        }

        if (Directory.Exists(_root))
        {
            var aside = _root + ".old-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
            Directory.Move(_root, aside);
            _toDelete.Add(aside);
        }

        _toDelete.Add(_root);
    }

    /// <summary>The folder for one build: <c>out/SIZE/TOOL-RUN</c>, not there yet.</summary>
    public string For(string size, string tool, int attempt) => Path.Combine(_root, size, $"{tool.ToLowerInvariant()}-{attempt}");

    public void Dispose()
    {
        foreach (var folder in _toDelete)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
