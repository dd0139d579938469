using System.Globalization;

namespace BzPeer.Bench.Running;

/// <summary>The machine a benchmark ran on, for the report.</summary>
internal sealed record MachineInfo(int Processors, string Memory, string Cpu, string Kernel, string Runtime)
{
    public static MachineInfo Detect() => new(
        Environment.ProcessorCount,
        ReadMemory(),
        ReadField("/proc/cpuinfo", "model name") ?? "unknown CPU",
        ReadFirstLine("/proc/sys/kernel/osrelease") ?? Environment.OSVersion.VersionString,
        ".NET " + Environment.Version);

    /// <summary>The 1-minute load average (first field of /proc/loadavg), or "n/a".</summary>
    public static string LoadAverage() => ReadFirstLine("/proc/loadavg")?.Split(' ')[0] ?? "n/a";

    private static string ReadMemory()
    {
        string? total = ReadField("/proc/meminfo", "MemTotal"); // "24580000 kB"
        if (total is not null && long.TryParse(total.Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out long kib))
        {
            return (kib / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " GiB";
        }
        return "unknown";
    }

    private static string? ReadField(string path, string name)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        foreach (string line in File.ReadLines(path))
        {
            int colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim() == name)
            {
                return line[(colon + 1)..].Trim();
            }
        }
        return null;
    }

    private static string? ReadFirstLine(string path) => File.Exists(path) ? File.ReadLines(path).FirstOrDefault()?.Trim() : null;
}
