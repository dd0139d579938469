using System.Runtime.InteropServices;

namespace BzPeer.Content.ReadAhead;

/// <summary>
/// Brings content files that are not yet in memory (a cold cache: after a reboot, a cold benchmark run) into the
/// page cache ahead of the content readers, a batch of reads per system call, so that the readers find them there.
/// Only an optimisation: the readers still open and read every file themselves and report every problem, and
/// where io_uring is missing or refused, or the files are already cached, this does nothing.
/// </summary>
/// <remarks>
/// Why: in a virtual machine each read the kernel sends the disk on its own costs a notification of the host (a
/// VM exit). Reading the large benchmark corpus's 60,300 files cold one at a time took 4.2 s of system CPU here,
/// and 1.2 s in batches of 64, where the kernel sends a batch with one notification (docs/performance.md,
/// session 21). The readers wait for the read-ahead to pass the file they take, so that none of them reads a cold
/// file on its own; the read-ahead runs well ahead of them, since it does no parsing.
/// </remarks>
internal sealed unsafe class ContentReadAhead : IDisposable
{
    private const int BatchSize = 64;
    // Enough for a typical content file (1-2 KB); the rest of a longer one is read by its reader, by the kernel's
    // own readahead. Every read shares this one buffer: what lands in it is never looked at.
    private const uint ReadBytes = 64 * 1024;
    private const int Eagain = 11;

    private readonly IReadOnlyList<string?> _paths;
    private readonly IoUring? _ring;
    private readonly Thread? _thread;
    private readonly object _gate = new(); // Monitor.Wait needs a monitor, not a Lock
    private volatile int _passed;          // files [0, _passed) have been read ahead
    private volatile bool _stopped;

    private ContentReadAhead(IReadOnlyList<string?> paths, IoUring? ring, ReadAheadState state)
    {
        _paths = paths;
        _ring = ring;
        State = state;
        _stopped = state != ReadAheadState.Reading;
        if (state == ReadAheadState.Reading)
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "bzpeer content read-ahead" };
            _thread.Start();
        }
    }

    /// <summary>What the read-ahead found and does.</summary>
    public ReadAheadState State { get; }

    /// <summary>Files read ahead (a read that returned data or an end of file); final once disposed.</summary>
    public int FilesRead { get; private set; }

    /// <summary>
    /// Starts reading <paramref name="paths"/> ahead, in order (a null path is skipped), when the first batch of
    /// them is not all in the page cache already. The environment variable <c>BZPEER_READ_AHEAD=0</c> turns it off.
    /// </summary>
    public static ContentReadAhead Start(IReadOnlyList<string?> paths)
    {
        if (paths.Count == 0 || Environment.GetEnvironmentVariable("BZPEER_READ_AHEAD") == "0" || IoUring.TryCreate(BatchSize) is not { } ring)
        {
            return new ContentReadAhead(paths, null, ReadAheadState.Off);
        }

        // The first batch asks only for what is cached. If all of it is, the cache is warm (a rebuild, a fresh clone)
        // and reading ahead would only cost time; if not, the kernel has begun reading the missing ones already.
        // A ring that fails here is given up: the readers then wait on the disk themselves, as many as for that.
        var results = TryReadBatch(ring, paths, 0, IoUring.NoWait, out _);
        var state = results is null ? ReadAheadState.Off : results.Contains(-Eagain) ? ReadAheadState.Reading : ReadAheadState.Cached;
        if (state != ReadAheadState.Reading)
        {
            ring.Dispose();
            return new ContentReadAhead(paths, null, state);
        }

        return new ContentReadAhead(paths, ring, state);
    }

    /// <summary>Blocks until file <paramref name="index"/> has been read ahead, or the read-ahead has stopped.</summary>
    public void WaitFor(int index)
    {
        if (index < _passed || _stopped)
        {
            return;
        }

        lock (_gate)
        {
            while (index >= _passed && !_stopped)
            {
                Monitor.Wait(_gate);
            }
        }
    }

    /// <summary>Stops reading ahead and waits for the thread (the readers have passed every file by then).</summary>
    public void Dispose()
    {
        Stop();
        _thread?.Join();
        _ring?.Dispose();
    }

    private void Run()
    {
        var ring = _ring!;
        try
        {
            for (var start = 0; start < _paths.Count && !_stopped; start += ring.Capacity)
            {
                if (TryReadBatch(ring, _paths, start, 0, out var read) is null)
                {
                    return;
                }

                FilesRead += read;
                Pass(Math.Min(start + ring.Capacity, _paths.Count));
            }
        }
        finally
        {
            Stop();
        }
    }

    /// <summary>
    /// <see cref="ReadBatch"/>, or null for any exception as well: an optimisation must never take a build down, and
    /// an exception on the read-ahead's own thread would end the process.
    /// </summary>
    private static int[]? TryReadBatch(IoUring ring, IReadOnlyList<string?> paths, int start, uint flags, out int read)
    {
        try
        {
            return ReadBatch(ring, paths, start, flags, out read);
        }
        catch (Exception)
        {
            read = 0;
            return null;
        }
    }

    /// <summary>Opens and reads the batch of files from <paramref name="start"/>; their results, or null when the ring failed.</summary>
    private static int[]? ReadBatch(IoUring ring, IReadOnlyList<string?> paths, int start, uint flags, out int read)
    {
        read = 0;
        var count = Math.Min(ring.Capacity, paths.Count - start);
        var files = new int[count];
        var opened = 0;
        int[] results;
        try
        {
            for (var i = start; i < start + count; i++)
            {
                // Files that cannot be opened are left to their readers, which report why.
                if (paths[i] is { } path && IoUring.OpenToRead(path) is var fd and >= 0)
                {
                    files[opened++] = fd;
                }
            }

            results = new int[opened];
            if (opened > 0 && !ring.ReadBatch(files.AsSpan(0, opened), Buffer, ReadBytes, flags, results))
            {
                return null;
            }
        }
        finally
        {
            foreach (var fd in files.AsSpan(0, opened))
            {
                IoUring.Close(fd);
            }
        }

        foreach (var result in results)
        {
            read += result >= 0 ? 1 : 0;
        }

        return results;
    }

    // Shared by every read of every read-ahead (see ReadBytes), for the life of the process: 64 KB, allocated once.
    private static readonly nint SharedBuffer = (nint)NativeMemory.Alloc(ReadBytes);

    private static byte* Buffer => (byte*)SharedBuffer;

    private void Pass(int passed)
    {
        lock (_gate)
        {
            _passed = passed;
            Monitor.PulseAll(_gate);
        }
    }

    private void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }
    }
}

/// <summary>What <see cref="ContentReadAhead"/> does for a load.</summary>
internal enum ReadAheadState
{
    /// <summary>Nothing: turned off, or io_uring is missing or refused. The readers read a cold disk themselves.</summary>
    Off,

    /// <summary>Nothing: the first files were all in the page cache already.</summary>
    Cached,

    /// <summary>Reading the files ahead of the readers.</summary>
    Reading,
}
