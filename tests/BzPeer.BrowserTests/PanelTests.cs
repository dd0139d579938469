using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BzPeer.BrowserTests;

/// <summary>The profile page's "See the researcher in context" panel (SVG).</summary>
[Collection("browser")]
public sealed class PanelTests(BrowserFixture fixture)
{
    private const string ProfilePath = "researchers/ada-lovelace/";

    private static int SliceNodeCount()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "site", "graph", "researchers", "ada-lovelace.json")));
        return json.RootElement.GetProperty("nodes").GetArrayLength();
    }

    [Fact]
    public async Task Panel_draws_every_slice_node_and_reports_ready()
    {
        await using var guarded = await GuardedPage.OpenAsync(fixture);
        var page = guarded.Page;
        await page.GotoAsync(fixture.Url(ProfilePath));
        await GraphWaits.WaitReadyAsync(page);

        var container = page.Locator(".bz-graph");
        var expected = SliceNodeCount();
        await Expect(container).ToHaveAttributeAsync("data-graph-nodes", expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(container.Locator(".bz-graph__node")).ToHaveCountAsync(expected);
        await Expect(container.Locator(".bz-graph__edge")).ToHaveCountAsync(15);
        await Expect(container.Locator(".bz-graph__node.is-center")).ToHaveAttributeAsync("data-node-id", "r:ada-lovelace");
        // Labels are untrusted text: markup in them stays text.
        await Expect(container.Locator("[data-node-id='p:analytical-engine-notes'] .bz-graph__label")).ToHaveTextAsync("Notes on the <Analytical> Engine");
        Assert.Equal(0, await container.Locator("analytical").CountAsync());
        await guarded.ScreenshotAsync("panel", container);
        guarded.AssertNoProblems();
    }

    [Fact]
    public async Task Clicking_a_node_opens_its_page_under_the_base_path()
    {
        await using var guarded = await GuardedPage.OpenAsync(fixture);
        var page = guarded.Page;
        await page.GotoAsync(fixture.Url(ProfilePath));
        await GraphWaits.WaitReadyAsync(page);

        await page.Locator("[data-node-id='p:difference-engine'] .bz-graph__dot").ClickAsync();
        await GraphWaits.WaitForPageAsync(page, fixture.Url("publications/difference-engine/"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("difference-engine");
        guarded.AssertNoProblems();
    }

    [Fact]
    public async Task External_authors_are_drawn_but_are_not_links()
    {
        await using var guarded = await GuardedPage.OpenAsync(fixture);
        var page = guarded.Page;
        await page.GotoAsync(fixture.Url(ProfilePath));
        await GraphWaits.WaitReadyAsync(page);

        var external = page.Locator("[data-node-id='x:luigi-menabrea']");
        await Expect(external).Not.ToHaveAttributeAsync("tabindex", "0");
        await Expect(external).Not.ToHaveAttributeAsync("role", "link");
        await external.Locator(".bz-graph__dot").ClickAsync();
        await page.WaitForTimeoutAsync(300);
        Assert.Equal(fixture.Url(ProfilePath), page.Url);
        guarded.AssertNoProblems();
    }

    [Theory]
    [InlineData("i:zz-other-host")]
    [InlineData("i:zz-script-url")]
    public async Task Node_urls_that_leave_the_site_are_not_links(string id)
    {
        await using var guarded = await GuardedPage.OpenAsync(fixture);
        var page = guarded.Page;
        await page.GotoAsync(fixture.Url(ProfilePath));
        await GraphWaits.WaitReadyAsync(page);

        var node = page.Locator($"[data-node-id='{id}']");
        await Expect(node).ToHaveAttributeAsync("role", "img");
        await Expect(node).Not.ToHaveAttributeAsync("data-href", new System.Text.RegularExpressions.Regex("."));
        await node.Locator(".bz-graph__dot").ClickAsync();
        await page.WaitForTimeoutAsync(300);
        Assert.Equal(fixture.Url(ProfilePath), page.Url);
        guarded.AssertNoProblems();
    }

    [Fact]
    public async Task Keyboard_reaches_the_centre_first_arrows_move_and_Enter_opens_a_node()
    {
        await using var guarded = await GuardedPage.OpenAsync(fixture, reducedMotion: true);
        var page = guarded.Page;
        await page.GotoAsync(fixture.Url(ProfilePath));
        await GraphWaits.WaitReadyAsync(page);

        await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator(".bz-graph__node:focus");
        await Expect(focused).ToHaveAttributeAsync("data-node-id", "r:ada-lovelace");
        await Expect(focused).ToHaveAttributeAsync("role", "link");
        await Expect(focused).ToHaveAttributeAsync("aria-label", "Ada Lovelace (researcher, 6 connections)");
        // The focused node's label shows without a pointer.
        await Expect(focused.Locator(".bz-graph__label")).ToHaveCSSAsync("opacity", "1");

        // One tab stop for the whole graph: Tab leaves it, Shift+Tab comes back
        // to the same node, the arrow keys walk the nodes in reading order.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Zoom in" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(focused).ToHaveAttributeAsync("data-node-id", "r:ada-lovelace");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(focused).ToHaveAttributeAsync("data-node-id", "r:charles-babbage");
        await page.Keyboard.PressAsync("End");
        await Expect(focused).ToHaveAttributeAsync("data-node-id", "i:university-of-london");
        await page.Keyboard.PressAsync("Home");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(focused).ToHaveAttributeAsync("data-node-id", "r:charles-babbage");
        await page.Keyboard.PressAsync("Enter");
        await GraphWaits.WaitForPageAsync(page, fixture.Url("researchers/charles-babbage/"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("charles-babbage");
        guarded.AssertNoProblems();
    }

    [Fact]
    public async Task Zoom_buttons_change_the_view_transform()
    {
        await using var guarded = await GuardedPage.OpenAsync(fixture, reducedMotion: true);
        var page = guarded.Page;
        await page.GotoAsync(fixture.Url(ProfilePath));
        await GraphWaits.WaitReadyAsync(page);

        var viewport = page.Locator(".bz-graph__viewport");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoom in" }).ClickAsync();
        await Expect(viewport).ToHaveAttributeAsync("transform", new System.Text.RegularExpressions.Regex(@"scale\(1\.5\)"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset view" }).ClickAsync();
        await Expect(viewport).ToHaveAttributeAsync("transform", new System.Text.RegularExpressions.Regex(@"scale\(1\)"));
        guarded.AssertNoProblems();
    }
    [Theory]
    [InlineData(ColorScheme.Light, "rgb(26, 95, 180)")]
    [InlineData(ColorScheme.Dark, "rgb(120, 174, 237)")]
    public async Task Node_colours_follow_the_colour_scheme(ColorScheme scheme, string researcherFill)
    {
        await using var guarded = await GuardedPage.OpenAsync(fixture);
        var page = guarded.Page;
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = scheme });
        await page.GotoAsync(fixture.Url(ProfilePath));
        await GraphWaits.WaitReadyAsync(page);

        await Expect(page.Locator("[data-node-id='r:charles-babbage'] .bz-graph__dot")).ToHaveCSSAsync("fill", researcherFill);
        await guarded.ScreenshotAsync("panel-" + scheme.ToString().ToLowerInvariant(), page.Locator(".bz-graph"));
        guarded.AssertNoProblems();
    }
}
