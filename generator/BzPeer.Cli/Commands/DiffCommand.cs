using System.CommandLine;
using BzPeer.Diff;

namespace BzPeer.Cli.Commands;

/// <summary><c>bzpeer diff BASE_SITE SITE</c> or <c>bzpeer diff --base REF [SITE]</c>: a Markdown summary of what a change does to the site.</summary>
internal static class DiffCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var sites = new Argument<string[]>("SITES")
        {
            Description = "BASE_SITE SITE, or with --base only SITE (default: the current folder).",
            Arity = new ArgumentArity(0, 2),
        };
        var baseRef = new Option<string?>("--base") { Description = "Compare SITE with its content/ and site.yml at this git ref (branch, tag or commit)." };
        var limit = new Option<int>("--limit")
        {
            Description = "How many added or removed items to list per section.",
            DefaultValueFactory = _ => DiffMarkdown.DefaultListLimit,
        };
        var command = new Command("diff", "Summarise, as Markdown for a pull-request comment, what changed between two versions of a site.") { sites, baseRef, limit };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(sites) ?? [];
            var gitRef = parse.GetValue(baseRef);
            var listLimit = parse.GetValue(limit);
            if (listLimit < 1)
            {
                stderr.WriteLine("error: --limit must be at least 1.");
                return CliApp.UsageError;
            }

            if (gitRef is null)
            {
                if (paths.Length != 2)
                {
                    stderr.WriteLine("error: give BASE_SITE and SITE, or --base GIT_REF [SITE].");
                    return CliApp.UsageError;
                }

                return Compare(paths[0], paths[1], listLimit, stdout, stderr);
            }

            if (paths.Length > 1)
            {
                stderr.WriteLine("error: with --base give only SITE.");
                return CliApp.UsageError;
            }

            var site = paths.Length == 1 ? paths[0] : ".";
            using var snapshot = GitSnapshot.Create(site, gitRef, out var error);
            if (snapshot is null)
            {
                stderr.WriteLine($"error: {error}");
                return CliApp.UsageError;
            }

            return Compare(snapshot.SiteDirectory, site, listLimit, stdout, stderr);
        });
        return command;
    }

    private static int Compare(string basePath, string headPath, int listLimit, TextWriter stdout, TextWriter stderr)
    {
        var before = SiteBuilder.Check(new BuildOptions { SiteDirectory = basePath });
        var after = SiteBuilder.Check(new BuildOptions { SiteDirectory = headPath });
        foreach (var (label, result) in new[] { ("base", before), ("head", after) })
        {
            if (result.Diagnostics.HasErrors)
            {
                stderr.WriteLine($"The {label} site has errors:");
                DiagnosticPrinter.Print(result, stderr);
            }
        }

        if (before.Diagnostics.HasErrors || after.Diagnostics.HasErrors || before.Graph is null || after.Graph is null)
        {
            return CliApp.ContentErrors;
        }

        stdout.Write(DiffMarkdown.Write(SiteDiff.Compare(before.Graph, after.Graph), listLimit));
        return CliApp.Ok;
    }
}
