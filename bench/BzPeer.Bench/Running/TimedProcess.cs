using System.Diagnostics;
using System.Globalization;

namespace BzPeer.Bench.Running;

/// <summary>What one measured process did.</summary>
internal sealed record ProcessMeasurement(int ExitCode, double WallSeconds, double CpuSeconds, long PeakRssKiB, string Output);

/// <summary>
/// Runs a command under GNU time (<c>/usr/bin/time -f '%e %M %U %S'</c>, Debian package <c>time</c>), which reports
/// the wall time, peak resident set and CPU time (user + system) of the measured process itself, whatever runtime
/// it uses. CPU time is the steadier figure when other work competes for the machine.
/// </summary>
internal static class TimedProcess
{
    public const string GnuTime = "/usr/bin/time";

    public static bool IsAvailable => File.Exists(GnuTime);

    public static ProcessMeasurement Run(string fileName, IReadOnlyList<string> arguments, string workingDirectory)
    {
        string report = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo(GnuTime)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string a in (string[])["-f", "%e %M %U %S", "-o", report, "--", fileName, .. arguments])
            {
                start.ArgumentList.Add(a);
            }
            // Keep the tools' own telemetry and first-run chatter out of the timing.
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {GnuTime}");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            string output = stdout.Result + stderr.Result;
            var (wall, rss, cpu) = ParseReport(File.ReadAllText(report));
            return new ProcessMeasurement(process.ExitCode, wall, cpu, rss, output);
        }
        finally
        {
            File.Delete(report);
        }
    }

    /// <summary>GNU time's report; the last line holds '%e %M %U %S' (earlier lines note a non-zero exit status).</summary>
    internal static (double WallSeconds, long PeakRssKiB, double CpuSeconds) ParseReport(string report)
    {
        string[] lines = report.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string[] parts = lines.Length == 0 ? [] : lines[^1].Split(' ');
        if (parts.Length == 4
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double wall)
            && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out long rss)
            && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double user)
            && double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out double system))
        {
            return (wall, rss, user + system);
        }
        throw new FormatException($"unexpected report from {GnuTime}: {report}");
    }
}
