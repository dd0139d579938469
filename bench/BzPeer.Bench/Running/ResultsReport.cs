using System.Globalization;
using System.Text;

namespace BzPeer.Bench.Running;

/// <summary>The benchmark result as Markdown: a summary table, then per-size detail.</summary>
internal static class ResultsReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(BenchResult result, string measuredAt)
    {
        var sb = new StringBuilder();
        var m = result.Machine;
        sb.Append("# BzPeer vs Hugo: benchmark results\n\n");
        sb.Append(Invariant, $"Measured {measuredAt} on {m.Processors} CPUs ({m.Cpu}), {m.Memory} RAM, Linux {m.Kernel}, {m.Runtime}; {result.HugoVersion}.\n");
        string warmups = result.Warmups > 0 ? $" after {result.Warmups} untimed warm-up build{(result.Warmups == 1 ? "" : "s")} per tool (reported below, in no median)" : "";
        sb.Append(Invariant, $"Runs per tool and size: {result.RunsPerTool}{warmups}, alternating the tools; page cache: {result.CacheState}. Corpus seed {result.Seed}.\n");
        if (result.Output is { } output)
        {
            sb.Append(Invariant, $"Build output: {output}.\n");
        }

        sb.Append(Invariant, $"Load average (1 min) when the runs started / ended: {result.LoadBefore} / {result.LoadAfter} (the machine has {m.Processors} CPUs; a higher load means other work competed for them).\n");
        sb.Append(Invariant, $"CPU time stolen by the hypervisor during the runs (/proc/stat): {Percent(result.StealPercent)} (other guests of a shared machine; a run slows down with it at the same CPU time).\n\n");

        sb.Append("| corpus | pages (BzPeer / Hugo) | BzPeer median s | Hugo median s | time BzPeer/Hugo | CPU s BzPeer / Hugo | CPU BzPeer/Hugo | BzPeer peak MiB | Hugo peak MiB | memory BzPeer/Hugo | BzPeer pages/s | Hugo pages/s | incremental edit |\n");
        sb.Append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var size in result.Sizes)
        {
            var b = Summarise(size.BzPeer);
            var h = Summarise(size.Hugo);
            sb.Append(Invariant, $"| {size.Size.Name} ({size.Size.Researchers:N0} / {size.Size.Publications:N0}) ");
            sb.Append(Invariant, $"| {Pages(b)} / {Pages(h)} | {Seconds(b)} | {Seconds(h)} | {Ratio(b?.Wall, h?.Wall)} ");
            sb.Append(Invariant, $"| {Cpu(b)} / {Cpu(h)} | {Ratio(b?.Cpu, h?.Cpu)} ");
            sb.Append(Invariant, $"| {Mib(b)} | {Mib(h)} | {Ratio(b?.RssKiB, h?.RssKiB)} | {Rate(b)} | {Rate(h)} | {size.Incremental} |\n");
        }

        foreach (var size in result.Sizes)
        {
            sb.Append(Invariant, $"\n## {size.Size.Name}: {size.Size.Researchers:N0} researchers, {size.Size.Publications:N0} publications\n\n");
            sb.Append("| tool | wall time per run (s) | CPU time per run (s) | peak RSS per run (MiB) | CPU stolen per run | pages | warm-up wall / CPU (s, not timed) |\n|---|---|---|---|---|---|---|\n");
            foreach (var tool in new[] { size.BzPeer, size.Hugo })
            {
                string walls = tool.Runs.Count == 0 ? "—" : string.Join(", ", tool.Runs.Select(r => r.WallSeconds.ToString("F2", Invariant)));
                string cpu = tool.Runs.Count == 0 ? "—" : string.Join(", ", tool.Runs.Select(r => r.CpuSeconds.ToString("F2", Invariant)));
                string rss = tool.Runs.Count == 0 ? "—" : string.Join(", ", tool.Runs.Select(r => (r.PeakRssKiB / 1024).ToString(Invariant)));
                string steal = tool.Runs.Count == 0 ? "—" : string.Join(", ", tool.Runs.Select(r => Percent(r.StealPercent)));
                string pages = tool.Runs.Count == 0 ? "—" : tool.Runs[^1].Pages.ToString("N0", Invariant);
                string warm = tool.Warmups is { Count: > 0 } w
                    ? string.Join(", ", w.Select(r => $"{r.WallSeconds.ToString("F2", Invariant)} / {r.CpuSeconds.ToString("F2", Invariant)}"))
                    : "—";
                sb.Append(Invariant, $"| {tool.Tool} | {walls} | {cpu} | {rss} | {steal} | {pages} | {warm} |\n");
            }
            foreach (var tool in new[] { size.BzPeer, size.Hugo })
            {
                if (tool.Problem is not null)
                {
                    sb.Append(Invariant, $"\n{tool.Tool}: {Cell(tool.Problem)}\n");
                }
            }
            sb.Append('\n').Append(StageTimings(size.BzPeer)).Append('\n');
            sb.Append(Invariant, $"Incremental rebuild after editing one publication: {size.Incremental}.\n");
        }
        return sb.ToString();
    }

    private static string Percent(double? value) => value is { } v ? v.ToString("F0", Invariant) + "%" : "n/a";

    private sealed record Summary(double Wall, double Cpu, double RssKiB, int Pages);

    private static Summary? Summarise(ToolResult tool) => tool.Runs.Count == 0
        ? null
        : new Summary(Median(tool.Runs.Select(r => r.WallSeconds)), Median(tool.Runs.Select(r => r.CpuSeconds)), Median(tool.Runs.Select(r => (double)r.PeakRssKiB)), tool.Runs[^1].Pages);

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("No values.", nameof(values));
        }
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Median milliseconds per stage over the runs, in the order the build printed them.</summary>
    private static string StageTimings(ToolResult tool)
    {
        var stages = tool.Runs.SelectMany(r => r.Timings).Select(t => t.Key).Distinct().ToList();
        if (stages.Count == 0)
        {
            return "BzPeer stage timings: n/a (the build printed no `timing <stage> <ms>` lines).\n";
        }
        var parts = stages.Select(stage =>
        {
            double median = Median(tool.Runs.SelectMany(r => r.Timings).Where(t => t.Key == stage).Select(t => t.Value));
            return $"{stage} {median.ToString("F1", Invariant)}";
        });
        return "BzPeer stage timings (median ms): " + string.Join(" · ", parts) + "\n";
    }

    private static string Pages(Summary? s) => s is null ? "—" : s.Pages.ToString("N0", Invariant);

    private static string Seconds(Summary? s) => s is null ? "n/a" : s.Wall.ToString("F2", Invariant);

    private static string Cpu(Summary? s) => s is null ? "n/a" : s.Cpu.ToString("F1", Invariant);

    private static string Mib(Summary? s) => s is null ? "n/a" : (s.RssKiB / 1024).ToString("F0", Invariant);

    private static string Rate(Summary? s) => s is null || s.Wall <= 0 ? "n/a" : (s.Pages / s.Wall).ToString("N0", Invariant);

    private static string Ratio(double? numerator, double? denominator) =>
        numerator is null || denominator is null or 0 ? "n/a" : (numerator.Value / denominator.Value).ToString("F2", Invariant);

    private static string Cell(string text) => text.Replace('|', '/').Replace('\n', ' ');
}
