using BzPeer.Cli;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Tool;

public class JobSummaryTests
{
    private static Func<string, string?> Environment(string summaryPath, string actions = "true") =>
        name => name switch
        {
            "GITHUB_ACTIONS" => actions,
            "GITHUB_STEP_SUMMARY" => summaryPath,
            _ => null,
        };

    [Fact]
    public void Diagnostics_are_appended_as_a_markdown_table_with_markup_escaped()
    {
        using var site = TestSite.Create("""
            -- content/publications/p.md --
            ---
            title: P
            year: 2020
            authors: [ada-lovlace]
            topics: [a|b`c<script>]
            ---
            -- content/researchers/ada-lovelace.md --
            ---
            name: Ada
            ---
            """);
        var result = SiteBuilder.Check(new BuildOptions { SiteDirectory = site.Root });
        var diagnostics = result.Diagnostics.Sorted();
        Assert.NotEmpty(diagnostics);

        var summary = Path.Combine(site.Root, "summary.md");
        File.WriteAllText(summary, "earlier step\n");
        JobSummary.AppendIfRequested(diagnostics, Environment(summary));

        var text = File.ReadAllText(summary);
        Assert.StartsWith("earlier step\n## BzPeer\n", text);
        var rows = text.Split('\n').Where(l => l.StartsWith("| error |", StringComparison.Ordinal) || l.StartsWith("| warning |", StringComparison.Ordinal)).ToList();
        Assert.Equal(diagnostics.Count, rows.Count);
        Assert.Contains(rows, r => r.Contains("content/publications/p.md(4,11)", StringComparison.Ordinal) && r.Contains("ada-lovlace", StringComparison.Ordinal));
        // Every row has exactly the four cells of the header: no '|' from content leaked through.
        Assert.All(rows, r => Assert.Equal(5, r.Count(c => c == '|')));
        Assert.Contains(rows, r => r.Contains("content/publications/p.md(5,10)", StringComparison.Ordinal) && r.Contains("a&#124;b&#96;c&lt;script>", StringComparison.Ordinal));
        Assert.DoesNotContain("<script>", text);
        Assert.DoesNotContain("`", text);
    }

    [Fact]
    public void Nothing_is_written_outside_github_actions()
    {
        var summary = Path.Combine(Path.GetTempPath(), "bzpeer-summary-" + Guid.NewGuid().ToString("N") + ".md");
        JobSummary.AppendIfRequested([], Environment(summary, actions: "false"));
        Assert.False(File.Exists(summary));
    }

    [Fact]
    public void A_clean_run_says_so()
    {
        var summary = Path.Combine(Path.GetTempPath(), "bzpeer-summary-" + Guid.NewGuid().ToString("N") + ".md");
        try
        {
            JobSummary.AppendIfRequested([], Environment(summary));
            Assert.Equal("## BzPeer\n\nNo errors or warnings.\n\n", File.ReadAllText(summary));
        }
        finally
        {
            File.Delete(summary);
        }
    }
}
