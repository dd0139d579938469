using System.Reflection;
using BzPeer.Cli;
using BzPeer.Configuration;
using YamlDotNet.RepresentationModel;

namespace BzPeer.Tests.Scaffold;

public sealed class NewSiteTests : IDisposable
{
    private readonly string _parent = Path.Combine(Path.GetTempPath(), "bzpeer-new-" + Guid.NewGuid().ToString("N")[..12]);

    private string SiteDir => Path.Combine(_parent, "lab");

    public void Dispose()
    {
        if (Directory.Exists(_parent))
        {
            Directory.Delete(_parent, recursive: true);
        }
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string NewSite()
    {
        var (code, stdout, stderr) = Run("new", "site", SiteDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("created site.yml", stdout);
        return SiteDir;
    }

    private YamlMappingNode Workflow(string name)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(SiteDir, ".github", "workflows", name))));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node)[key];

    private static string Scalar(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node)[key]).Value!;

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode workflow) =>
        Map(workflow, "jobs").Children.Values.SelectMany(job => ((YamlSequenceNode)((YamlMappingNode)job)["steps"]).Children.Cast<YamlMappingNode>());

    private static IEnumerable<string> Uses(YamlMappingNode workflow) =>
        Steps(workflow).Where(s => s.Children.ContainsKey("uses")).Select(s => Scalar(s, "uses"));

    [Fact]
    public void The_starter_site_builds_with_zero_diagnostics()
    {
        NewSite();
        var result = SiteBuilder.Build(new BuildOptions { SiteDirectory = SiteDir });
        Assert.Empty(result.Diagnostics.Sorted());
        Assert.True(result.Written);
        Assert.Single(result.Graph!.Researchers);
        Assert.Single(result.Graph.Publications);
        Assert.Single(result.Graph.Topics);
        Assert.Single(result.Graph.Institutions);
        Assert.True(File.Exists(Path.Combine(SiteDir, "_site", "index.html")));
        Assert.Contains("_site/", File.ReadAllLines(Path.Combine(SiteDir, ".gitignore")));
        Assert.True(File.Exists(Path.Combine(SiteDir, "CONTRIBUTING.md")));
    }

    [Fact]
    public void The_starter_site_yml_sets_every_top_level_key_the_loader_knows()
    {
        NewSite();
        var known = (string[])typeof(SiteConfigLoader).GetField("TopLevelKeys", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(SiteDir, "site.yml"))));
        var keys = ((YamlMappingNode)stream.Documents[0].RootNode).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet();
        Assert.All(known, key => Assert.Contains(key, keys));
        Assert.Equal(known.Length, keys.Count);
    }

    [Fact]
    public void The_pages_workflow_uses_the_official_actions_with_least_privilege()
    {
        NewSite();
        var pages = Workflow("pages.yml");
        Assert.True(Map(pages, "on").Children.ContainsKey("push"));
        var top = Map(pages, "permissions");
        Assert.Equal("read", Scalar(top, "contents"));
        Assert.Single(top.Children);
        Assert.Equal("pages", Scalar(Map(pages, "concurrency"), "group"));

        var jobs = Map(pages, "jobs");
        var build = Map(jobs, "build");
        Assert.False(build.Children.ContainsKey("permissions"));
        var deploy = Map(jobs, "deploy");
        Assert.Equal("build", Scalar(deploy, "needs"));
        var deployPermissions = Map(deploy, "permissions");
        Assert.Equal("write", Scalar(deployPermissions, "pages"));
        Assert.Equal("write", Scalar(deployPermissions, "id-token"));
        Assert.Equal(2, deployPermissions.Children.Count);

        var uses = Uses(pages).Select(u => u.Split('@')[0]).ToList();
        Assert.Equal(["actions/checkout", "actions/setup-dotnet", "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"], uses);
        var runs = Steps(pages).Where(s => s.Children.ContainsKey("run")).Select(s => Scalar(s, "run")).ToList();
        Assert.Contains(runs, r => r.Contains("dotnet tool install", StringComparison.Ordinal) && r.Contains("BzPeer.Tool", StringComparison.Ordinal));
        Assert.Contains("bzpeer build --base-url \"${{ steps.pages.outputs.base_url }}/\"", runs);
        var configure = Steps(pages).Single(s => s.Children.ContainsKey("uses") && Scalar(s, "uses").StartsWith("actions/configure-pages@", StringComparison.Ordinal));
        Assert.Equal("pages", Scalar(configure, "id"));
    }

    [Fact]
    public void The_check_workflow_runs_on_pull_request_with_read_only_permissions()
    {
        NewSite();
        var check = Workflow("check.yml");
        var on = Map(check, "on");
        Assert.Equal(["pull_request"], on.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.DoesNotContain("pull_request_target:", File.ReadAllText(Path.Combine(SiteDir, ".github", "workflows", "check.yml")));
        var permissions = Map(check, "permissions");
        Assert.Equal("read", Scalar(permissions, "contents"));
        Assert.Single(permissions.Children);
        Assert.All(Map(check, "jobs").Children.Values, job => Assert.False(((YamlMappingNode)job).Children.ContainsKey("permissions")));

        var checkStep = Steps(check).Single(s => s.Children.ContainsKey("run") && Scalar(s, "run") == "bzpeer check");
        Assert.Equal("true", Scalar(Map(checkStep, "env"), "GITHUB_ACTIONS"));
        var summary = Steps(check).Single(s => s.Children.ContainsKey("run") && Scalar(s, "run").Contains("bzpeer diff", StringComparison.Ordinal));
        Assert.Contains("--base \"origin/$BASE_REF\"", Scalar(summary, "run"));
        Assert.Contains("$GITHUB_STEP_SUMMARY", Scalar(summary, "run"));
        Assert.Equal("${{ github.base_ref }}", Scalar(Map(summary, "env"), "BASE_REF"));
    }

    [Fact]
    public void New_site_refuses_a_non_empty_folder_and_leaves_it_alone()
    {
        Directory.CreateDirectory(SiteDir);
        File.WriteAllText(Path.Combine(SiteDir, "notes.txt"), "mine");
        var (code, stdout, stderr) = Run("new", "site", SiteDir);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("is not empty", stderr);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(SiteDir).Select(Path.GetFileName));
    }

    [Fact]
    public void New_site_writes_into_an_existing_empty_folder()
    {
        Directory.CreateDirectory(SiteDir);
        NewSite();
        Assert.Equal(0, Run("check", SiteDir).Code);
    }
}
