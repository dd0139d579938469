using System.Diagnostics;
using System.Globalization;

namespace BzPeer.Bench.Running;

/// <summary>
/// Deletes a build's output after it is measured, and holds the next build back until the deleted inodes are no
/// longer "recently deleted" to the kernel.
/// </summary>
/// <remarks>
/// ext4 without a journal (this machine's disk) will not hand out an inode freed less than the writeback expiry
/// (<c>vm.dirty_expire_centisecs</c>, 30 s) ago without first reading its inode-table block back: a build started
/// just after deleting the previous one's tens of thousands of files paid ~10 s of extra system time creating its own
/// (medium corpus: 13.1 s, then 18.1 and 19.6 s for the same build; docs/performance.md). Both tools get the same wait.
/// </remarks>
internal sealed class OutputCleaner(TextWriter log)
{
    private const int SmallTree = 5_000;
    private readonly Stopwatch _sinceDelete = new();

    /// <summary>Removes a tree (if there) and notes when, for <see cref="WaitUntilSettled"/>.</summary>
    public void Delete(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        var entries = Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).Take(SmallTree).Count();
        Directory.Delete(directory, recursive: true);
        if (entries >= SmallTree)
        {
            _sinceDelete.Restart();
        }
    }

    /// <summary>Sleeps out what is left of the expiry after the last large delete.</summary>
    public void WaitUntilSettled()
    {
        if (!_sinceDelete.IsRunning)
        {
            return;
        }

        var left = ExpiryAfterDelete() - _sinceDelete.Elapsed;
        _sinceDelete.Reset();
        if (left > TimeSpan.Zero)
        {
            log.Write(string.Create(CultureInfo.InvariantCulture, $"(waiting {left.TotalSeconds:F0} s for deleted output to settle) "));
            Thread.Sleep(left);
        }
    }

    private static TimeSpan ExpiryAfterDelete()
    {
        try
        {
            var centiseconds = int.Parse(File.ReadAllText("/proc/sys/vm/dirty_expire_centisecs").Trim(), CultureInfo.InvariantCulture);
            return TimeSpan.FromMilliseconds(centiseconds * 10 + 2_000);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return TimeSpan.FromSeconds(32);
        }
    }
}
