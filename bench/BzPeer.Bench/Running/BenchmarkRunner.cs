using BzPeer.Bench.Corpus;

namespace BzPeer.Bench.Running;

internal sealed record RunOptions(
    IReadOnlyList<CorpusSize> Sizes,
    int Runs,
    ulong Seed,
    string CacheDirectory,
    string? BzPeerCliPath,
    string ResultsPath,
    string? OutputRoot = null,
    int Warmups = 1);

/// <summary>One build of one site by one tool.</summary>
internal sealed record BuildRun(double WallSeconds, double CpuSeconds, long PeakRssKiB, int Pages, IReadOnlyList<KeyValuePair<string, double>> Timings,
    double? StealPercent = null);

/// <summary>
/// All timed builds by one tool on one corpus; <see cref="Problem"/> says why there are none (or fewer).
/// <see cref="Warmups"/> are the untimed builds before them, reported but in no median.
/// </summary>
internal sealed record ToolResult(string Tool, IReadOnlyList<BuildRun> Runs, string? Problem, IReadOnlyList<BuildRun>? Warmups = null);

internal sealed record SizeResult(CorpusSize Size, ToolResult BzPeer, ToolResult Hugo, string Incremental);

internal sealed record BenchResult(
    MachineInfo Machine, string HugoVersion, string CacheState, int RunsPerTool, ulong Seed, string LoadBefore, string LoadAfter, IReadOnlyList<SizeResult> Sizes,
    double? StealPercent = null, string? Output = null, int Warmups = 0);

/// <summary>
/// Generates (or reuses) the corpora, then builds each with BzPeer and Hugo, alternating the two
/// so that drift in machine load hits both, with the page cache dropped before every run when allowed.
/// </summary>
/// <remarks>
/// Each tool first makes <see cref="RunOptions.Warmups"/> builds that are reported but not timed into the medians.
/// The first build after the machine has been idle pays for memory the hypervisor took back meanwhile: the guest
/// reports free pages to the host (virtio free page reporting), and touching one again faulted at ~18 µs a page
/// after minutes idle against 3.5-4.8 µs just after a build (docs/performance.md, session 22). The timed series
/// starts after the wait for ext4's inode reuse delay, so without a warm-up its first build, always BzPeer's,
/// took that cost alone: the first BzPeer build was the slowest of its series in most large runs of sessions
/// 21-23 (up to 42.3 s against 28-29 s).
/// </remarks>
internal sealed class BenchmarkRunner(RunOptions options, TextWriter log)
{
    public BenchResult Run()
    {
        bool cold = PageCache.TryDrop(out string dropProblem);
        string cacheState = cold
            ? "cold (page cache dropped before every run)"
            : $"warm (could not drop the page cache: {dropProblem})";
        string loadBefore = MachineInfo.LoadAverage();
        var stealBefore = CpuSteal.Read();
        var sizes = new List<SizeResult>();
        string output;
        using (var folders = new OutputFolders(options.OutputRoot ?? Path.Combine(options.CacheDirectory, "out")))
        {
            output = $"{options.OutputRoot ?? Path.Combine(options.CacheDirectory, "out")} ({(folders.InMemory ? "in memory, each build deleted once measured" : "on disk, deleted after the last build")})";
            folders.WaitForEarlierDelete(log);
            foreach (var size in options.Sizes)
            {
                sizes.Add(RunSize(size, cold, folders));
            }

            log.WriteLine("Deleting the builds' output...");
        }
        return new BenchResult(MachineInfo.Detect(), HugoVersion(), cacheState, options.Runs, options.Seed, loadBefore, MachineInfo.LoadAverage(), sizes,
            CpuSteal.Percent(stealBefore, CpuSteal.Read()), output, options.Warmups);
    }

