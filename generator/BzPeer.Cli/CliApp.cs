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
