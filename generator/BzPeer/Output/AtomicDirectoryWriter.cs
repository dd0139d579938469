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

    internal static void DeleteIfExists(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
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