    private SizeResult RunSize(CorpusSize size, bool cold, OutputFolders folders)
    {
        var (bzpeerSite, hugoSite) = EnsureCorpus(size);
        var bzpeer = new BzPeerTool(options.BzPeerCliPath);
        var hugo = new HugoTool();
        var bzpeerRuns = new List<BuildRun>();
        var hugoRuns = new List<BuildRun>();
        var bzpeerWarmups = new List<BuildRun>();
        var hugoWarmups = new List<BuildRun>();
        string? bzpeerProblem = bzpeer.Unavailable;
        string? hugoProblem = null;

        // One build into a folder of its own; a tool that failed once is not run again.
        void Build(bool isBzPeer, List<BuildRun> into, string run, string label)
        {
            ref string? problem = ref isBzPeer ? ref bzpeerProblem : ref hugoProblem;
            if (problem is not null)
            {
                return;
            }

            IBuildTool tool = isBzPeer ? bzpeer : hugo;
            var folder = folders.For(size.Name, tool.Name, run);
            problem = Measure(tool, isBzPeer ? bzpeerSite : hugoSite, folder, into, label, size, cold);
            folders.Done(folder);
        }

        for (int warmup = 1; warmup <= options.Warmups; warmup++)
        {
            Build(isBzPeer: true, bzpeerWarmups, $"warmup-{warmup}", $"warm-up {warmup}/{options.Warmups} (not timed)");
            Build(isBzPeer: false, hugoWarmups, $"warmup-{warmup}", $"warm-up {warmup}/{options.Warmups} (not timed)");
        }

        for (int attempt = 1; attempt <= options.Runs; attempt++)
        {
            // Alternate who goes first, so a slow start or a noisy neighbour does not always hit the same tool.
            bool bzpeerFirst = attempt % 2 == 1;
            foreach (bool isBzPeer in (bool[])[bzpeerFirst, !bzpeerFirst])
            {
                Build(isBzPeer, isBzPeer ? bzpeerRuns : hugoRuns, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture), $"run {attempt}/{options.Runs}");
            }
        }

        string incremental = options.BzPeerCliPath is not null && bzpeerProblem is null
            ? IncrementalProbe.Measure(options.BzPeerCliPath, bzpeerSite)
            : "n/a (no BzPeer build)";
        return new SizeResult(size, new ToolResult("BzPeer", bzpeerRuns, bzpeerProblem, bzpeerWarmups), new ToolResult("Hugo", hugoRuns, hugoProblem, hugoWarmups),
            incremental);
    }

    /// <summary>One measured build; returns a problem description when the tool failed.</summary>
    private string? Measure(IBuildTool tool, string site, string output, List<BuildRun> runs, string label, CorpusSize size, bool cold)
    {
        if (cold)
        {
            PageCache.TryDrop(out _);
        }
        log.Write($"{size.Name}: {tool.Name} {label} ... ");
        var stealBefore = CpuSteal.Read();
        var (measurement, problem) = tool.Build(site, output);
        var steal = CpuSteal.Percent(stealBefore, CpuSteal.Read());
        if (problem is not null)
        {
            log.WriteLine("failed: " + problem);
            return problem;
        }
        int pages = Directory.Exists(output) ? Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories).Count() : 0;
        if (pages == 0)
        {
            string why = $"{tool.Name} exited with code {measurement!.ExitCode} but wrote no .html files";
            log.WriteLine("failed: " + why);
            return why;
        }
        var run = new BuildRun(measurement!.WallSeconds, measurement.CpuSeconds, measurement.PeakRssKiB, pages, BuildTimings.Parse(measurement.Output), steal);
        runs.Add(run);
        log.WriteLine($"{run.WallSeconds:F2} s wall, {run.CpuSeconds:F2} s CPU, {run.PeakRssKiB / 1024} MiB, {pages} pages" +
            (steal is { } stolen ? $", {stolen:F0}% of the CPU stolen" : ""));
        return null;
    }

    private (string BzPeerSite, string HugoSite) EnsureCorpus(CorpusSize size)
    {
        string root = Path.Combine(options.CacheDirectory, "corpora", size.Name);
        string bzpeerSite = Path.Combine(root, "bzpeer");
        string hugoSite = Path.Combine(root, "hugo");
        if (IsCurrent(bzpeerSite, size, "bzpeer") && IsCurrent(hugoSite, size, "hugo"))
        {
            // The layouts may have changed since the corpus was cached; they are cheap to refresh.
            HugoSiteWriter.RefreshTheme(hugoSite);
            log.WriteLine($"{size.Name}: using cached corpus in {root}");
        }
        else
        {
            log.WriteLine($"{size.Name}: generating corpus in {root}");
            var corpus = CorpusGenerator.Generate(size, options.Seed);
            BzPeerSiteWriter.Write(corpus, bzpeerSite);
            HugoSiteWriter.Write(corpus, hugoSite);
        }
        return (bzpeerSite, hugoSite);
    }

    private bool IsCurrent(string directory, CorpusSize size, string flavour)
    {
        string marker = Path.Combine(directory, CorpusOutput.MarkerFile);
        return File.Exists(marker) && File.ReadAllText(marker) == CorpusOutput.Describe(size, options.Seed, flavour);
    }

    private static string HugoVersion()
    {
        var measurement = ProcessText.Run("hugo", ["version"]);
        return measurement?.Trim() ?? "hugo not found";
    }
}
