using Microsoft.Playwright;

namespace BzPeer.BrowserTests.Accessibility;

/// <summary>
/// The checker itself: on small pages with known faults it reports them, with
/// the offending nodes, and checks colours in the emulated colour scheme. A
/// runner that silently found nothing would make <see cref="AxeTests"/> pass.
/// </summary>
[Collection("browser")]
public sealed class AxeRunnerTests(BrowserFixture fixture)
{
    // Light: dark grey on white (fine). Dark: the same grey on near-black (about 1.6:1).
    private const string Faulty = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Faulty page</title>
        <style>
          body { background: #fff; color: #333; }
          @media (prefers-color-scheme: dark) { body { background: #111; } }
        </style></head>
        <body><main>
          <h1>Faulty page</h1>
          <p id="scheme-text">Readable in light, not in dark.</p>
          {0}
        </main></body>
        </html>
        """;

    private async Task<AxeResults> CheckAsync(string body, ColorScheme scheme)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ColorScheme = scheme });
        try
        {
            var page = await context.NewPageAsync();
            await page.SetContentAsync(Faulty.Replace("{0}", body, StringComparison.Ordinal));
            return await AxeRunner.RunAsync(page);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task Reports_serious_and_critical_faults_with_their_nodes()
    {
        var results = await CheckAsync(
            """<img id="no-alt" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input id="no-label" type="text">""",
            ColorScheme.Light);

        var blocking = AxeRunner.Blocking(results.Violations);
        var ids = blocking.Select(v => v.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["image-alt", "label"], ids);
        var text = AxeRunner.Describe(blocking);
        Assert.Contains("image-alt (critical): Images must have alternative text", text, StringComparison.Ordinal);
        Assert.Contains("#no-alt", text, StringComparison.Ordinal);
        Assert.Contains("#no-label", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checks_contrast_in_the_emulated_colour_scheme()
    {
        var light = await CheckAsync("", ColorScheme.Light);
        var dark = await CheckAsync("", ColorScheme.Dark);

        Assert.Empty(AxeRunner.Blocking(light.Violations));
        var contrast = Assert.Single(AxeRunner.Blocking(dark.Violations));
        Assert.Equal("color-contrast", contrast.Id);
        Assert.Equal("serious", contrast.Impact);
        Assert.Contains(contrast.Nodes, n => n.Target == "#scheme-text");
    }
}
