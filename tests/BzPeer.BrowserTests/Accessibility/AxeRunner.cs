using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace BzPeer.BrowserTests.Accessibility;

/// <summary>
/// Runs axe-core (pinned in tools/axe/package-lock.json; scripts/test.sh runs
/// <c>npm ci</c> there) on the page as it is in the browser right now.
/// </summary>
internal static class AxeRunner
{
    /// <summary>WCAG 2.0 and 2.1, levels A and AA, plus axe's best practices (gated the same way: serious or critical fails).</summary>
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

    private static readonly Lazy<string> Source = new(Load);

    // Only violations and "needs review" results come back over the wire:
    // "passes" and "inapplicable" are thousands of nodes on the explorer.
    // Targets are CSS selectors; a nested array is a path through iframes or
    // shadow roots.
    private const string RunScript = """
        async (tags) => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: tags },
            resultTypes: ['violations', 'incomplete'],
          });
          const target = t => Array.isArray(t) ? t.join(' >>> ') : String(t);
          const brief = list => list.map(v => ({
            id: v.id,
            impact: v.impact || 'none',
            help: v.help,
            helpUrl: v.helpUrl,
            nodes: v.nodes.map(n => ({
              target: n.target.map(target).join(' , '),
              summary: (n.failureSummary || '').replace(/\s+/g, ' ').trim(),
            })),
          }));
          return JSON.stringify({ violations: brief(result.violations), incomplete: brief(result.incomplete) });
        }
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Where <c>npm ci</c> in tools/axe puts the script.</summary>
    public static string ScriptPath =>
        Path.Combine(RepoPaths.Root, "tools", "axe", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Injects axe-core (once per document) and runs it over the whole document.</summary>
    public static async Task<AxeResults> RunAsync(IPage page)
    {
        // Injected with Page.EvaluateAsync, which goes through the DevTools
        // protocol and is not subject to the page's Content-Security-Policy.
        // A <script> tag (AddScriptTagAsync) would be blocked by the pages'
        // "script-src 'self'" unless the context bypassed CSP, and a bypassed
        // CSP would change what the page itself may do; this way the page runs
        // exactly as a visitor's browser runs it. axe-core itself needs no eval.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source.Value);
        }

        var json = await page.EvaluateAsync<string>(RunScript, Tags);
        return JsonSerializer.Deserialize<AxeResults>(json, Json)
            ?? throw new InvalidOperationException("axe.run returned nothing.");
    }

    /// <summary>The violations a page must not have: impact serious or critical.</summary>
    public static IReadOnlyList<AxeViolation> Blocking(IEnumerable<AxeViolation> violations) =>
        violations.Where(v => v.Impact is "serious" or "critical").ToList();

    /// <summary>One block per violation: rule id, impact, help text and link, then every offending node.</summary>
    public static string Describe(IEnumerable<AxeViolation> violations)
    {
        var text = new StringBuilder();
        foreach (var v in violations)
        {
            text.Append(v.Id).Append(" (").Append(v.Impact).Append("): ").Append(v.Help).Append(" <").Append(v.HelpUrl).Append(">\n");
            foreach (var node in v.Nodes)
            {
                text.Append("    ").Append(node.Target).Append('\n');
                if (node.Summary.Length > 0)
                {
                    text.Append("      ").Append(node.Summary).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    private static string Load()
    {
        // A missing script fails every accessibility test with this message: a
        // skipped check would look like a passing one in CI.
        if (!File.Exists(ScriptPath))
        {
            throw new InvalidOperationException(
                $"axe-core is missing ({ScriptPath}). Run `npm ci` in tools/axe (scripts/test.sh does this).");
        }

        return File.ReadAllText(ScriptPath);
    }
}

/// <param name="Violations">Rules that failed.</param>
/// <param name="Incomplete">Rules axe could not decide ("needs review"), e.g. text over a gradient.</param>
internal sealed record AxeResults(AxeViolation[] Violations, AxeViolation[] Incomplete);

internal sealed record AxeViolation(string Id, string Impact, string Help, string HelpUrl, AxeNode[] Nodes);

internal sealed record AxeNode(string Target, string Summary);
