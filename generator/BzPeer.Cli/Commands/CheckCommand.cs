using System.CommandLine;

namespace BzPeer.Cli.Commands;

internal static class CheckCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var site = SiteArguments.Site();
        var command = new Command("check", "Validate site.yml and every content file; write nothing.") { site };
        command.SetAction(parse =>
        {
            BuildResult result;
            using (BatchGc.Enter())
            {
                result = SiteBuilder.Check(new BuildOptions { SiteDirectory = parse.GetValue(site)! });
            }

            DiagnosticPrinter.Print(result, stderr);
            if (!result.Succeeded)
            {
                return CliApp.ContentErrors;
            }

            var graph = result.Graph!;
            stdout.WriteLine($"ok: {Count(graph.Researchers.Count, "researcher")}, {Count(graph.Publications.Count, "publication")}, {Count(graph.Topics.Count, "topic")}, {Count(graph.Institutions.Count, "institution")}, {Count(graph.ExternalAuthors.Count, "external author")}.");
            return CliApp.Ok;
        });
        return command;
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
