using System.Collections.Concurrent;
using BzPeer.Diagnostics;

namespace BzPeer.Output;

/// <summary>
/// A build's output as it is rendered: each file goes straight to a staging folder next to the output folder
/// (so the site is never held in memory whole), and <see cref="Commit"/> swaps the staging folder in atomically
/// (<see cref="AtomicDirectoryWriter"/>). Disposed without a commit, the staging folder is deleted and the
/// previous output is untouched. <see cref="Write"/> may be called from many threads.
/// </summary>
internal sealed class StagedOutput : IDisposable
{
    private readonly string _output;
    private readonly string _staging;
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private int _count;
    private bool _committed;

    private StagedOutput(string output, string staging)
    {
        _output = output;
        _staging = staging;
    }

    /// <summary>How many files were written so far.</summary>
    public int Count => _count;

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

    /// <summary>Writes one file; throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> on failure.</summary>
    public void Write(string relativePath, ReadOnlySpan<byte> content)
    {
        var full = Path.Combine(_staging, relativePath);
        var folder = Path.GetDirectoryName(full)!;
        if (!_folders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            _folders.TryAdd(folder, true);
        }

        // A handle and one positional write: no FileStream buffer, no seek (tens of thousands of small files).
        using var handle = File.OpenHandle(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None);
        RandomAccess.Write(handle, content, 0);
        Interlocked.Increment(ref _count);
    }

    /// <summary>Reports a failed write; the staging folder goes on dispose.</summary>
    public void Fail(Exception e, DiagnosticBag diagnostics) => Report(_output, e, diagnostics);

    public bool Commit(DiagnosticBag diagnostics)
    {
        try
        {
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

    private static void Report(string output, Exception e, DiagnosticBag diagnostics) =>
        diagnostics.Error(DiagnosticCodes.OutputWrite, SourceLocation.File(output), $"The site could not be written: {e.Message}",
            "The previous output was left as it was.");
}
