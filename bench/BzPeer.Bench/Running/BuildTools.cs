using System.Diagnostics;

namespace BzPeer.Bench.Running;

/// <summary>A static site generator the runner can time.</summary>
internal interface IBuildTool
{
    string Name { get; }

    /// <summary>Builds <paramref name="site"/> into <paramref name="output"/>; a problem text when it failed.</summary>
    (ProcessMeasurement? Measurement, string? Problem) Build(string site, string output);
}

/// <summary><c>bzpeer build SITE --out DIR --timings</c> (see <see cref="BzPeerCli"/>).</summary>
internal sealed class BzPeerTool(string? cli) : IBuildTool
{
    private bool _timingsFlagRejected;

    public string Name => "BzPeer";

    public string? Unavailable => cli is null
        ? "no BzPeer CLI given (--bzpeer)"
        : File.Exists(cli) ? null : $"{cli} not found; run: scripts/publish-cli.sh";

    public (ProcessMeasurement? Measurement, string? Problem) Build(string site, string output)
    {
        var measurement = Run(site, output, withTimings: !_timingsFlagRejected);
        if (measurement.ExitCode == BenchCommands.UsageError && !_timingsFlagRejected)
        {
            // An older build that does not know --timings: measure without stage timings.
            _timingsFlagRejected = true;
            measurement = Run(site, output, withTimings: false);
        }
        return measurement.ExitCode == 0
            ? (measurement, null)
            : (measurement, $"bzpeer build exited with code {measurement.ExitCode}: {Tail(measurement.Output)}");
    }

    private ProcessMeasurement Run(string site, string output, bool withTimings)
    {
        var (fileName, arguments) = withTimings
            ? BzPeerCli.Command(cli!, "build", site, "--out", output, "--timings")
            : BzPeerCli.Command(cli!, "build", site, "--out", output);
        return TimedProcess.Run(fileName, arguments, site);
    }

    internal static string Tail(string output)
    {
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" / ", lines.TakeLast(3));
    }
}

/// <summary><c>hugo --source DIR --destination OUT --quiet</c>.</summary>
internal sealed class HugoTool : IBuildTool
{
    public string Name => "Hugo";

    public (ProcessMeasurement? Measurement, string? Problem) Build(string site, string output)
    {
        var measurement = TimedProcess.Run("hugo", ["--source", site, "--destination", output, "--quiet"], site);
        return measurement.ExitCode == 0
            ? (measurement, null)
            : (measurement, $"hugo exited with code {measurement.ExitCode}: {BzPeerTool.Tail(measurement.Output)}");
    }
}

/// <summary>Runs a short command and returns its standard output, or null when it cannot be started.</summary>
internal static class ProcessText
{
    public static string? Run(string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }
            var stderr = process.StandardError.ReadToEndAsync();
            string text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            _ = stderr.Result;
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
