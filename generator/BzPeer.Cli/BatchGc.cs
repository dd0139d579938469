using System.Runtime;

namespace BzPeer.Cli;

/// <summary>
/// Collects without background GCs while a build or check runs, and restores the previous mode after.
/// </summary>
/// <remarks>
/// The CLI runs the server GC (one heap and one collecting thread per core; BzPeer.Cli.csproj). A build allocates
/// gigabytes, nearly all of it short-lived, on every core at once: blocking collections done by both cores beat
/// background ones that leave the other core allocating into a growing heap (large corpus, alternating runs:
/// workstation GC 59.5-70.2 s wall, 1.16-1.25 GiB peak; server GC 59.6-61.4 s, 1.26-1.35 GiB; server GC without
/// background collections 54.3-58.1 s, 1.20-1.26 GiB; docs/performance.md). <c>serve</c> keeps background
/// collections: there a long blocking pause would hold up a page reload.
/// </remarks>
internal readonly struct BatchGc : IDisposable
{
    private readonly GCLatencyMode _previous;

    private BatchGc(GCLatencyMode previous) => _previous = previous;

    public static BatchGc Enter()
    {
        var previous = GCSettings.LatencyMode;
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        return new BatchGc(previous);
    }

    public void Dispose() => GCSettings.LatencyMode = _previous;
}
