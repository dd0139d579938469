using System.Runtime.InteropServices;

namespace BzPeer.Output;

/// <summary>
/// Keeps the output folder always either the previous complete site or the new complete one: files go to a
/// sibling staging folder (<see cref="StagedOutput"/>), which is then swapped in with one atomic
/// renameat2(RENAME_EXCHANGE) where the kernel has it (two renames otherwise), and the old tree is deleted.
/// </summary>
internal static partial class AtomicDirectoryWriter
{
    private const string StagingSuffix = ".bzpeer-staging";
    private const string OldSuffix = ".bzpeer-old";

    internal static string StagingOf(string output) => output + StagingSuffix;

    /// <summary>Swaps the complete staging folder in for the output folder and deletes the previous site.</summary>
    internal static void Publish(string staging, string output)
    {
        var old = output + OldSuffix;
        Swap(staging, output, old);
        DeleteIfExists(old);
    }

    /// <summary>A build killed between the two fallback renames leaves only the old tree: put it back.</summary>
    internal static void Recover(string output)
    {
        var old = output + OldSuffix;
        if (!Directory.Exists(output) && Directory.Exists(old))
        {
            Directory.Move(old, output);
        }
        else
        {
            DeleteIfExists(old);
        }

        DeleteIfExists(output + StagingSuffix);
    }

    private static void Swap(string staging, string output, string old)
    {
        if (!Directory.Exists(output))
        {
            Directory.Move(staging, output);
            return;
        }

        if (OperatingSystem.IsLinux() && TryExchange(staging, output))
        {
            // staging now holds the previous site.
            Directory.Move(staging, old);
            return;
        }

        Directory.Move(output, old);
        Directory.Move(staging, output);
    }

    private static bool TryExchange(string a, string b)
    {
        try
        {
            return RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Threads unlinking at once: each spends nearly all its time in the kernel, waiting on the disk.</summary>
    private const int DeleteThreads = 8;

    /// <summary>
    /// Deletes a folder and everything in it, its second-level entries by several threads at once: a large site's
    /// old tree is 210,000 files, and a large rebuild's write stage, mostly this delete, took 49.4 s with one
    /// thread and 25.1 s with eight (docs/performance.md). Links are removed, never followed: a top-level link
    /// is not listed into.
    /// </summary>
    internal static void DeleteIfExists(string directory)
    {
        var root = new DirectoryInfo(directory);
        if (!root.Exists)
        {
            return;
        }

        var entries = new List<FileSystemInfo>();
        foreach (var top in root.EnumerateFileSystemInfos())
        {
            if (top is DirectoryInfo { LinkTarget: null } folder)
            {
                entries.AddRange(folder.EnumerateFileSystemInfos());
            }
        }

        if (entries.Count > DeleteThreads)
        {
            DeleteAll(entries);
        }

        // What is left: the top-level files and links and the now empty folders.
        root.Delete(recursive: true);
    }

    private static void DeleteAll(List<FileSystemInfo> entries)
    {
        var next = -1;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, DeleteThreads).Select(_ => new Thread(() =>
        {
            for (var i = Interlocked.Increment(ref next); i < entries.Count; i = Interlocked.Increment(ref next))
            {
                try
                {
                    // A link to a folder is a DirectoryInfo too; deleting it removes the link, not what it points at.
                    if (entries[i] is DirectoryInfo folder)
                    {
                        folder.Delete(recursive: true);
                    }
                    else
                    {
                        entries[i].Delete();
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    failures.Enqueue(e);
                }
            }
        }) { IsBackground = true, Name = "bzpeer output delete" }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        if (failures.TryPeek(out var first))
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            DeleteIfExists(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover staging folder is removed by the next build.
        }
    }

    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);
}
