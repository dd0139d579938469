using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BzPeer.BrowserTests;

/// <summary>
/// The same widgets on the demo site's real pages, as `bzpeer build` renders
/// them from the repository's site.yml and content/.
/// </summary>
[Collection("browser")]
public sealed class DemoSiteTests(BrowserFixture fixture)
{
    private const string ProfilePath = "researchers/milad-hashemi/";

    private int NodeCount(string jsonPath)
    {
        using var json = JsonDocument.Parse(fixture.Demo.ReadText(jsonPath));
        return json.RootElement.GetProperty("nodes").GetArrayLength();
    }

    private string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Profile_panel_draws_the_slice_and_opens_a_coauthor()
    {
        await using var guarded = await GuardedPage.OpenAsync(fixture);
        var page = guarded.Page;
        await page.GotoAsync(fixture.DemoUrl(ProfilePath));
        await GraphWaits.WaitReadyAsync(page);

        var container = page.Locator(".bz-graph[data-graph-mode='panel']");
        await Expect(container).ToHaveAttributeAsync("data-graph-nodes", Count(NodeCount("graph/researchers/milad-hashemi.json")));
        await Expect(container.Locator(".bz-graph__node.is-center")).ToHaveAttributeAsync("data-node-id", "r:milad-hashemi");
        // The template's "loading" placeholder is gone once the graph is drawn.
        await Expect(container.Locator(".graph-loading")).ToHaveCountAsync(0);
        await guarded.ScreenshotAsync("demo-profile-panel", container);

        await container.Locator("[data-node-id='r:kevin-swersky'] .bz-graph__dot").ClickAsync();
        await GraphWaits.WaitForPageAsync(page, fixture.DemoUrl("researchers/kevin-swersky/"));
        guarded.AssertNoProblems();
    }

    [Fact]
    public async Task Profile_panel_nodes_open_with_the_keyboard()
    {
        await using var guarded = await GuardedPage.OpenAsync(fixture);
        var page = guarded.Page;
        await page.GotoAsync(fixture.DemoUrl(ProfilePath));
        await GraphWaits.WaitReadyAsync(page);

        var centre = page.Locator(".bz-graph__node.is-center");
        await centre.FocusAsync();
        await Expect(centre).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await GraphWaits.WaitForPageAsync(page, fixture.DemoUrl(ProfilePath));
        guarded.AssertNoProblems();
    }

    [Fact]
    public async Task Explorer_draws_the_whole_graph_and_keeps_the_focus_in_the_fragment()
    {
        await using var guarded = await GuardedPage.OpenAsync(fixture, reducedMotion: true);
        var page = guarded.Page;
        await page.GotoAsync(fixture.DemoUrl("explore/"));
        await GraphWaits.WaitReadyAsync(page);

        var container = page.Locator(".bz-graph[data-graph-mode='explorer']");
        await Expect(container).ToHaveAttributeAsync("data-graph-nodes", Count(NodeCount("graph/graph.json")));
        await guarded.ScreenshotAsync("demo-explorer", container);

        await page.GetByLabel("Find a person, work or topic").FillAsync("Milad");
        await page.Locator(".bz-graph__result-button[data-node-id='r:milad-hashemi']").ClickAsync();
        await Expect(container).ToHaveAttributeAsync("data-graph-selected", "r:milad-hashemi");
        Assert.EndsWith("/explore/#node=r:milad-hashemi", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator(".bz-graph__neighbour-link").First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^" + fixture.DemoUrl("")));

        await page.ReloadAsync();
        await GraphWaits.WaitReadyAsync(page);
        await Expect(container).ToHaveAttributeAsync("data-graph-selected", "r:milad-hashemi");
        await Expect(page.Locator(".bz-graph__side-title")).ToHaveTextAsync("Milad Hashemi");
        await guarded.ScreenshotAsync("demo-explorer-focused", container);
        guarded.AssertNoProblems();
    }

    [Fact]
    public async Task Embed_page_works_in_an_iframe_on_another_origin()
    {
        await using var guarded = await GuardedPage.OpenAsync(fixture);
        var page = guarded.Page;
        await page.GotoAsync(fixture.ThirdPartyHost.OriginText + "/demo.html");

        var frame = page.FrameLocator("iframe");
        await GraphWaits.WaitReadyAsync(frame);
        await Expect(frame.Locator(".bz-graph")).ToHaveAttributeAsync("data-graph-nodes", Count(NodeCount("graph/researchers/milad-hashemi.json")));
        await guarded.ScreenshotAsync("demo-embed-in-iframe");

        await frame.Locator("[data-node-id='r:kevin-swersky'] .bz-graph__dot").ClickAsync();
        await GraphWaits.WaitForPageAsync(page, fixture.DemoUrl("researchers/kevin-swersky/"));
        guarded.AssertNoProblems();
    }
}
