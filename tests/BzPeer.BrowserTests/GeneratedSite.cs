using System.Diagnostics;
using System.Globalization;
using BzPeer.Bench.Corpus;

namespace BzPeer.BrowserTests;

/// <summary>
/// The bench's medium corpus (2,000 researchers, 10,000 publications, seed 1:
/// the same bytes every run) written to a temp folder, built by the real
/// generator under <see cref="PathBase"/>, and served with a second origin
/// whose page iframes the embed of the most productive researcher.
/// A class fixture, so only the generated-site tests pay for the build.
/// </summary>
public sealed class GeneratedSite : IAsyncLifetime
{
    public const string PathBase = "/generated/";

    private const ulong Seed = 1;

    private string folder = null!;

    /// <summary>The built site (what `bzpeer build` writes).</summary>
    internal string Root => Path.Combine(folder, "site");

    internal StaticSiteHost SiteHost { get; private set; } = null!;

    /// <summary>Another origin: a blog post that iframes <see cref="EmbedPath"/>.</summary>
    internal StaticSiteHost ThirdPartyHost { get; private set; } = null!;

    /// <summary>The whole graph as written to /graph/graph.json.</summary>
    internal GraphFile Graph { get; private set; } = null!;

    /// <summary>The researcher with most publications (ties: first id), picked from graph.json.</summary>
    internal GraphFile.Node Researcher { get; private set; } = null!;

    /// <summary>Site path of <see cref="Researcher"/>'s slice, e.g. "graph/researchers/jane-doe.json".</summary>
    internal string ResearcherSlicePath => "graph/researchers/" + EntityId(Researcher) + ".json";

    internal string EmbedPath => "embed/researchers/" + EntityId(Researcher) + "/";

    internal TimeSpan CorpusTime { get; private set; }

    internal TimeSpan BuildTime { get; private set; }

    internal TimeSpan FixtureTime { get; private set; }

    /// <summary>The build's own stage timings, e.g. "config 0.0 s, load 3.1 s, …".</summary>
    internal string BuildStages { get; private set; } = "";

    /// <summary>Origins a guarded page may reach: the site and the third-party blog.</summary>
    internal string[] Origins => [SiteHost.OriginText, ThirdPartyHost.OriginText];

    /// <summary>Absolute URL of a site path such as "explore/".</summary>
    internal string Url(string path) => SiteHost.OriginText + PathBase + path;

    internal string ReadText(string path) => File.ReadAllText(Path.Combine(Root, path));

    public async Task InitializeAsync()
    {
        var total = Stopwatch.StartNew();
        folder = Path.Combine(Path.GetTempPath(), "bzpeer-generated-" + Guid.NewGuid().ToString("N"));
        var source = Path.Combine(folder, "source");

        var clock = Stopwatch.StartNew();
        BzPeerSiteWriter.Write(CorpusGenerator.Generate(CorpusSize.Medium, Seed), source);
        CorpusTime = clock.Elapsed;

        clock.Restart();
        var result = SiteBuilder.Build(new BuildOptions
        {
            SiteDirectory = source,
            OutputDirectory = Root,
            BaseUrl = "https://bench.example.test" + PathBase,
        });
        BuildTime = clock.Elapsed;
        if (!result.Succeeded || !result.Written)
        {
            var messages = string.Join("\n", result.Diagnostics.Sorted().Take(20).Select(d => d.ToString()));
            throw new InvalidOperationException("The generated medium corpus did not build:\n" + messages);
        }

        BuildStages = string.Join(", ", result.Timings.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Stage} {t.Time.TotalSeconds:F1} s")));
        Graph = GraphFile.Read(Path.Combine(Root, "graph", "graph.json"));
        Researcher = MostProductiveResearcher(Graph);
        SiteHost = await StaticSiteHost.StartAsync(Root, PathBase);

        var blog = Path.Combine(folder, "blog");
        Directory.CreateDirectory(blog);
        await File.WriteAllTextAsync(Path.Combine(blog, "index.html"), $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Someone else's blog</title><link rel="icon" href="data:,"></head>
            <body>
            <h1>A post that embeds a research graph</h1>
            <iframe src="{Url(EmbedPath)}" width="640" height="420" title="A research graph"></iframe>
            </body>
            </html>
            """);
        ThirdPartyHost = await StaticSiteHost.StartAsync(blog, "/");
        FixtureTime = total.Elapsed;
    }

    public async Task DisposeAsync()
    {
        if (SiteHost is not null)
        {
            await SiteHost.DisposeAsync();
        }

        if (ThirdPartyHost is not null)
        {
            await ThirdPartyHost.DisposeAsync();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; a failing dispose would hide the real result.
        }
    }

    /// <summary>"r:jane-doe" → "jane-doe".</summary>
    private static string EntityId(GraphFile.Node node) => node.Id[(node.Id.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private static GraphFile.Node MostProductiveResearcher(GraphFile graph)
    {
        var works = new Dictionary<int, int>();
        foreach (var edge in graph.Edges.Where(e => e.Kind == "authored"))
        {
            foreach (var end in new[] { edge.Source, edge.Target })
            {
                if (graph.Nodes[end].Kind == "researcher")
                {
                    works[end] = works.GetValueOrDefault(end) + 1;
                }
            }
        }

        var best = works
            .OrderByDescending(w => w.Value)
            .ThenBy(w => graph.Nodes[w.Key].Id, StringComparer.Ordinal)
            .First();
        return graph.Nodes[best.Key];
    }
}
