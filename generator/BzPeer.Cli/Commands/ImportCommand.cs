using System.CommandLine;
using BzPeer.Import;

namespace BzPeer.Cli.Commands;

internal static class ImportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var format = new Argument<string>("FORMAT") { Description = "bibtex, csl, openalex or orcid." };
        format.AcceptOnlyFromAmong("bibtex", "csl", "openalex", "orcid");
        var file = new Argument<string>("FILE") { Description = "The file to import." };
        var site = SiteArguments.Site();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan (new, matched, skipped, errors) and write nothing." };
        var researcher = new Option<string?>("--researcher") { Description = "The site researcher the imported record is about (ORCID/OpenAlex author records, or 'me' in a bibliography)." };
        var command = new Command("import", "Merge records from BibTeX, CSL-JSON, OpenAlex or ORCID into content/, never overwriting existing files.")
        {
            format, file, site, dryRun, researcher,
        };
        command.SetAction(parse =>
        {
            var request = new ImportRequest(ImportRunner.ParseFormat(parse.GetValue(format)!)!.Value, parse.GetValue(file)!, parse.GetValue(site)!,
                parse.GetValue(dryRun), parse.GetValue(researcher));
            return ImportRunner.Run(request, stdout).ExitCode;
        });
        return command;
    }
}
