using System.CommandLine;
using BzPeer.Cli.Commands;

namespace BzPeer.Cli;

/// <summary>The <c>bzpeer</c> command line: parsing, dispatch and exit codes (0 ok, 1 content errors, 2 usage errors).</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int ContentErrors = 1;
    public const int UsageError = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("BzPeer: researcher pages and a research graph, from YAML/Markdown records.");
        root.Subcommands.Add(BuildCommand.Create(stdout, stderr));
        root.Subcommands.Add(CheckCommand.Create(stdout, stderr));
        root.Subcommands.Add(ServeCommand.Create(stdout));
        root.Subcommands.Add(ImportCommand.Create(stdout, stderr));
        root.Subcommands.Add(NewCommand.Create(stdout, stderr));
        root.Subcommands.Add(DiffCommand.Create(stdout, stderr));

        // The built-in --version reports the entry assembly, which is the test host under tests: report BzPeer's own.
        var builtInVersion = root.Options.OfType<VersionOption>().Single();
        root.Options.Remove(builtInVersion);
        var version = new Option<bool>("--version") { Description = "Show the version of BzPeer." };
        root.Options.Add(version);
        root.SetAction(parse =>
        {
            if (parse.GetValue(version))
            {
                stdout.WriteLine(BuildInfo.Version);
                return Ok;
            }

            stderr.WriteLine("No command given. Run 'bzpeer --help' for the commands.");
            return UsageError;
        });
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"error: {error.Message}");
            }

            stderr.WriteLine("Run 'bzpeer --help' for usage.");
            return UsageError;
        }

        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
