using System.CommandLine;
using System.Globalization;

namespace BzPeer.Cli.Commands;

internal static class BuildCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var site = SiteArguments.Site();
        var output = new Option<string?>("--out", "-o") { Description = "Output folder. Default: SITE/_site." };
        var baseUrl = new Option<string?>("--base-url") { Description = "Absolute URL the site is served from; overrides site.yml's base_url." };
        var timings = new Option<bool>("--timings") { Description = "Print how long each build stage took ('timing <stage> <ms>'), the CPU time, memory and GC pauses it used ('cpu <stage> <ms> ms, allocated <MiB> MiB, gc pause <ms> ms, full collections <n>') and the memory after it." };
        var command = new Command("build", "Build the site into static files.") { site, output, baseUrl, timings };
        command.SetAction(parse =>
        {
            var options = new BuildOptions
            {
                SiteDirectory = parse.GetValue(site)!,
                OutputDirectory = parse.GetValue(output),
                BaseUrl = parse.GetValue(baseUrl),
            };
            BuildResult result;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using (BatchGc.Enter())
            using (var progress = StageProgress.ForTerminal(stderr))
            {
                result = SiteBuilder.Build(options with { OnStageStarted = progress is null ? null : progress.StageStarted });
            }

            DiagnosticPrinter.Print(result, stderr);
            if (parse.GetValue(timings))
            {
                foreach (var (stage, time) in result.Timings)
                {
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"timing {stage} {time.TotalMilliseconds:0.0}"));
                }

                foreach (var (stage, cpu, allocated, paused, fullCollections) in result.Cpu)
                {
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"cpu {stage} {cpu.TotalMilliseconds:0.0} ms, allocated {allocated >> 20} MiB, gc pause {paused.TotalMilliseconds:0} ms, full collections {fullCollections}"));
                }

                foreach (var (stage, heap, resident) in result.Memory)
                {
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory {stage} heap {heap >> 20} MiB, resident {resident >> 20} MiB"));
                }

                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"gc pause {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms, allocated {GC.GetTotalAllocatedBytes() >> 20} MiB, collections gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)}"));
                // What the resident figure holds besides live objects: the heap after the last full collection, the
                // free space inside it, and what the GC has committed from the system.
                var full = GC.GetGCMemoryInfo(GCKind.FullBlocking);
                var last = GC.GetGCMemoryInfo(GCKind.Any);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"gc last full: heap {full.HeapSizeBytes >> 20} MiB, fragmented {full.FragmentedBytes >> 20} MiB; last: heap {last.HeapSizeBytes >> 20} MiB, fragmented {last.FragmentedBytes >> 20} MiB, committed {last.TotalCommittedBytes >> 20} MiB"));
            }

            if (!result.Succeeded || !result.Written)
            {
                stderr.WriteLine("Build failed; the previous output was left as it was.");
                return CliApp.ContentErrors;
            }

            var total = clock.Elapsed;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Built {result.PageCount} pages ({result.FileCount} files) in {total.TotalSeconds:0.00} s → {Path.GetFullPath(options.OutputDirectory ?? Path.Combine(options.SiteDirectory, SiteBuilder.DefaultOutputFolder))}"));
            return CliApp.Ok;
        });
        return command;
    }
}
