using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BzPeer.BrowserTests;

/// <summary>
/// The graph widgets on a 10,000-publication site that bzpeer built from the
/// bench's medium corpus: the pages, JSON and sizes a large real site has,
/// none of it hand-made. Expected counts come from the built JSON files.
/// </summary>
[Collection("browser")]
public sealed class GeneratedSiteTests(BrowserFixture browser, GeneratedSite site, ITestOutputHelper output)
    : IClassFixture<GeneratedSite>
{
    /// <summary>
    /// The first of the given node ids whose dot is the topmost element at
    /// its own centre, so a real click lands on it (150 nodes can overlap).
    /// </summary>
    private const string FirstClickableNode = """
        ids => {
          for (const id of ids) {
            const node = document.querySelector('.bz-graph [data-node-id="' + CSS.escape(id) + '"]');
            const dot = node && node.querySelector('.bz-graph__dot');
            if (!dot) continue;
            const r = dot.getBoundingClientRect();
            const x = r.left + r.width / 2, y = r.top + r.height / 2;
            if (r.width < 2 || x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
            const hit = document.elementFromPoint(x, y);
            if (hit && hit.closest('.bz-graph__node') === node) return id;
          }
          return null;
        }
        """;

    private Task<GuardedPage> OpenAsync(bool reducedMotion = false) =>
        GuardedPage.OpenAsync(browser.Browser, site.Origins, reducedMotion);

    [Fact]
    public async Task Generated_site_graph_holds_every_entity_and_its_sizes_are_recorded()
    {
        var graph = site.Graph;
        var nodesByKind = graph.Nodes.CountBy(n => n.Kind).ToDictionary(StringComparer.Ordinal);
        Assert.Equal(2_000, nodesByKind["researcher"]);
        Assert.Equal(10_000, nodesByKind["publication"]);
        Assert.Equal(200, nodesByKind["topic"]);
        Assert.Equal(100, nodesByKind["institution"]);

        var graphDirectory = Path.Combine(site.Root, "graph");
        var slices = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var (folder, kind) in new[] { ("researchers", "researcher"), ("publications", "publication"), ("topics", "topic"), ("institutions", "institution") })
        {
            slices[folder] = Directory.EnumerateFiles(Path.Combine(graphDirectory, folder), "*.json").Select(f => new FileInfo(f).Length).Order().ToArray();
            // One slice per entity page.
            Assert.Equal(nodesByKind[kind], slices[folder].Length);
        }

        var graphJson = await File.ReadAllBytesAsync(Path.Combine(graphDirectory, "graph.json"));
        var all = slices.Values.SelectMany(s => s).Order().ToArray();
        var report = new StringBuilder();
        report.AppendLine(Invariant($"generated site: medium corpus (seed 1), {graph.Nodes.Count} nodes, {graph.Edges.Count} edges"));
        report.AppendLine("  nodes by kind: " + string.Join(", ", nodesByKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => Invariant($"{k.Key} {k.Value}"))));
        report.AppendLine("  edges by kind: " + string.Join(", ", graph.Edges.CountBy(e => e.Kind).OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => Invariant($"{k.Key} {k.Value}"))));
        report.AppendLine(Invariant($"  graph.json: {graphJson.Length} bytes ({GzipLength(graphJson)} bytes gzipped)"));
        report.AppendLine(Invariant($"  slices: {all.Length} files, median {Median(all)} bytes, largest {all[^1]} bytes"));
        foreach (var (folder, sizes) in slices.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            report.AppendLine(Invariant($"    {folder}: {sizes.Length} files, median {Median(sizes)} bytes, largest {sizes[^1]} bytes"));
        }

        report.AppendLine(Invariant($"  fixture: corpus written in {site.CorpusTime.TotalSeconds:F1} s, site built in {site.BuildTime.TotalSeconds:F1} s, ready (with hosts) in {site.FixtureTime.TotalSeconds:F1} s"));
        report.AppendLine("  build stages: " + site.BuildStages);
        report.AppendLine(Invariant($"  most productive researcher: {site.Researcher.Id} ({site.Researcher.Label})"));
        await WriteReportAsync("graph-metrics.txt", report.ToString());
    }

    [Fact]
    public async Task Profile_panel_of_the_most_productive_researcher_draws_its_slice_and_opens_a_node()
    {
        var slice = GraphFile.Read(Path.Combine(site.Root, site.ResearcherSlicePath));
        await using var guarded = await OpenAsync();
        var page = guarded.Page;
        await page.GotoAsync(site.Url(site.Researcher.Url));
        await GraphWaits.WaitReadyAsync(page);

        var container = page.Locator(".bz-graph[data-graph-mode='panel']");
        await Expect(container).ToHaveAttributeAsync("data-graph-nodes", Count(slice.Nodes.Count));
        await Expect(container.Locator(".bz-graph__node")).ToHaveCountAsync(slice.Nodes.Count);
        await Expect(container.Locator(".bz-graph__node.is-center")).ToHaveAttributeAsync("data-node-id", site.Researcher.Id);
        await container.ScrollIntoViewIfNeededAsync();
        await guarded.ScreenshotAsync("generated-profile-panel", container);
        output.WriteLine(Invariant($"panel {site.Researcher.Id}: {slice.Nodes.Count} nodes, ready at {await ReadyMarkAsync(page):F0} ms"));

        var target = await ClickableNodeAsync(page, slice, site.Researcher.Id);
        await container.Locator($"[data-node-id='{target.Id}'] .bz-graph__dot").ClickAsync();
        await GraphWaits.WaitForPageAsync(page, site.Url(target.Url));
        guarded.AssertNoProblems();
    }

    [Fact]
    public async Task Explorer_draws_every_node_of_the_generated_graph_and_reports_its_time_to_ready()
    {
        await using var guarded = await OpenAsync();
        var page = guarded.Page;
        // Main-thread busy time from Chromium's own counters: less distorted
        // than wall time on a shared machine.
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Performance.enable");
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(site.Url("explore/"), new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await GraphWaits.WaitReadyAsync(page, 60_000);
        clock.Stop();

        var container = page.Locator(".bz-graph[data-graph-mode='explorer']");
        var nodes = site.Graph.Nodes.Count;
        await Expect(container).ToHaveAttributeAsync("data-graph-nodes", Count(nodes));
        // The first view fits the whole layout: every node is on the canvas.
        await Expect(container).ToHaveAttributeAsync("data-graph-drawn-nodes", Count(nodes));
        await Expect(container.Locator("canvas[role='img']")).ToHaveAttributeAsync("aria-label", new Regex(Invariant($"\\b{nodes} nodes")));

        var ready = await ReadyMarkAsync(page);
        var phases = await page.EvaluateAsync<string>(
            "['bz-graph-fetched','bz-graph-parsed','bz-graph-drawn','bz-graph-ready'].map(n => n.slice(9) + ' ' + performance.getEntriesByName(n)[0].startTime.toFixed(0)).join(', ')");
        var metrics = (await cdp.SendAsync("Performance.getMetrics"))!.Value.GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble(), StringComparer.Ordinal);
        var report = Invariant(
            $"generated-site explorer, {nodes} nodes / {site.Graph.Edges.Count} edges: navigation start to data-graph-ready {ready:F0} ms (performance marks: {phases}); main thread busy {metrics["TaskDuration"] * 1000:F0} ms, of which script {metrics["ScriptDuration"] * 1000:F0} ms; test wall clock {clock.ElapsedMilliseconds} ms; first frame drawn in {await container.GetAttributeAsync("data-graph-frame-ms")} ms");
        await WriteReportAsync("generated-explorer-timing.txt", report + "\n");
        await guarded.ScreenshotAsync("generated-explorer", container);
        guarded.AssertNoProblems();
    }

    [Fact]
    public async Task Explorer_search_focuses_the_researcher_and_lists_its_neighbours()
    {
        var researcher = site.Researcher;
        var expected = site.Graph.NeighbourIds(researcher.Id);
        // Reduced motion: focusing jumps instead of animating.
        await using var guarded = await OpenAsync(reducedMotion: true);
        var page = guarded.Page;
        await page.GotoAsync(site.Url("explore/"));
        await GraphWaits.WaitReadyAsync(page, 60_000);

        var container = page.Locator(".bz-graph[data-graph-mode='explorer']");
        await page.GetByLabel("Find a person, work or topic").FillAsync(researcher.Label);
        await page.Locator($".bz-graph__result-button[data-node-id='{researcher.Id}']").ClickAsync();

        await Expect(container).ToHaveAttributeAsync("data-graph-selected", researcher.Id);
        Assert.EndsWith("/explore/#node=" + researcher.Id, page.Url, StringComparison.Ordinal);
        var side = page.Locator(".bz-graph__side");
        await Expect(side.Locator(".bz-graph__side-title")).ToHaveTextAsync(researcher.Label);
        await Expect(side.GetByRole(AriaRole.Link, new() { Name = "Open page" })).ToHaveAttributeAsync("href", site.Url(researcher.Url));
        await Expect(side.Locator(".bz-graph__side-heading")).ToHaveTextAsync(Invariant($"Connections ({expected.Count})"));
        // The side list shows the first 200 neighbours and says how many more there are.
        var listed = await side.Locator(".bz-graph__neighbour").EvaluateAllAsync<string[]>("items => items.map(i => i.getAttribute('data-node-id'))");
        Assert.Equal(Math.Min(expected.Count, 200), listed.Length);
        Assert.All(listed, id => Assert.Contains(id, expected));
        Assert.Equal(listed.Length, listed.Distinct(StringComparer.Ordinal).Count());
        await guarded.ScreenshotAsync("generated-explorer-focused", container);

        // The fragment is the state: a reload restores the focus.
        await page.ReloadAsync();
        await GraphWaits.WaitReadyAsync(page, 60_000);
        await Expect(container).ToHaveAttributeAsync("data-graph-selected", researcher.Id);
        await Expect(side.Locator(".bz-graph__side-title")).ToHaveTextAsync(researcher.Label);
        guarded.AssertNoProblems();
    }

    [Fact]
    public async Task Embed_in_another_origins_iframe_draws_the_slice_and_opens_a_node_in_the_top_window()
    {
        var slice = GraphFile.Read(Path.Combine(site.Root, site.ResearcherSlicePath));
        Assert.NotEqual(site.SiteHost.OriginText, site.ThirdPartyHost.OriginText);
        await using var guarded = await OpenAsync();
        var page = guarded.Page;
        await page.GotoAsync(site.ThirdPartyHost.OriginText + "/");

        var frameLocator = page.FrameLocator("iframe");
        await GraphWaits.WaitReadyAsync(frameLocator);
        var container = frameLocator.Locator(".bz-graph[data-graph-mode='embed']");
        await Expect(container).ToHaveAttributeAsync("data-graph-nodes", Count(slice.Nodes.Count));
        await Expect(container.Locator(".bz-graph__node.is-center")).ToHaveAttributeAsync("data-node-id", site.Researcher.Id);
        await guarded.ScreenshotAsync("generated-embed-in-iframe");

        var frame = await (await page.Locator("iframe").ElementHandleAsync()).ContentFrameAsync()
            ?? throw new InvalidOperationException("the iframe has no frame");
        var target = await ClickableNodeAsync(frame, slice, site.Researcher.Id);
        await container.Locator($"[data-node-id='{target.Id}'] .bz-graph__dot").ClickAsync();
        // Links in an embed open in the top window, leaving the blog for the site.
        await GraphWaits.WaitForPageAsync(page, site.Url(target.Url));
        guarded.AssertNoProblems();
    }

    /// <summary>
    /// A node of the slice with a page, not the centre, that a click can reach:
    /// co-authors first, then publications, topics, institutions (ids in order).
    /// </summary>
    private static Task<GraphFile.Node> ClickableNodeAsync(IFrame frame, GraphFile slice, string centre) =>
        ClickableNodeAsync(frame.EvaluateAsync<string?>, slice, centre);

    private static Task<GraphFile.Node> ClickableNodeAsync(IPage page, GraphFile slice, string centre) =>
        ClickableNodeAsync(page.EvaluateAsync<string?>, slice, centre);

    private static async Task<GraphFile.Node> ClickableNodeAsync(Func<string, object?, Task<string?>> evaluate, GraphFile slice, string centre)
    {
        string[] kinds = ["researcher", "publication", "topic", "institution"];
        var candidates = slice.Nodes
            .Where(n => n.Url.Length > 0 && kinds.Contains(n.Kind) && n.Id != centre)
            .OrderBy(n => Array.IndexOf(kinds, n.Kind))
            .ThenBy(n => n.Id, StringComparer.Ordinal)
            .ToArray();
        var id = await evaluate(FirstClickableNode, candidates.Select(n => n.Id).ToArray())
            ?? throw new InvalidOperationException("No node of the slice can be clicked: every dot is covered.");
        return candidates.Single(n => n.Id == id);
    }

    private static Task<double> ReadyMarkAsync(IPage page) =>
        page.EvaluateAsync<double>("performance.getEntriesByName('bz-graph-ready')[0].startTime");

    private async Task WriteReportAsync(string fileName, string report)
    {
        output.WriteLine(report);
        Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "artifacts"));
        await File.WriteAllTextAsync(Path.Combine(RepoPaths.Root, "artifacts", fileName), report);
    }

    private static long Median(long[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;

    private static long GzipLength(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return buffer.Length;
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
