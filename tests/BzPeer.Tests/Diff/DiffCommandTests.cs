using System.Diagnostics;
using BzPeer.Cli;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Diff;

public class DiffCommandTests
{
    private static readonly string Fixtures = Path.Combine(Repo.Root, "tests", "fixtures", "diff");

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void The_fixture_pair_gives_exactly_the_expected_markdown()
    {
        var (code, stdout, stderr) = Run("diff", Path.Combine(Fixtures, "base"), Path.Combine(Fixtures, "head"));
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Equal(File.ReadAllText(Path.Combine(Fixtures, "expected.md")), stdout);
    }

    [Fact]
    public void A_site_compared_with_itself_has_no_changes()
    {
        var (code, stdout, _) = Run("diff", Path.Combine(Fixtures, "head"), Path.Combine(Fixtures, "head"));
        Assert.Equal(0, code);
        Assert.Equal("## BzPeer content diff\n\nNo changes to records, edges or derived figures.\n", stdout);
    }

    [Fact]
    public void The_list_limit_cuts_long_lists_with_a_count_of_the_rest()
    {
        var (_, stdout, _) = Run("diff", Path.Combine(Fixtures, "base"), Path.Combine(Fixtures, "head"), "--limit", "1");
        Assert.Contains("**Added** (3)\n\n- `r:ada` Ada Lovelace → `p:difference` The Difference Engine\n- … and 2 more\n", stdout);
    }

    [Fact]
    public void Hostile_names_cannot_ping_inject_html_or_break_a_table()
    {
        using var before = TestSite.Create("""
            -- content/researchers/eve.md --
            ---
            name: Eve
            ---
            """);
        using var after = TestSite.Create("""
            -- content/researchers/eve.md --
            ---
            name: "@octocat <img src=x onerror=alert(1)> | `rm -rf` **bold** [link](http://x)"
            ---
            -- content/publications/p.md --
            ---
            title: "Hi @everyone\nsecond line"
            year: 2024
            authors: [eve]
            ---
            """);
        var (code, stdout, _) = Run("diff", before.Root, after.Root);
        Assert.Equal(0, code);
        Assert.DoesNotContain("@octocat", stdout);
        Assert.DoesNotContain("@everyone", stdout);
        Assert.DoesNotContain("<img", stdout);
        Assert.Contains("@\u200Doctocat &lt;img src=x onerror=alert\\(1\\)&gt; \\| \\`rm -rf\\` \\*\\*bold\\*\\* \\[link\\]\\(http://x\\)", stdout);
        Assert.Contains("Hi @\u200Deveryone second line (`p`)", stdout);
        // Every row of the figures table still has exactly five cell borders.
        var rows = stdout.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("(`eve`)", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal(5, row.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|')));
    }

    [Fact]
    public void Content_errors_in_either_site_exit_1_and_usage_errors_exit_2()
    {
        using var broken = TestSite.Create("""
            -- content/publications/p.md --
            ---
            title: P
            ---
            """);
        var (code, stdout, stderr) = Run("diff", Path.Combine(Fixtures, "base"), broken.Root);
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Contains("The head site has errors:", stderr);

        Assert.Equal(2, Run("diff", Path.Combine(Fixtures, "base")).Code);
        Assert.Equal(2, Run("diff", "--base", "HEAD", "a", "b").Code);
    }

    [Fact]
    public void Base_ref_compares_the_working_site_with_a_commit_of_a_temporary_repository()
    {
        using var site = TestSite.Create("""
            -- content/researchers/ada.md --
            ---
            name: Ada Lovelace
            ---
            """);
        Git(site.Root, "init", "-q", "-b", "main");
        Git(site.Root, "add", "site.yml", "content");
        Git(site.Root, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "base");
        site.Write("content/researchers/grace.md", "---\nname: Grace Hopper\n---\n");
        site.Write("content/researchers/ada.md", "---\nname: Ada King\n---\n");

        var (code, stdout, stderr) = Run("diff", "--base", "main", site.Root);
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Contains("| Researchers | 1 | 0 | 1 |", stdout);
        Assert.Contains("- Grace Hopper (`grace`)", stdout);
        Assert.Contains("- Ada King (`ada`): `name`", stdout);

        var (badCode, _, badErr) = Run("diff", "--base", "no-such-branch", site.Root);
        Assert.Equal(2, badCode);
        Assert.Contains("git archive no-such-branch failed", badErr);
    }

    private static void Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
    }
}
