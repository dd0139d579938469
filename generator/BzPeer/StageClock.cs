using System.Diagnostics;

namespace BzPeer;

/// <summary>Times the named stages of a build for <c>bzpeer build --timings</c> and the benchmark.</summary>
public sealed class StageClock
{
    private readonly List<(string Stage, TimeSpan Time)> _timings = [];

    public IReadOnlyList<(string Stage, TimeSpan Time)> Timings => _timings;

    /// <summary>The managed heap and the process's resident memory when each stage ended, in bytes.</summary>
    public IReadOnlyList<(string Stage, long Heap, long Resident)> Memory => _memory;

    private readonly List<(string Stage, long Heap, long Resident)> _memory = [];

    /// <summary>
    /// The process's CPU time (user and system, all threads) spent while each stage ran, the bytes it allocated, and the
    /// GC's pauses and full (gen-2) collections meanwhile: a full collection stops both cores for hundreds of
    /// milliseconds, and where it falls explains much of a stage's time from one build to the next.
    /// </summary>
    public IReadOnlyList<(string Stage, TimeSpan Cpu, long Allocated, TimeSpan GcPause, int FullCollections)> Cpu => _cpu;

    private readonly List<(string Stage, TimeSpan Cpu, long Allocated, TimeSpan GcPause, int FullCollections)> _cpu = [];

    /// <summary>Called with a stage's name as it starts (the CLI's progress line on a terminal).</summary>
    public Action<string>? OnStageStarted { get; init; }

    /// <summary>
    /// Adds the time of work that ran beside the stages (the full graph's layout), from any thread. It overlaps
    /// them, so the stages' times no longer add up to the build's: the CLI measures that on its own clock.
    /// </summary>
    public void Record(string stage, TimeSpan time)
    {
        lock (_timings)
        {
            _timings.Add((stage, time));
        }
    }

    public T Time<T>(string stage, Func<T> run)
    {
        OnStageStarted?.Invoke(stage);
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var paused = GC.GetTotalPauseDuration();
        var fullCollections = GC.CollectionCount(2);
        var result = run();
        lock (_timings)
        {
            _timings.Add((stage, clock.Elapsed));
            _cpu.Add((stage, Process.GetCurrentProcess().TotalProcessorTime - cpu, GC.GetTotalAllocatedBytes() - allocated,
                GC.GetTotalPauseDuration() - paused, GC.CollectionCount(2) - fullCollections));
            _memory.Add((stage, GC.GetTotalMemory(forceFullCollection: false), Environment.WorkingSet));
        }

        return result;
    }
}
