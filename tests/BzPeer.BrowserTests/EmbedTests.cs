using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BzPeer.BrowserTests;

/// <summary>The /embed/… widget page, alone and inside another origin's iframe.</summary>
[Collection("browser")]
public sealed class EmbedTests(BrowserFixture fixture)
{
    private const string EmbedPath = "embed/researchers/ada-lovelace/";

    [Fact]
    public async Task Embed_page_fills_the_viewport_and_links_back_to_the_site()
    {
        await using var guarded = await GuardedPage.OpenAsync(fixture);
        var page = guarded.Page;
        await page.GotoAsync(fixture.Url(EmbedPath));
        await GraphWaits.WaitReadyAsync(page);

        var container = page.Locator(".bz-graph");
        await Expect(container).ToHaveAttributeAsync("data-graph-nodes", "12");
        var box = await container.BoundingBoxAsync() ?? throw new InvalidOperationException("no box");
        Assert.Equal(1280, box.Width, 0);
        Assert.Equal(860, box.Height, 0);

        var open = page.Locator(".bz-graph__open");
        await Expect(open).ToHaveTextAsync("Open in Fixture site");
        await Expect(open).ToHaveAttributeAsync("href", fixture.Url("researchers/ada-lovelace/"));
        await Expect(open).ToHaveAttributeAsync("target", "_top");
        await guarded.ScreenshotAsync("embed");
        guarded.AssertNoProblems();
    }

    [Fact]
    public async Task Embed_works_in_an_iframe_on_another_origin_and_opens_pages_in_the_top_window()
    {
        await using var guarded = await GuardedPage.OpenAsync(fixture);
        var page = guarded.Page;
        var host = fixture.ThirdPartyHost.OriginText + "/";
        Assert.NotEqual(fixture.SiteHost.OriginText, fixture.ThirdPartyHost.OriginText);
        await page.GotoAsync(host);

        var frame = page.FrameLocator("iframe");
        await GraphWaits.WaitReadyAsync(frame);
        await Expect(frame.Locator(".bz-graph")).ToHaveAttributeAsync("data-graph-nodes", "12");
        await guarded.ScreenshotAsync("embed-in-iframe");

        await frame.Locator("[data-node-id='r:charles-babbage'] .bz-graph__dot").ClickAsync();
        await GraphWaits.WaitForPageAsync(page, fixture.Url("researchers/charles-babbage/"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("charles-babbage");
        guarded.AssertNoProblems();
    }
}
