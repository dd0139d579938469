using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BzPeer.BrowserTests.Accessibility;

/// <summary>
/// axe-core over every page of tests/fixtures/hostile: markup-laden names,
/// titles and abstracts must not break the pages' accessibility either (a name
/// that renders empty, a link without text, an id clash). Light scheme only;
/// the colours are the theme's, already checked in both schemes by <see cref="AxeTests"/>.
/// </summary>
[Collection("browser")]
public sealed class HostileSiteAxeTests(BrowserFixture fixture)
{
    private const string PathBase = "/hostile-axe/";

    [Fact]
    public async Task Every_hostile_site_page_has_no_serious_or_critical_axe_violations()
    {
        using var site = Hardening.HostileSite.Build(PathBase);
        await using var host = await StaticSiteHost.StartAsync(site.Root, PathBase);
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ColorScheme = ColorScheme.Light });
        try
        {
            var page = await context.NewPageAsync();
            var failures = new List<string>();
            foreach (var relative in site.Pages)
            {
                await page.GotoAsync(host.OriginText + PathBase + relative);
                var graphs = page.Locator(".bz-graph");
                for (var i = await graphs.CountAsync() - 1; i >= 0; i--)
                {
                    await Expect(graphs.Nth(i)).ToHaveAttributeAsync("data-graph-ready", "true", new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });
                }

                var blocking = AxeRunner.Blocking((await AxeRunner.RunAsync(page)).Violations);
                if (blocking.Count > 0)
                {
                    failures.Add(relative + ":\n" + AxeRunner.Describe(blocking));
                }
            }

            Assert.True(failures.Count == 0, $"serious or critical axe-core violations on {failures.Count} of {site.Pages.Count} pages:\n" + string.Join("\n", failures));
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
