namespace BzPeer.Import;

internal enum ImportSeverity
{
    Warning,
    Error,
}

/// <summary>
/// A problem found while importing, at a 1-based line and column of the imported file (0 = unknown).
/// Errors mean the record was not imported; warnings mean it was, with a guess the user should check.
/// </summary>
internal sealed record ImportDiagnostic(string Code, ImportSeverity Severity, string File, int Line, int Column, string Message)
{
    public bool IsError => Severity == ImportSeverity.Error;

    public static ImportDiagnostic Error(string code, string file, ImportPosition at, string message) =>
        new(code, ImportSeverity.Error, file, at.Line, at.Column, message);

    public static ImportDiagnostic Warning(string code, string file, ImportPosition at, string message) =>
        new(code, ImportSeverity.Warning, file, at.Line, at.Column, message);

    /// <summary>"file(line,col): error BZP501: message", the same shape as build diagnostics.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}({Line},{Column})" : File;
        var kind = IsError ? "error" : "warning";
        return $"{where}: {kind} {Code}: {Message}";
    }
}

/// <summary>Stable codes for import problems (BZP5xx).</summary>
internal static class ImportCodes
{
    public const string BibSyntax = "BZP501";
    public const string BibUndefinedMacro = "BZP502";
    public const string BibDuplicateField = "BZP503";
    public const string BibMissingCrossref = "BZP504";
    public const string MissingTitle = "BZP510";
    public const string MissingYear = "BZP511";
    public const string YearGuessed = "BZP512";
    public const string DuplicateKey = "BZP513";
    public const string JsonSyntax = "BZP520";
    public const string JsonShape = "BZP521";
    public const string FileAppeared = "BZP550";
}
