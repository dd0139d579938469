using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace BzPeer.BrowserTests;

/// <summary>
/// A fresh browser context and page that records everything a graph page must
/// never do: console errors, uncaught exceptions, Content-Security-Policy
/// violations (reported from every frame by an init script), requests to any
/// origin but the test hosts (aborted), and failed responses.
/// </summary>
internal sealed class GuardedPage : IAsyncDisposable
{
    // Runs before any page script, in every frame, whatever the page's CSP says
    // (Playwright injects it through the DevTools protocol).
    private const string CspReporter = """
        document.addEventListener('securitypolicyviolation', function (e) {
          window.__bzReportCsp(e.documentURI + ' violates ' + e.violatedDirective + ' (blocked: ' + e.blockedURI + ')');
        }, true);
        """;

    private readonly ConcurrentQueue<string> problems = new();
    private readonly string[] allowedOrigins;

    private GuardedPage(IBrowserContext context, string[] allowedOrigins)
    {
        Context = context;
        this.allowedOrigins = allowedOrigins;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; private set; } = null!;

    /// <summary>Everything that went wrong so far, one line each.</summary>
    public IReadOnlyCollection<string> Problems => problems.ToArray();

    public static Task<GuardedPage> OpenAsync(BrowserFixture fixture, bool reducedMotion = false) =>
        OpenAsync(fixture.Browser, [fixture.SiteHost.OriginText, fixture.ThirdPartyHost.OriginText, fixture.DemoHost.OriginText], reducedMotion);

    /// <summary>A guarded page that allows requests to the given origins only (for sites served by their own hosts).</summary>
    public static async Task<GuardedPage> OpenAsync(IBrowser browser, string[] allowedOrigins, bool reducedMotion = false)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
            ReducedMotion = reducedMotion ? ReducedMotion.Reduce : ReducedMotion.NoPreference,
        });
        var guarded = new GuardedPage(context, allowedOrigins);
        await guarded.InstallAsync();
        return guarded;
    }

    private async Task InstallAsync()
    {
        await Context.ExposeBindingAsync("__bzReportCsp", (BindingSource _, string violation) => problems.Enqueue("CSP: " + violation));
        await Context.AddInitScriptAsync(CspReporter);
        await Context.RouteAsync("**/*", async route =>
        {
            if (IsAllowed(route.Request.Url))
            {
                await route.ContinueAsync();
            }
            else
            {
                problems.Enqueue("request outside the test origins: " + route.Request.Url);
                await route.AbortAsync();
            }
        });

        Page = await Context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Enqueue($"console error: {message.Text} ({message.Location})");
            }
        };
        Page.PageError += (_, error) => problems.Enqueue("uncaught: " + error);
        Page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Enqueue($"HTTP {response.Status}: {response.Url}");
            }
        };
    }

    private bool IsAllowed(string url) =>
        url.StartsWith("data:", StringComparison.Ordinal) ||
        allowedOrigins.Any(origin => url.StartsWith(origin + "/", StringComparison.Ordinal));

    /// <summary>Fails the test with every recorded problem.</summary>
    public void AssertNoProblems() => Assert.True(problems.IsEmpty, "Problems on the page:\n" + string.Join("\n", problems));

    /// <summary>Saves a PNG under artifacts/screenshots/ (kept by CI as a test artefact).</summary>
    public async Task ScreenshotAsync(string name, ILocator? element = null)
    {
        Directory.CreateDirectory(RepoPaths.Screenshots);
        var path = Path.Combine(RepoPaths.Screenshots, name + ".png");
        if (element is null)
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        }
        else
        {
            await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        }
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}

/// <summary>Shared waits for graph containers.</summary>
internal static class GraphWaits
{
    public const string Ready = ".bz-graph[data-graph-ready='true']";

    public static Task WaitReadyAsync(IPage page, float timeout = 30_000) =>
        page.Locator(Ready).First.WaitForAsync(new LocatorWaitForOptions { Timeout = timeout });

    public static Task WaitReadyAsync(IFrameLocator frame, float timeout = 30_000) =>
        frame.Locator(Ready).First.WaitForAsync(new LocatorWaitForOptions { Timeout = timeout });

    /// <summary>
    /// Waits until the page has navigated to url. A navigation started from a
    /// keydown can commit while the key press is still being sent: a waiter that
    /// listens for navigation events (WaitForURLAsync) may then subscribe just
    /// after the event and wait forever. This polls the page's URL in the
    /// browser driver instead, so it sees a navigation however early it came.
    /// </summary>
    public static Task WaitForPageAsync(IPage page, string url) =>
        Assertions.Expect(page).ToHaveURLAsync(url, new PageAssertionsToHaveURLOptions { Timeout = 30_000 });
}
