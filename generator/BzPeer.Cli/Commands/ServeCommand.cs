using System.CommandLine;
using BzPeer.Cli.Serve;

namespace BzPeer.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create(TextWriter stdout)
    {
        var site = SiteArguments.Site();
        var port = new Option<int>("--port", "-p") { Description = "Port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 4000 };
        var command = new Command("serve", "Preview the site on 127.0.0.1 with live reload; rebuilds as you edit.") { site, port };
        command.SetAction(async (parse, cancellation) =>
        {
            var directory = parse.GetValue(site)!;
            if (!Directory.Exists(directory))
            {
                stdout.WriteLine($"error: the site folder '{directory}' does not exist.");
                return CliApp.ContentErrors;
            }

            await using var server = await PreviewServer.StartAsync(directory, parse.GetValue(port), stdout);
            await server.WaitForShutdownAsync(cancellation);
            return CliApp.Ok;
        });
        return command;
    }
}
