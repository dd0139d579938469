using System.Globalization;

namespace BzPeer.Bench.Running;

/// <summary>
/// The machine's CPU time counters from the first line of /proc/stat: how much of its time the hypervisor gave to
/// other guests ("steal"). On a shared virtual machine this, not the load average, explains a run that took longer
/// with the same CPU time: the process was ready, and no CPU ran it.
/// </summary>
internal readonly record struct CpuSteal(long Total, long Steal)
{
    /// <summary>The counters now, or null where there is no /proc/stat (or it has no steal column).</summary>
    public static CpuSteal? Read() =>
        File.Exists("/proc/stat") ? Parse(File.ReadLines("/proc/stat").FirstOrDefault()) : null;

    /// <summary>Parses "cpu user nice system idle iowait irq softirq steal ..." (clock ticks, summed over CPUs).</summary>
    public static CpuSteal? Parse(string? line)
    {
        var fields = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields is null || fields.Length < 9 || fields[0] != "cpu")
        {
            return null;
        }

        long total = 0, steal = 0;
        // user..steal: guest time (fields 9 and 10) is already counted in user.
        for (var i = 1; i <= 8; i++)
        {
            if (!long.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out steal))
            {
                return null;
            }

            total += steal;
        }

        // The loop ends on field 8, the steal column.
        return new CpuSteal(total, steal);
    }

    /// <summary>Percentage of the machine's CPU time stolen between two readings; null if either is missing or no time passed.</summary>
    public static double? Percent(CpuSteal? before, CpuSteal? after) =>
        before is { } b && after is { } a && a.Total > b.Total ? 100.0 * (a.Steal - b.Steal) / (a.Total - b.Total) : null;
}
