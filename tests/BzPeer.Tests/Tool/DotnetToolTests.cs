using System.Diagnostics;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Tool;

/// <summary>
/// End to end, as a user gets it: pack BzPeer.Cli as the BzPeer.Tool package, install it into a fresh tool path,
/// then build a site that holds only site.yml and content/ — so the templates and theme must come from the package.
/// </summary>
public class DotnetToolTests
{
    [Fact]
    public void The_packed_tool_installs_and_builds_a_site_with_only_site_yml_and_content()
    {
        var work = Path.Combine(Path.GetTempPath(), "bzpeer-tool-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var feed = Path.Combine(work, "feed");
            var tools = Path.Combine(work, "tools");
            // BzPeer.Cli was built in this test assembly's configuration, so pack that build rather than rebuilding
            // (which could replace DLLs that other test runs are using).
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            var cli = Path.Combine(Repo.Root, "generator", "BzPeer.Cli", "BzPeer.Cli.csproj");
            Dotnet(work, ["pack", cli, "-c", configuration, "--no-build", "-o", feed, "-nologo"]);
            Assert.Single(Directory.GetFiles(feed, "BzPeer.Tool.*.nupkg"));

            // A private package cache, so an older BzPeer.Tool of the same version cached on this machine is not reused.
            Dotnet(work, ["tool", "install", "--tool-path", tools, "--add-source", feed, "BzPeer.Tool"],
                ("NUGET_PACKAGES", Path.Combine(work, "packages")));

            var site = Path.Combine(work, "lab");
            Directory.CreateDirectory(Path.Combine(site, "content", "researchers"));
            File.WriteAllText(Path.Combine(site, "site.yml"), "title: Tool lab\nbase_url: https://lab.example.org/sub/\n");
            File.WriteAllText(Path.Combine(site, "content", "researchers", "ada.md"), "---\nname: Ada Lovelace\n---\nWrote the first program.\n");

            var bzpeer = Path.Combine(tools, OperatingSystem.IsWindows() ? "bzpeer.exe" : "bzpeer");
            var build = Exec(bzpeer, site, ["build"]);
            Assert.True(build.Code == 0, build.Output);
            Assert.Contains("Built ", build.Output);

            var profile = File.ReadAllText(Path.Combine(site, "_site", "researchers", "ada", "index.html"));
            Assert.Contains("Ada Lovelace", profile);
            Assert.Contains("/sub/", profile);
            // The theme's files came from the package, not from the site (which has none).
            Assert.False(Directory.Exists(Path.Combine(site, "theme")));
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(site, "_site"), "*.css", SearchOption.AllDirectories));
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static void Dotnet(string workingDirectory, string[] args, params (string Name, string Value)[] environment)
    {
        var result = Exec("dotnet", workingDirectory, args, environment);
        Assert.True(result.Code == 0, $"dotnet {string.Join(' ', args)} failed:\n{result.Output}");
    }

    private static (int Code, string Output) Exec(string file, string workingDirectory, string[] args, params (string Name, string Value)[] environment)
    {
        Directory.CreateDirectory(workingDirectory);
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out\n" + stdout);
        }

        return (process.ExitCode, stdout + stderr.Result);
    }
}
