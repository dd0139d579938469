using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using BzPeer.Bench.Corpus;
using BzPeer.Bench.Running;

namespace BzPeer.Bench;

/// <summary>The bench tool's commands: <c>generate</c> a corpus, <c>run</c> the comparison, <c>serve-latency</c> alone.</summary>
internal static class BenchCommands
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    public static RootCommand Create()
    {
        var root = new RootCommand("BzPeer benchmark: synthetic corpora and a timed comparison with Hugo.");
        root.Subcommands.Add(CreateGenerate());
        root.Subcommands.Add(CreateRun());
        root.Subcommands.Add(CreateServeLatency());
        return root;
    }

    private static Command CreateServeLatency()
    {
        var site = new Option<string>("--site") { Description = "A generated corpus (bench generate).", Required = true };
        var bzpeer = new Option<string>("--bzpeer") { Description = "The built BzPeer CLI.", DefaultValueFactory = _ => "generator/BzPeer.Cli/bin/Release/net10.0/BzPeer.Cli.dll" };
        var command = new Command("serve-latency", "Edit one publication under bzpeer serve and time until its page shows the edit (median of 3), with the server's memory.")
        {
            site, bzpeer,
        };
        command.SetAction(parse =>
        {
            string result = IncrementalProbe.Measure(Path.GetFullPath(parse.GetValue(bzpeer)!), Path.GetFullPath(parse.GetValue(site)!));
            Console.Out.WriteLine("edit-to-visible: " + result);
            return result.StartsWith("n/a", StringComparison.Ordinal) ? Failed : Ok;
        });
        return command;
    }

    private static Command CreateGenerate()
    {
        var size = new Option<string>("--size") { Description = "small (200/1,000), medium (2,000/10,000), large (10,000/50,000), or N researchers with 5N publications.", Required = true };
        var output = new Option<string>("--out") { Description = "Folder for the BzPeer site (created; replaced if it holds an earlier corpus).", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Random seed; the same seed gives byte-identical output.", DefaultValueFactory = _ => 1 };
        var hugo = new Option<string?>("--hugo") { Description = "Also write the equivalent Hugo site to this folder." };
        var command = new Command("generate", "Write a deterministic synthetic corpus as a BzPeer site (and optionally a Hugo site).") { size, output, seed, hugo };
        command.SetAction(parse =>
        {
            string sizeText = parse.GetValue(size)!;
            if (!CorpusSize.TryParse(sizeText, out var corpusSize))
            {
                Console.Error.WriteLine($"error: unknown size '{sizeText}'; use small, medium, large or a number of researchers.");
                return UsageError;
            }
            return Generate(corpusSize, parse.GetValue(seed), parse.GetValue(output)!, parse.GetValue(hugo));
        });
        return command;
    }

    private static Command CreateRun()
    {
        var sizes = new Argument<string[]>("sizes") { Description = "small, medium, large, all, or N; default: small medium.", Arity = ArgumentArity.ZeroOrMore };
        var runs = new Option<int>("--runs") { Description = "Builds per tool and size (at least 3 for a median worth reporting).", DefaultValueFactory = _ => 3 };
        var seed = new Option<ulong>("--seed") { Description = "Corpus seed.", DefaultValueFactory = _ => 1 };
        var cache = new Option<string>("--cache")
        {
            Description = "Folder for generated corpora and build output (outside the repository).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BZPEER_BENCH_CACHE") is { Length: > 0 } dir ? dir : "/tmp/bzpeer-bench",
        };
        var bzpeer = new Option<string>("--bzpeer") { Description = "The built BzPeer CLI.", DefaultValueFactory = _ => "generator/BzPeer.Cli/bin/Release/net10.0/BzPeer.Cli.dll" };
        var hugoOnly = new Option<bool>("--hugo-only") { Description = "Time Hugo alone (BzPeer reported as n/a)." };
        var warmup = new Option<int>("--warmup")
        {
            Description = "Untimed builds per tool and size before the timed ones (the first build after the machine idles pays for memory the host took back).",
            DefaultValueFactory = _ => 1,
        };
        var results = new Option<string>("--results") { Description = "Where to write the Markdown results.", DefaultValueFactory = _ => "artifacts/bench/results.md" };
        var outputRoot = new Option<string?>("--output-root")
        {
            Description = "Folder for the builds' output (default CACHE/out). On tmpfs (e.g. /dev/shm/bzpeer-bench-out) the tools are timed without the disk, and each build is deleted once measured.",
        };
        var command = new Command("run", "Build each corpus with BzPeer and Hugo, alternately, and report times, memory and pages per second.")
        {
            sizes, runs, seed, cache, bzpeer, hugoOnly, results, outputRoot, warmup,
        };
        command.SetAction(parse =>
        {
            var chosen = new List<CorpusSize>();
            string[] requested = parse.GetValue(sizes) is { Length: > 0 } given ? given : ["small", "medium"];
            foreach (string text in requested)
            {
                if (text == "all")
                {
                    chosen.AddRange([CorpusSize.Small, CorpusSize.Medium, CorpusSize.Large]);
                }
                else if (CorpusSize.TryParse(text, out var size))
                {
                    chosen.Add(size);
                }
                else
                {
                    Console.Error.WriteLine($"error: unknown size '{text}'; use small, medium, large, all or a number of researchers.");
                    return UsageError;
                }
            }
            if (parse.GetValue(runs) < 1)
            {
                Console.Error.WriteLine("error: --runs must be at least 1.");
                return UsageError;
            }
            if (parse.GetValue(warmup) < 0)
            {
                Console.Error.WriteLine("error: --warmup must be 0 or more.");
                return UsageError;
            }
            if (!TimedProcess.IsAvailable)
            {
                Console.Error.WriteLine($"error: {TimedProcess.GnuTime} is missing; install it with: apt-get install -y time");
                return UsageError;
            }
            var options = new RunOptions(
                chosen.DistinctBy(s => s.Name).ToList(),
                parse.GetValue(runs),
                parse.GetValue(seed),
                Path.GetFullPath(parse.GetValue(cache)!),
                parse.GetValue(hugoOnly) ? null : Path.GetFullPath(parse.GetValue(bzpeer)!),
                Path.GetFullPath(parse.GetValue(results)!),
                parse.GetValue(outputRoot) is { Length: > 0 } root ? Path.GetFullPath(root) : null,
                parse.GetValue(warmup));
            BenchResult result;
            try
            {
                result = new BenchmarkRunner(options, Console.Error).Run();
            }
            catch (CorpusOutputException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return UsageError;
            }
            string markdown = ResultsReport.Render(result, DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(Path.GetDirectoryName(options.ResultsPath)!);
            File.WriteAllText(options.ResultsPath, markdown);
            Console.Out.Write(markdown);
            bool hugoFailed = result.Sizes.Any(s => s.Hugo.Problem is not null);
            return hugoFailed ? Failed : Ok;
        });
        return command;
    }

    internal static int Generate(CorpusSize size, ulong seed, string output, string? hugo)
    {
        var clock = Stopwatch.StartNew();
        var corpus = CorpusGenerator.Generate(size, seed);
        double modelSeconds = clock.Elapsed.TotalSeconds;
        try
        {
            BzPeerSiteWriter.Write(corpus, output);
            if (hugo is not null)
            {
                HugoSiteWriter.Write(corpus, hugo);
            }
        }
        catch (CorpusOutputException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return UsageError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: could not write the corpus: {e.Message}");
            return Failed;
        }
        Console.WriteLine($"generated {size.Name}: {corpus.Researchers.Count} researchers, {corpus.Publications.Count} publications, {corpus.Topics.Count} topics, {corpus.Institutions.Count} institutions in {clock.Elapsed.TotalSeconds:F1} s (model {modelSeconds:F1} s, files {clock.Elapsed.TotalSeconds - modelSeconds:F1} s)");
        return Ok;
    }
}
