using System.Text;
using BzPeer.Diagnostics;

namespace BzPeer.Cli;

/// <summary>
/// Appends a Markdown table of a run's diagnostics to the GitHub Actions job summary
/// (the file named by GITHUB_STEP_SUMMARY), so a pull request's problems are readable on the run's page.
/// </summary>
internal static class JobSummary
{
    public static void AppendIfRequested(IReadOnlyList<Diagnostic> diagnostics) =>
        AppendIfRequested(diagnostics, Environment.GetEnvironmentVariable);

    /// <summary>Reads the environment through <paramref name="environment"/> so tests need not change the process's.</summary>
    internal static void AppendIfRequested(IReadOnlyList<Diagnostic> diagnostics, Func<string, string?> environment)
    {
        if (environment("GITHUB_ACTIONS") != "true" || environment("GITHUB_STEP_SUMMARY") is not { Length: > 0 } path)
        {
            return;
        }

        try
        {
            File.AppendAllText(path, ToMarkdown(diagnostics), new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The summary is a convenience: the annotations already carry every diagnostic.
        }
    }

    public static string ToMarkdown(IReadOnlyList<Diagnostic> diagnostics)
    {
        var text = new StringBuilder();
        text.Append("## BzPeer\n\n");
        if (diagnostics.Count == 0)
        {
            text.Append("No errors or warnings.\n\n");
            return text.ToString();
        }

        var errors = diagnostics.Count(d => d.IsError);
        text.Append($"{errors} error{(errors == 1 ? "" : "s")}, {diagnostics.Count - errors} warning{(diagnostics.Count - errors == 1 ? "" : "s")}.\n\n");
        text.Append("| | Code | Location | Message |\n|---|---|---|---|\n");
        foreach (var d in diagnostics)
        {
            var message = d.Hint is null ? d.Message : $"{d.Message} {d.Hint}";
            text.Append($"| {(d.IsError ? "error" : "warning")} | {Cell(d.Code)} | {Cell(d.Location.ToString())} | {Cell(message)} |\n");
        }

        return text.Append('\n').ToString();
    }

    /// <summary>
    /// Content is untrusted: '|' would split the row, backticks open code spans, '&lt;' could start HTML, and a
    /// newline would end the row. Each becomes its HTML entity (or a space).
    /// </summary>
    private static string Cell(string value)
    {
        var cell = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            cell.Append(c switch
            {
                '|' => "&#124;",
                '`' => "&#96;",
                '<' => "&lt;",
                '&' => "&amp;",
                '\r' or '\n' => " ",
                _ => c.ToString(),
            });
        }

        return cell.ToString();
    }
}
