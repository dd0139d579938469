using System.Collections.Concurrent;
using BzPeer.Diagnostics;

namespace BzPeer.Output;

/// <summary>
/// A build's output as it is rendered: each file goes straight to a staging folder next to the output folder
/// (so the site is never held in memory whole), and <see cref="Commit"/> swaps the staging folder in atomically
/// (<see cref="AtomicDirectoryWriter"/>). Disposed without a commit, the staging folder is deleted and the
/// previous output is untouched. <see cref="Write"/> may be called from many threads.
/// </summary>
/// <remarks>
/// Files are written by one thread of its own, fed through a short queue: rendering threads never wait in
/// the kernel for a file to be created, and file and folder creation never contends for a parent folder's
/// lock. Time blocked on the disk overlaps with rendering instead of adding to it.
/// </remarks>
internal sealed class StagedOutput : IDisposable
{
    /// <summary>Files waiting for the writer; bounded so rendering cannot run far ahead of the disk.</summary>
    private const int QueueCapacity = 256;

    private readonly string _output;
    private readonly string _staging;
    private readonly BlockingCollection<OutputFile> _queue = new(QueueCapacity);
    private readonly HashSet<string> _folders = new(StringComparer.Ordinal);
    private readonly Thread _writer;
    private volatile Exception? _failure;
    private int _count;
    private bool _committed;

    private StagedOutput(string output, string staging)
    {
        _output = output;
        _staging = staging;
        _folders.Add(staging);
        _writer = new Thread(WriteQueued) { IsBackground = true, Name = "bzpeer output writer" };
        _writer.Start();
    }

    /// <summary>How many files were written so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Null (with the error reported) when the staging folder cannot be made.</summary>
    public static StagedOutput? Begin(string outputDirectory, DiagnosticBag diagnostics)
    {
        var output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var staging = AtomicDirectoryWriter.StagingOf(output);
        try
        {
            AtomicDirectoryWriter.Recover(output);
            AtomicDirectoryWriter.DeleteIfExists(staging);
            Directory.CreateDirectory(staging);
            return new StagedOutput(output, staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Report(outputDirectory, e, diagnostics);
            return null;
        }
    }

    /// <summary>
    /// Queues one file; <paramref name="content"/> must not change afterwards. Throws <see cref="IOException"/>
    /// once an earlier write has failed, so a build stops rendering into a disk that cannot take it.
    /// </summary>
    public void Write(string relativePath, ReadOnlyMemory<byte> content) => Write(new OutputFile(relativePath, content));

    /// <summary>Queues one file; a pooled array (<see cref="FileBytes"/>) goes back to the pool once written.</summary>
    public void Write(OutputFile file)
    {
        ThrowIfFailed();
        _queue.Add(file);
    }

    /// <summary>Waits until every queued file is on disk; throws <see cref="IOException"/> if one could not be written.</summary>
    private void Flush()
    {
        Drain();
        ThrowIfFailed();
    }

    /// <summary>Reports a failed write; the staging folder goes on dispose.</summary>
    public void Fail(Exception e, DiagnosticBag diagnostics) => Report(_output, e, diagnostics);

    /// <summary>Writes what is still queued, then swaps the staging folder in.</summary>
    public bool Commit(DiagnosticBag diagnostics)
    {
        try
        {
            Flush();
            AtomicDirectoryWriter.Publish(_staging, _output);
            _committed = true;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Report(_output, e, diagnostics);
            return false;
        }
    }

    public void Dispose()
    {
        Drain();
        if (!_committed)
        {
            AtomicDirectoryWriter.TryDelete(_staging);
        }
    }

    private void Drain()
    {
        if (!_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
        }

        _writer.Join();
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } failure)
        {
            throw new IOException(failure.Message, failure);
        }
    }

    private void WriteQueued()
    {
        foreach (var file in _queue.GetConsumingEnumerable())
        {
            // After a failure the queue is still emptied, so no renderer waits forever on a full queue.
            if (_failure is not null)
            {
                file.Bytes.Release();
                continue;
            }

            try
            {
                WriteFile(file.Path, file.Content.Span);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _failure = e;
            }
            finally
            {
                file.Bytes.Release();
            }
        }
    }

    private void WriteFile(string relativePath, ReadOnlySpan<byte> content)
    {
        var full = Path.Combine(_staging, relativePath);
        var folder = Path.GetDirectoryName(full)!;
        if (_folders.Add(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // A handle and one positional write: no FileStream buffer, no seek (tens of thousands of small files).
        using var handle = File.OpenHandle(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None);
        RandomAccess.Write(handle, content, 0);
        Interlocked.Increment(ref _count);
    }

    private static void Report(string output, Exception e, DiagnosticBag diagnostics) =>
        diagnostics.Error(DiagnosticCodes.OutputWrite, SourceLocation.File(output), $"The site could not be written: {e.Message}",
            "The previous output was left as it was.");
}
