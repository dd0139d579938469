namespace BzPeer.Cli.Serve;

/// <summary>
/// Watches site.yml, content/, templates/ and theme/ and reports batches of changed site-relative paths after a
/// short quiet period (editors save in several steps).
/// </summary>
internal sealed class SiteWatcher : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(60);
    private readonly FileSystemWatcher _watcher;
    private readonly string _root;
    private readonly Action<IReadOnlyList<string>> _onChanged;
    private readonly Timer _timer;
    private readonly SortedSet<string> _pending = new(StringComparer.Ordinal);

    public SiteWatcher(string siteDirectory, Action<IReadOnlyList<string>> onChanged, Action<Exception> onError)
    {
        _root = Path.GetFullPath(siteDirectory);
        _onChanged = onChanged;
        _timer = new Timer(_ => Flush());
        _watcher = new FileSystemWatcher(_root) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName };
        _watcher.Changed += (_, e) => Note(e.FullPath);
        _watcher.Created += (_, e) => Note(e.FullPath);
        _watcher.Deleted += (_, e) => Note(e.FullPath);
        _watcher.Renamed += (_, e) =>
        {
            Note(e.OldFullPath);
            Note(e.FullPath);
        };
        // Raised when the watcher stops working (inotify's watch or queue limits): say so rather than go quiet.
        _watcher.Error += (_, e) => onError(e.GetException());
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _timer.Dispose();
    }

    internal static bool IsWatched(string relative) =>
        relative == "site.yml" ||
        (relative.StartsWith("content/", StringComparison.Ordinal) || relative.StartsWith("templates/", StringComparison.Ordinal) || relative.StartsWith("theme/", StringComparison.Ordinal))
        && !relative.Split('/').Any(p => p.StartsWith('.') || p.EndsWith('~') || p == "node_modules");

    private void Note(string fullPath)
    {
        var relative = Path.GetRelativePath(_root, fullPath).Replace('\\', '/');
        if (!IsWatched(relative))
        {
            return;
        }

        lock (_pending)
        {
            _pending.Add(relative);
            _timer.Change(Quiet, Timeout.InfiniteTimeSpan);
        }
    }

    private void Flush()
    {
        string[] batch;
        lock (_pending)
        {
            batch = [.. _pending];
            _pending.Clear();
        }

        if (batch.Length > 0)
        {
            _onChanged(batch);
        }
    }
}
