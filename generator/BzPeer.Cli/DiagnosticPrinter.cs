using BzPeer.Diagnostics;

namespace BzPeer.Cli;

/// <summary>Prints a run's diagnostics: with excerpts for people, as workflow commands under GitHub Actions.</summary>
internal static class DiagnosticPrinter
{
    public static bool InGitHubActions => Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true";

    public static void Print(BuildResult result, TextWriter stderr)
    {
        var all = result.Diagnostics.Sorted();
        foreach (var diagnostic in all)
        {
            stderr.WriteLine(InGitHubActions
                ? DiagnosticFormatter.ForGitHub(diagnostic)
                : DiagnosticFormatter.ForConsole(diagnostic, result.SourceLine));
        }

        if (all.Count > 0)
        {
            stderr.WriteLine($"{Plural(result.Diagnostics.ErrorCount, "error")}, {Plural(result.Diagnostics.WarningCount, "warning")}.");
        }

        JobSummary.AppendIfRequested(all);
    }

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
