using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BzPeer.BrowserTests.Accessibility;

/// <summary>
/// axe-core over every kind of page of the demo site (SPEC §4), in the light
/// and the dark colour scheme, once the page's graphs are drawn: no serious or
/// critical violation of WCAG 2.1 A/AA or of axe's best practices. Lesser
/// findings are written to the test output.
/// </summary>
[Collection("browser")]
public sealed class AxeTests(BrowserFixture fixture, ITestOutputHelper output)
{
    /// <summary>Page kind, demo site path, and what to do on the page before the check.</summary>
    private static readonly (string Kind, string Path, Func<IPage, Task>? Prepare)[] Pages =
    [
        ("home", "", null),
        ("home, search results open", "", OpenSearchResultsAsync),
        ("home, skip link focused", "", FocusSkipLinkAsync),
        ("home, phone width", "", NarrowAsync),
        ("researchers A-Z", "researchers/", null),
        ("profile, open to collaborate", "researchers/milad-hashemi/", null),
        ("profile, unclaimed", "researchers/kevin-swersky/", null),
        ("profile, abstracts and embed code open", "researchers/milad-hashemi/", OpenDetailsAsync),
        ("profile, phone width", "researchers/milad-hashemi/", NarrowAsync),
        ("trust breakdown", "researchers/milad-hashemi/trust/", null),
        ("publications by year", "publications/", null),
        ("publications, type filter on", "publications/", FilterPublicationsAsync),
        ("publication", "publications/parrot-icml-2020/", null),
        ("topics index", "topics/", null),
        ("topic", "topics/machine-learning/", null),
        ("institutions index", "institutions/", null),
        ("institution", "institutions/google-research/", null),
        ("claim", "claim/", null),
        ("explorer", "explore/", null),
        ("explorer, node focused", "explore/#node=r:milad-hashemi", FocusedNodeAsync),
        ("embed, researcher", "embed/researchers/milad-hashemi/", null),
        ("embed, topic", "embed/topics/machine-learning/", null),
        ("embed, institution", "embed/institutions/google-research/", null),
        ("not found", "404.html", null),
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in Pages)
        {
            data.Add(page.Kind, "light");
            data.Add(page.Kind, "dark");
        }

        return data;
    }

    /// <summary>
    /// A new kind of page (a route the list above does not reach) fails here
    /// rather than going unchecked. Pages are grouped by URL shape: the section
    /// names stay, ids become "*".
    /// </summary>
    [Fact]
    public void Every_page_kind_the_demo_site_builds_is_checked()
    {
        var built = Directory.EnumerateFiles(fixture.Demo.Root, "*.html", SearchOption.AllDirectories)
            .Select(f => Shape(Path.GetRelativePath(fixture.Demo.Root, f).Replace('\\', '/')))
            .ToHashSet(StringComparer.Ordinal);
        var checkedShapes = Pages.Select(p => Shape(p.Path)).ToHashSet(StringComparer.Ordinal);

        Assert.True(built.Count >= 15, $"only {built.Count} page kinds built: {string.Join(", ", built)}");
        Assert.Empty(built.Except(checkedShapes).Order(StringComparer.Ordinal));
    }

    private static string Shape(string path)
    {
        string[] sections = ["researchers", "publications", "topics", "institutions", "explore", "embed", "claim", "trust", "404.html"];
        var clean = path.Split('#')[0];
        if (clean.EndsWith("index.html", StringComparison.Ordinal))
        {
            clean = clean[..^"index.html".Length];
        }

        return string.Join('/', clean.Split('/').Select(s => s.Length == 0 || sections.Contains(s) ? s : "*"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Demo_page_has_no_serious_or_critical_axe_violations(string kind, string scheme)
    {
        var (_, path, prepare) = Pages.Single(p => p.Kind == kind);
        await using var guarded = await GuardedPage.OpenAsync(fixture);
        var page = guarded.Page;
        await page.EmulateMediaAsync(new PageEmulateMediaOptions
        {
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });
        await page.GotoAsync(fixture.DemoUrl(path));
        // Guards the emulation: without it both runs would check the same colours.
        Assert.Equal(scheme == "dark", await page.EvaluateAsync<bool>("() => matchMedia('(prefers-color-scheme: dark)').matches"));
        await WaitForGraphsAsync(page);
        if (prepare is not null)
        {
            await prepare(page);
        }

        var results = await AxeRunner.RunAsync(page);
        var blocking = AxeRunner.Blocking(results.Violations);
        var minor = results.Violations.Except(blocking).ToList();
        if (minor.Count > 0)
        {
            output.WriteLine($"{kind} ({scheme}): moderate or minor violations, not gated:\n" + AxeRunner.Describe(minor));
        }

        if (results.Incomplete.Length > 0)
        {
            output.WriteLine($"{kind} ({scheme}): needs review (axe could not decide), not gated:\n" + AxeRunner.Describe(results.Incomplete));
        }

        Assert.True(
            blocking.Count == 0,
            $"axe-core found {blocking.Count} serious or critical violation(s) on {kind} ({path}, {scheme} scheme):\n" + AxeRunner.Describe(blocking));
        // Injecting and running axe must not have tripped the page's CSP either.
        guarded.AssertNoProblems();
    }

    /// <summary>Every graph container on the page has drawn (none on pages without a graph).</summary>
    private static async Task WaitForGraphsAsync(IPage page)
    {
        var graphs = page.Locator(".bz-graph");
        var count = await graphs.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await Expect(graphs.Nth(i)).ToHaveAttributeAsync("data-graph-ready", "true", new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });
        }
    }

    private static async Task OpenSearchResultsAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Combobox).FillAsync("Mil");
        await Expect(page.Locator("#site-search-results [role='option']").First).ToBeVisibleAsync();
    }

    /// <summary>The small-screen layout (header, nav and cards reflow below 48rem and 40rem).</summary>
    private static async Task NarrowAsync(IPage page)
    {
        await page.SetViewportSizeAsync(360, 740);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 360"), "the page scrolls sideways at 360px");
    }

    private static async Task FocusSkipLinkAsync(IPage page)
    {
        // Off-screen until focused; axe checks only what is visible.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
    }

    /// <summary>Closed details hide their content from axe; open them all, as a reader clicking each would.</summary>
    private static async Task OpenDetailsAsync(IPage page)
    {
        var summaries = page.Locator("details:not([open]) > summary");
        Assert.True(await summaries.CountAsync() > 0, "no closed details on the page");
        while (await summaries.CountAsync() > 0)
        {
            await summaries.First.ClickAsync();
        }

        await Expect(page.Locator("textarea.embed-code")).ToBeVisibleAsync();
        // Back to the top, as loaded: clicking scrolled works under the sticky header, where axe cannot tell their background.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
    }

    private static async Task FilterPublicationsAsync(IPage page)
    {
        // The last type in the filter; CSS alone hides the other works.
        await page.Locator(".type-filter label").Last.ClickAsync();
        await Expect(page.Locator(".type-filter input").Last).ToBeCheckedAsync();
    }

    private static async Task FocusedNodeAsync(IPage page) =>
        await Expect(page.Locator(".bz-graph[data-graph-mode='explorer']")).ToHaveAttributeAsync("data-graph-selected", "r:milad-hashemi");
}
