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
/// Each rendering thread writes its own files, as soon as they are made. A single writer thread fed through a
/// bounded queue (until session 22) got only its fair share of the two cores while the renderers and the graph
/// layout ran beside it, so the queue filled and the renderers spun waiting on it: 6.6% of a large build's
/// samples went to that wait, and writing directly was faster in each of six alternated cold pairs
/// (docs/performance.md, session 22).
/// </remarks>
internal sealed class StagedOutput : IDisposable
{
    private readonly string _output;
    private readonly string _staging;
    /// <summary>Folders known to exist; a folder is added only once made, so no thread writes into one still being made.</summary>
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);
    private volatile Exception? _failure;
    private int _count;
    private bool _committed;

    private StagedOutput(string output, string staging)
    {
        _output = output;
        _staging = staging;
        _folders.TryAdd(staging, 0);
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
    /// Writes one file. Throws <see cref="IOException"/> when it cannot be written, and for every file after a
    /// failed one (from any thread), so a build stops rendering into a disk that cannot take it.
    /// </summary>
    public void Write(string relativePath, ReadOnlyMemory<byte> content) => Write(new OutputFile(relativePath, content));

    /// <summary>Writes one file; a pooled array (<see cref="FileBytes"/>) goes back to the pool, written or not.</summary>
    public void Write(OutputFile file)
    {
        try
        {
            if (_failure is null)
            {
                WriteFile(file.Path, file.Content.Span);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _failure ??= e;
        }
        finally
        {
            file.Bytes.Release();
        }

        ThrowIfFailed();
    }

    /// <summary>Reports a failed write; the staging folder goes on dispose.</summary>
    public void Fail(Exception e, DiagnosticBag diagnostics) => Report(_output, e, diagnostics);

    /// <summary>Swaps the staging folder in, unless a write failed.</summary>
    public bool Commit(DiagnosticBag diagnostics)
    {
        try
        {
            ThrowIfFailed();
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
        if (!_committed)
        {
            AtomicDirectoryWriter.TryDelete(_staging);
        }
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } failure)
        {
            throw new IOException(failure.Message, failure);
        }
    }

    private void WriteFile(string relativePath, ReadOnlySpan<byte> content)
    {
        var full = Path.Combine(_staging, relativePath);
        var folder = Path.GetDirectoryName(full)!;
        // Two threads may both make a new folder; making one that exists is not an error.
        if (!_folders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            _folders.TryAdd(folder, 0);
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
