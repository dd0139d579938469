using BzPeer.Cli;
using BzPeer.Diagnostics;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Cli;

public class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Check_on_the_demo_site_exits_0_with_no_warnings()
    {
        using var site = TestSite.Demo();
        var (code, stdout, stderr) = Run("check", site.Root);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.StartsWith("ok: 7 researchers, 6 publications", stdout);
    }

    [Fact]
    public void Check_with_content_errors_exits_1_and_shows_the_line_with_a_caret()
    {
        using var site = TestSite.Create("""
            -- content/publications/p.md --
            ---
            title: P
            year: 20x0
            ---
            """);
        var (code, _, stderr) = Run("check", site.Root);
        Assert.Equal(1, code);
        Assert.Contains("content/publications/p.md(3,7): error BZP108: 'year' must be a whole number, not '20x0'.", stderr);
        Assert.Contains("  3 | year: 20x0\n    |       ^", stderr);
        Assert.Contains("1 error, 0 warnings.", stderr);
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        Assert.Equal(2, Run("build", ".", "extra-argument").Code);
        Assert.Equal(2, Run("check", ".", "--no-such-option").Code);
        Assert.Equal(2, Run("frobnicate").Code);
    }

    [Fact]
    public void Version_and_help_exit_0()
    {
        var version = Run("--version");
        Assert.Equal(0, version.Code);
        Assert.True(version.Out.Contains(BuildInfo.Version), $"out: [{version.Out}] err: [{version.Err}]");
        var help = Run("--help");
        Assert.Equal(0, help.Code);
        Assert.Contains("build", help.Out);
        Assert.Contains("check", help.Out);
    }

    [Fact]
    public void Build_timings_give_each_stage_its_time_cpu_allocation_and_gc_pauses()
    {
        using var site = TestSite.Demo();
        var output = Path.Combine(site.Root, "out");
        var (code, stdout, stderr) = Run("build", site.Root, "--out", output, "--timings");
        Assert.True(code == 0, stderr);
        foreach (var stage in new[] { "config", "load", "resolve", "templates", "slices", "render", "write" })
        {
            Assert.Matches($@"(?m)^timing {stage} \d+\.\d$", stdout);
            Assert.Matches($@"(?m)^cpu {stage} \d+\.\d ms, allocated \d+ MiB, gc pause \d+ ms, full collections \d+$", stdout);
            Assert.Matches($@"(?m)^memory {stage} heap \d+ MiB, resident \d+ MiB$", stdout);
        }
    }

    [Fact]
    public void A_missing_site_folder_is_a_content_error_not_a_crash()
    {
        var (code, _, stderr) = Run("check", "/nonexistent/site");
        Assert.Equal(1, code);
        Assert.Contains("BZP001", stderr);
    }
}

public class AnnotationTests
{
    [Fact]
    public void GitHub_annotations_carry_file_line_col_and_code()
    {
        var d = new Diagnostic("BZP201", Severity.Error, new SourceLocation("content/publications/p.md", 5, 7), "No researcher 'x'.", "Did you mean 'y'?");
        Assert.Equal("::error file=content/publications/p.md,line=5,col=7,title=BZP201::No researcher 'x'. Did you mean 'y'?", DiagnosticFormatter.ForGitHub(d));
    }

    [Fact]
    public void Hostile_messages_cannot_break_out_of_the_annotation()
    {
        var d = new Diagnostic("BZP101", Severity.Warning, new SourceLocation("content/a,b:c.md", 1, 1), "50% bad\n::error::injected\r\nend");
        Assert.Equal("::warning file=content/a%2Cb%3Ac.md,line=1,col=1,title=BZP101::50%25 bad%0A::error::injected%0D%0Aend", DiagnosticFormatter.ForGitHub(d));
    }
}
