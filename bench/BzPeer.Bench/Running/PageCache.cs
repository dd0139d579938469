namespace BzPeer.Bench.Running;

/// <summary>Drops the OS page cache before a cold run, where the kernel lets us.</summary>
internal static class PageCache
{
    private const string DropCaches = "/proc/sys/vm/drop_caches";

    /// <summary>True when the cache was dropped; otherwise <paramref name="reason"/> says why not.</summary>
    public static bool TryDrop(out string reason)
    {
        try
        {
            using (var sync = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sync") { UseShellExecute = false }))
            {
                sync?.WaitForExit();
            }
            File.WriteAllText(DropCaches, "3\n");
            reason = "";
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            reason = e.Message;
            return false;
        }
    }
}
