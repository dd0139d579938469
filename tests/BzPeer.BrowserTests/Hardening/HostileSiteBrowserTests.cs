using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace BzPeer.BrowserTests.Hardening;

/// <summary>
/// Builds tests/fixtures/hostile (payloads call bzpPwned(...)) and visits every page in Chromium with the
/// page's own CSP enforced. An init script defines bzpPwned to record a call; the test fails if any payload
/// ran, or if the live DOM holds an on* attribute or a javascript:/data:/vbscript: href or src.
/// </summary>
[Collection("browser")]
public sealed class HostileSiteBrowserTests
{
    private const string PathBase = "/hostile/";

    private const string Trap = """
        window.__pwned = [];
        window.bzpPwned = function (m) { window.__pwned.push(String(m)); console.log('BZP-PWNED ' + m); };
        """;

    private const string DomScan = """
        () => {
          const bad = [];
          const dangerous = v => /^(javascript|data|vbscript):/i.test((v || '').replace(/[\u0000-\u0020]/g, ''));
          for (const el of document.querySelectorAll('*')) {
            for (const a of el.attributes) {
              if (/^on/i.test(a.name)) bad.push(el.tagName + ' ' + a.name);
              if (['href', 'src', 'action', 'formaction', 'srcdoc', 'data', 'poster'].includes(a.name.toLowerCase()) && dangerous(a.value))
                bad.push(el.tagName + ' ' + a.name + '=' + a.value);
            }
          }
          return bad;
        }
        """;

    private readonly BrowserFixture fixture;

    public HostileSiteBrowserTests(BrowserFixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task No_payload_runs_on_any_page_and_no_dangerous_markup_reaches_the_DOM()
    {
        using var site = HostileSite.Build(PathBase);
        await using var host = await StaticSiteHost.StartAsync(site.Root, PathBase);
        var context = await fixture.Browser.NewContextAsync();
        try
        {
            var console = new ConcurrentQueue<string>();
            await context.AddInitScriptAsync(Trap);
            var page = await context.NewPageAsync();
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("BZP-PWNED", StringComparison.Ordinal))
                {
                    console.Enqueue(page.Url + ": " + message.Text);
                }
            };
            var problems = new List<string>();
            foreach (var relative in site.Pages)
            {
                await page.GotoAsync(host.OriginText + PathBase + relative, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                // Hover and focus everything once so handler-style payloads would fire if present.
                await page.EvaluateAsync("() => document.querySelectorAll('*').forEach(e => { e.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })); })");
                var pwned = await page.EvaluateAsync<string[]>("() => window.__pwned");
                problems.AddRange(pwned.Select(p => $"{relative}: payload ran: {p}"));
                var bad = await page.EvaluateAsync<string[]>(DomScan);
                problems.AddRange(bad.Select(b => $"{relative}: {b}"));
            }

            problems.AddRange(console);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
