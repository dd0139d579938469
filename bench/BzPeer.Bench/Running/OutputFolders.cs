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
/// <c>bench run --output-root</c> puts the folders elsewhere, e.g. in memory (<c>/dev/shm</c>), to time the tools
/// without the disk.
/// </remarks>
internal sealed class OutputFolders : IDisposable
{
    private readonly string _root;
    private readonly List<string> _toDelete = [];

    /// <param name="root">Where the builds' folders go (<c>CACHE/out</c> by default).</param>
    public OutputFolders(string root)
    {
        _root = root;
        InMemory = IsInMemory(root);
        // Folders moved aside by a benchmark that was stopped before it could delete them.
        var parent = Path.GetDirectoryName(root);
        if (parent is not null && Directory.Exists(parent))
        {
            _toDelete.AddRange(Directory.EnumerateDirectories(parent, Path.GetFileName(root) + ".old-*"));
        }

        if (Directory.Exists(_root))
        {
            var aside = _root + ".old-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
            Directory.Move(_root, aside);
            _toDelete.Add(aside);
        }

        _toDelete.Add(_root);
    }

    /// <summary>
    /// True when the folders are on a file system held in memory (tmpfs, ramfs): deleting there is quick and leaves
    /// nothing behind, and keeping every build (2 GB each for BzPeer on large) would take the memory the page cache
    /// and the tools need, so each build's folder is deleted once it is measured (<see cref="Done"/>).
    /// </summary>
    public bool InMemory { get; }

    /// <summary>The folder for one build named <paramref name="run"/> (its number, or <c>warmup-N</c>): <c>ROOT/SIZE/TOOL-RUN</c>, not there yet.</summary>
    public string For(string size, string tool, string run) => Path.Combine(_root, size, $"{tool.ToLowerInvariant()}-{run}");

    /// <summary>A build in <paramref name="folder"/> was measured: deleted now in memory, else with the others at the end.</summary>
    public void Done(string folder)
    {
        if (InMemory && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The file system type of the mount holding <paramref name="path"/> (the longest mount point that prefixes it), from /proc/mounts.</summary>
    internal static string? FileSystemOf(string path, IEnumerable<string> mounts)
    {
        var full = Path.GetFullPath(path).TrimEnd('/') + "/";
        string? type = null;
        var longest = -1;
        foreach (var line in mounts)
        {
            var fields = line.Split(' ');
            if (fields.Length < 3)
            {
                continue;
            }

            var point = fields[1].Replace("\\040", " ", StringComparison.Ordinal).TrimEnd('/') + "/";
            if (full.StartsWith(point, StringComparison.Ordinal) && point.Length > longest)
            {
                longest = point.Length;
                type = fields[2];
            }
        }

        return type;
    }

    /// <summary>
    /// ext4 without a journal will not reuse an inode deleted less than 60 s ago, or 300 s while its inode table block
    /// is dirty, which it is while new files are being created beside it (fs/ext4/ialloc.c, <c>recently_deleted</c>):
    /// each new file's inode is found by stepping over every such one. A large build right after a benchmark deleted
    /// its builds spent 79 s of CPU where 57-58 s was usual (session 18), so a benchmark waits this long after the last
    /// one's delete.
    /// </summary>
    internal static readonly TimeSpan InodeReuseDelay = TimeSpan.FromSeconds(300);

    /// <summary>Where the end of the last delete is noted, beside the root.</summary>
    private string DeletedMarker => _root.TrimEnd('/') + ".deleted";

    /// <summary>How long to wait before building, given when the last delete on this file system ended (none: null).</summary>
    internal static TimeSpan WaitAfterDelete(DateTime? deletedAtUtc, DateTime nowUtc) =>
        deletedAtUtc is { } deleted && nowUtc - deleted < InodeReuseDelay && nowUtc >= deleted
            ? InodeReuseDelay - (nowUtc - deleted)
            : TimeSpan.Zero;

    /// <summary>On the disk, waits out <see cref="InodeReuseDelay"/> after an earlier benchmark's delete (see there).</summary>
    public void WaitForEarlierDelete(TextWriter log)
    {
        if (InMemory || !File.Exists(DeletedMarker))
        {
            return;
        }

        var wait = WaitAfterDelete(File.GetLastWriteTimeUtc(DeletedMarker), DateTime.UtcNow);
        if (wait > TimeSpan.Zero)
        {
            log.WriteLine($"Waiting {wait.TotalSeconds:0} s: an earlier benchmark deleted its builds less than {InodeReuseDelay.TotalSeconds:0} s ago, " +
                "and ext4 steps over recently deleted inodes while it creates files.");
            Thread.Sleep(wait);
        }
    }

    private static bool IsInMemory(string path) =>
        File.Exists("/proc/mounts") && FileSystemOf(path, File.ReadLines("/proc/mounts")) is "tmpfs" or "ramfs";

    public void Dispose()
    {
        var deleted = false;
        foreach (var folder in _toDelete)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
                deleted = true;
            }
        }

        if (deleted && !InMemory)
        {
            File.WriteAllText(DeletedMarker, DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + "\n");
        }
    }
}
