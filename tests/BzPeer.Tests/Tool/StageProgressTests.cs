using BzPeer.Cli;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Tool;

public class StageProgressTests
{
    [Theory]
    [InlineData(true, false, null, true)]
    [InlineData(true, false, "", true)]
    [InlineData(true, false, "true", false)]
    [InlineData(true, true, null, false)]
    [InlineData(false, false, null, false)]
    public void Progress_shows_only_on_an_interactive_terminal_outside_ci(bool console, bool redirected, string? ci, bool expected) =>
        Assert.Equal(expected, StageProgress.Enabled(console, redirected, ci));

    [Fact]
    public void The_status_line_names_each_stage_of_a_real_build_and_is_cleared_at_the_end()
    {
        using var site = TestSite.Create("""
            -- content/researchers/ada.md --
            ---
            name: Ada
            ---
            """);
        var line = new StringWriter();
        var stages = new List<string>();
        using (var progress = StageProgress.To(line))
        {
            var result = SiteBuilder.Build(new BuildOptions
            {
                SiteDirectory = site.Root,
                OnStageStarted = stage =>
                {
                    stages.Add(stage);
                    progress.StageStarted(stage);
                },
            });
            Assert.True(result.Written);
        }

        Assert.Equal(["config", "load", "resolve", "templates"], stages.Take(4));
        Assert.Equal("write", stages[^1]);
        var text = line.ToString();
        Assert.All(stages.Distinct(), stage => Assert.Contains($"\rbuilding: {stage}…", text));
        Assert.EndsWith("\r", text);
        Assert.DoesNotContain("\n", text);
    }

    [Fact]
    public void Build_through_the_cli_with_redirected_output_prints_no_progress()
    {
        using var site = TestSite.Create("""
            -- content/researchers/ada.md --
            ---
            name: Ada
            ---
            """);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(0, CliApp.Run(["build", site.Root], stdout, stderr));
        Assert.Equal("", stderr.ToString());
    }
}
