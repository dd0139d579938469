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
            var result = SiteBuilder.Check(new BuildOptions { SiteDirectory = parse.GetValue(site)! });
            DiagnosticPrinter.Print(result, stderr);
            if (!result.Succeeded)
            {
                return CliApp.ContentErrors;
            }

            var graph = result.Graph!;
            stdout.WriteLine($"ok: {graph.Researchers.Count} researchers, {graph.Publications.Count} publications, {graph.Topics.Count} topics, {graph.Institutions.Count} institutions, {graph.ExternalAuthors.Count} external authors.");
            return CliApp.Ok;
        });
        return command;
    }
}
