namespace BzPeer.Diagnostics;

/// <summary>
/// A user-facing problem: a stable code (see <see cref="DiagnosticCodes"/>), where it is and how to fix it.
/// User mistakes are always diagnostics, never exceptions.
/// </summary>
public sealed record Diagnostic(string Code, Severity Severity, SourceLocation Location, string Message, string? Hint = null)
{
    public bool IsError => Severity == Severity.Error;

    public override string ToString()
    {
        var kind = IsError ? "error" : "warning";
        var hint = Hint is null ? "" : $" {Hint}";
        return $"{Location}: {kind} {Code}: {Message}{hint}";
    }
}
