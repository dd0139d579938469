using System.Diagnostics;
using System.Security.Cryptography;
using BzPeer.Bench.Corpus;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Hardening;

/// <summary>
/// Starts `bzpeer build` as a child process on a generated small corpus and SIGKILLs it at random moments,
/// alternating between two content versions. After every kill the output folder must be one complete site —
/// the old one or the new one, compared file by file (SHA-256 manifests) with trees built up front.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int Kills = 20;
    private readonly string root = Path.Combine(Path.GetTempPath(), "bzpeer-crash-" + Guid.NewGuid().ToString("N")[..10]);

    [Fact]
    public async Task Killing_a_build_at_any_moment_leaves_the_old_or_the_new_complete_site()
    {
        var site = Path.Combine(root, "site");
        BzPeerSiteWriter.Write(CorpusGenerator.Generate(CorpusSize.Small, seed: 11), site);
        var researcher = Directory.GetFiles(Path.Combine(site, "content", "researchers")).Order(StringComparer.Ordinal).First();
        var versionA = File.ReadAllText(researcher);
        var versionB = versionA.TrimEnd() + "\n\nA sentence only version B has.\n";

        var clock = Stopwatch.StartNew();
        var expectedA = BuildManifest(site, researcher, versionA, Path.Combine(root, "expected-a"));
        var expectedB = BuildManifest(site, researcher, versionB, Path.Combine(root, "expected-b"));
        var buildTime = clock.Elapsed / 2;
        Assert.NotEqual(expectedA, expectedB);

        var output = Path.Combine(root, "out");
        File.WriteAllText(researcher, versionA);
        Assert.Equal(0, await RunCli(site, output, killAfter: null));
        Assert.Equal(expectedA, Manifest(output));

        var random = new Random(20260101);
        for (var kill = 0; kill < Kills; kill++)
        {
            File.WriteAllText(researcher, kill % 2 == 0 ? versionB : versionA);
            // Process start-up is part of the window: kills land before, during and after writing.
            var delay = TimeSpan.FromMilliseconds(random.Next(50, (int)(buildTime.TotalMilliseconds * 1.5) + 400));
            await RunCli(site, output, delay);
            var manifest = Manifest(output);
            Assert.True(manifest.SequenceEqual(expectedA) || manifest.SequenceEqual(expectedB),
                $"kill {kill} after {delay.TotalMilliseconds} ms left a mixed or partial site ({manifest.Count} files; A has {expectedA.Count}, B {expectedB.Count})");
        }

        File.WriteAllText(researcher, versionB);
        Assert.Equal(0, await RunCli(site, output, killAfter: null));
        Assert.Equal(expectedB, Manifest(output));
    }

    private static SortedDictionary<string, string> BuildManifest(string site, string researcher, string text, string output)
    {
        File.WriteAllText(researcher, text);
        var result = SiteBuilder.Build(new BuildOptions { SiteDirectory = site, OutputDirectory = output });
        Assert.True(result.Succeeded, string.Join("\n", TestSite.Codes(result)));
        return Manifest(output);
    }

    private static SortedDictionary<string, string> Manifest(string folder) =>
        Directory.Exists(folder)
            ? new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
                f => Path.GetRelativePath(folder, f).Replace('\\', '/'),
                f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal)
            : new(StringComparer.Ordinal);

    /// <summary>Runs the CLI; with <paramref name="killAfter"/>, SIGKILLs it then (if still running). Returns the exit code.</summary>
    private static async Task<int> RunCli(string site, string output, TimeSpan? killAfter)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "BzPeer.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { cli, "build", site, "--out", output })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var drainOut = process.StandardOutput.ReadToEndAsync();
        var drainErr = process.StandardError.ReadToEndAsync();
        if (killAfter is { } delay)
        {
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(delay)) != exited)
            {
                // Process.Kill sends SIGKILL on Unix: no chance to clean up, as in a power cut of the process.
                process.Kill(entireProcessTree: false);
            }
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        await Task.WhenAll(drainOut, drainErr);
        return process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
