using BzPeer.Cli;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Scaffold;

public class NewRecordTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("researcher", "researchers")]
    [InlineData("publication", "publications")]
    public void A_new_record_is_accepted_by_check_and_names_its_schema_relatively(string kind, string folder)
    {
        using var site = TestSite.Create("");
        var (code, stdout, stderr) = Run("new", kind, "grace-hopper-2", site.Root);
        Assert.True(code == 0, stderr);
        Assert.Contains($"created content/{folder}/grace-hopper-2.yml", stdout);

        var text = File.ReadAllText(Path.Combine(site.Root, "content", folder, "grace-hopper-2.yml"));
        Assert.StartsWith($"# yaml-language-server: $schema=../../schemas/{kind}.schema.json\n", text);

        var check = Run("check", site.Root);
        Assert.Equal("", check.Err);
        Assert.Equal(0, check.Code);
        Assert.Contains(kind == "researcher" ? "ok: 1 researcher, 0 publications" : "ok: 0 researchers, 1 publication", check.Out);
    }

    [Fact]
    public void A_researcher_and_a_publication_made_together_link_up_after_editing_the_authors()
    {
        using var site = TestSite.Create("");
        Assert.Equal(0, Run("new", "researcher", "ada", site.Root).Code);
        Assert.Equal(0, Run("new", "publication", "notes-1843", site.Root).Code);
        var path = Path.Combine(site.Root, "content", "publications", "notes-1843.yml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"Author Name\"", "ada", StringComparison.Ordinal));

        var result = SiteBuilder.Check(new BuildOptions { SiteDirectory = site.Root });
        Assert.Empty(result.Diagnostics.Sorted());
        Assert.Empty(result.Graph!.ExternalAuthors);
    }

    [Theory]
    [InlineData("Ada")]
    [InlineData("ada_lovelace")]
    [InlineData("ada--lovelace")]
    [InlineData("-ada")]
    [InlineData("ada-")]
    [InlineData("../ada")]
    [InlineData("ada lovelace")]
    public void Invalid_ids_are_refused_with_exit_2_and_nothing_written(string id)
    {
        using var site = TestSite.Create("");
        var (code, stdout, stderr) = Run("new", "researcher", id, site.Root);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("is not a valid id", stderr);
        Assert.False(Directory.Exists(Path.Combine(site.Root, "content")));
    }

    [Fact]
    public void An_existing_record_is_never_overwritten_whatever_its_extension()
    {
        using var site = TestSite.Create("""
            -- content/publications/p1.md --
            ---
            title: Mine
            year: 2020
            ---
            """);
        var (code, _, stderr) = Run("new", "publication", "p1", site.Root);
        Assert.Equal(2, code);
        Assert.Contains("content/publications/p1.md already exists", stderr);
        Assert.False(File.Exists(Path.Combine(site.Root, "content", "publications", "p1.yml")));
        Assert.Contains("title: Mine", File.ReadAllText(Path.Combine(site.Root, "content", "publications", "p1.md")));
    }

    [Fact]
    public void A_missing_site_folder_is_refused()
    {
        var (code, _, stderr) = Run("new", "researcher", "ada", Path.Combine(Path.GetTempPath(), "bzpeer-missing-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(2, code);
        Assert.Contains("does not exist", stderr);
    }

    [Fact]
    public void The_shipped_schemas_are_copied_into_the_site_so_the_relative_modeline_resolves_and_kept_if_present()
    {
        using var site = TestSite.Create("""
            -- schemas/publication.schema.json --
            {"mine": true}
            """);
        using var shipped = TestSite.Create("""
            -- researcher.schema.json --
            {"type": "object"}
            -- publication.schema.json --
            {"type": "object"}
            """);
        var result = BzPeer.Scaffold.Scaffolder.NewResearcher("ada", site.Root, schemaSource: shipped.Root);
        Assert.True(result.Succeeded);
        Assert.Equal(["content/researchers/ada.yml", "schemas/researcher.schema.json"], result.Written);
        var record = Path.Combine(site.Root, "content", "researchers");
        Assert.Equal("{\"type\": \"object\"}\n", File.ReadAllText(Path.GetFullPath(Path.Combine(record, "../../schemas/researcher.schema.json"))));
        Assert.Equal("{\"mine\": true}\n", File.ReadAllText(Path.Combine(site.Root, "schemas", "publication.schema.json")));
    }
}
