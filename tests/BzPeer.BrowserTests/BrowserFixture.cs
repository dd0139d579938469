using Microsoft.Playwright;

namespace BzPeer.BrowserTests;

/// <summary>
/// One Chromium, one site host and one "other origin" host for every browser
/// test. Tests share them through the "browser" collection and run one after
/// another (the machine is small; one browser is plenty).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private TestSite? site;
    private DemoSite? demo;
    private string? thirdPartyRoot;

    internal IPlaywright Playwright { get; private set; } = null!;

    internal IBrowser Browser { get; private set; } = null!;

    internal StaticSiteHost SiteHost { get; private set; } = null!;

    /// <summary>A second origin that plays "somebody else's blog" embedding our widget.</summary>
    internal StaticSiteHost ThirdPartyHost { get; private set; } = null!;

    internal TestSite Site => site!;

    /// <summary>The demo site built by the real generator, served under <see cref="DemoSite.PathBase"/>.</summary>
    internal DemoSite Demo => demo!;

    internal StaticSiteHost DemoHost { get; private set; } = null!;

    /// <summary>Absolute URL of a demo site path such as "explore/".</summary>
    internal string DemoUrl(string path) => DemoHost.OriginText + DemoSite.PathBase + path;

    /// <summary>Absolute URL of a site path such as "explore/".</summary>
    internal string Url(string path) => SiteHost.OriginText + TestSite.PathBase + path;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing. Install Debian's Chromium (apt-get install -y chromium); scripts/test.sh does this.");
        }

        site = TestSite.Create();
        SiteHost = await StaticSiteHost.StartAsync(site.Root, TestSite.PathBase);
        demo = DemoSite.Build();
        DemoHost = await StaticSiteHost.StartAsync(demo.Root, DemoSite.PathBase);

        thirdPartyRoot = Path.Combine(Path.GetTempPath(), "bzpeer-host-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(thirdPartyRoot);
        await File.WriteAllTextAsync(Path.Combine(thirdPartyRoot, "index.html"), $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Someone else's blog</title><link rel="icon" href="data:,"></head>
            <body>
            <h1>A post that embeds a research graph</h1>
            <iframe src="{Url("embed/researchers/ada-lovelace/")}" width="640" height="420" title="Ada Lovelace's research graph"></iframe>
            </body>
            </html>
            """);
        await File.WriteAllTextAsync(Path.Combine(thirdPartyRoot, "demo.html"), $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Someone else's blog</title><link rel="icon" href="data:,"></head>
            <body>
            <h1>A post that embeds the demo site's graph</h1>
            <iframe src="{DemoUrl("embed/researchers/milad-hashemi/")}" width="640" height="420" title="Milad Hashemi's research graph"></iframe>
            </body>
            </html>
            """);
        ThirdPartyHost = await StaticSiteHost.StartAsync(thirdPartyRoot, "/");

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        Playwright?.Dispose();
        if (SiteHost is not null)
        {
            await SiteHost.DisposeAsync();
        }

        if (ThirdPartyHost is not null)
        {
            await ThirdPartyHost.DisposeAsync();
        }

        if (DemoHost is not null)
        {
            await DemoHost.DisposeAsync();
        }

        site?.Dispose();
        demo?.Dispose();
        if (thirdPartyRoot is not null)
        {
            Directory.Delete(thirdPartyRoot, recursive: true);
        }
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
}
