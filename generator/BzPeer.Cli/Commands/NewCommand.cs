using System.CommandLine;
using BzPeer.Scaffold;

namespace BzPeer.Cli.Commands;

/// <summary><c>bzpeer new site DIR</c> and <c>bzpeer new researcher|publication ID [SITE]</c>.</summary>
internal static class NewCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("new", "Create a starter site, or a new commented record in a site.");

        var directory = new Argument<string>("DIR") { Description = "The folder for the new site (must be missing or empty)." };
        var site = new Command("site", "Write a starter site: site.yml, one record of each kind, GitHub workflows, CONTRIBUTING.md.") { directory };
        site.SetAction(parse => Report(Scaffolder.NewSite(parse.GetValue(directory)!), stdout, stderr,
            $"Next: cd {parse.GetValue(directory)} && bzpeer serve"));
        command.Subcommands.Add(site);

        command.Subcommands.Add(Record("researcher", "Write content/researchers/ID.yml, a commented researcher record.", Scaffolder.NewResearcher, stdout, stderr));
        command.Subcommands.Add(Record("publication", "Write content/publications/ID.yml, a commented publication record.", Scaffolder.NewPublication, stdout, stderr));
        return command;
    }

    private static Command Record(string name, string description, Func<string, string, string?, ScaffoldResult> create, TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<string>("ID") { Description = "The record's id: lowercase a-z, 0-9 and single hyphens." };
        var site = SiteArguments.Site();
        var command = new Command(name, description) { id, site };
        command.SetAction(parse => Report(create(parse.GetValue(id)!, parse.GetValue(site)!, null), stdout, stderr,
            "Fill it in, then run 'bzpeer check'."));
        return command;
    }

    private static int Report(ScaffoldResult result, TextWriter stdout, TextWriter stderr, string next)
    {
        if (!result.Succeeded)
        {
            stderr.WriteLine($"error: {result.Refusal}");
            return CliApp.UsageError;
        }

        foreach (var path in result.Written)
        {
            stdout.WriteLine($"created {path}");
        }

        stdout.WriteLine(next);
        return CliApp.Ok;
    }
}
