using System.Collections.Concurrent;

namespace BzPeer.Diagnostics;

/// <summary>
/// Collects every diagnostic of a run so that all problems are reported together.
/// Thread-safe: stages that run in parallel report into the same bag.
/// </summary>
public sealed class DiagnosticBag
{
    // Made on the first diagnostic: a load keeps one bag per file, and most files have nothing to say.
    private ConcurrentQueue<Diagnostic>? _items;
    private int _errors;

    public void Add(Diagnostic diagnostic)
    {
        var items = _items ?? Interlocked.CompareExchange(ref _items, new ConcurrentQueue<Diagnostic>(), null) ?? _items;
        items.Enqueue(diagnostic);
        if (diagnostic.IsError)
        {
            Interlocked.Increment(ref _errors);
        }
    }

    public void Error(string code, SourceLocation at, string message, string? hint = null) =>
        Add(new Diagnostic(code, Severity.Error, at, message, hint));

    public void Warning(string code, SourceLocation at, string message, string? hint = null) =>
        Add(new Diagnostic(code, Severity.Warning, at, message, hint));

    public bool HasErrors => Volatile.Read(ref _errors) > 0;

    public int ErrorCount => Volatile.Read(ref _errors);

    public int WarningCount => (_items?.Count ?? 0) - ErrorCount;

    /// <summary>The diagnostics in a deterministic order: by file, line, column, code.</summary>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        var items = _items;
        return items is null ? [] : items.OrderBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
    }
}
