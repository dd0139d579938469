using BzPeer.Diagnostics;
using BzPeer.Schemas;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Schemas;

public class SchemaValidationTests
{
    private static List<string> SchemaWarnings(BuildResult result) =>
        result.Diagnostics.Sorted().Where(d => d.Code == DiagnosticCodes.SchemaViolation)
            .Select(d => $"{d.Location}: {d.Message}").ToList();

    [Fact]
    public void The_demo_site_passes_every_schema()
    {
        using var site = TestSite.Demo();
        var result = site.Check();
        Assert.True(result.Succeeded);
        Assert.Empty(SchemaWarnings(result));
    }

    public static TheoryData<string> ValidFixtureSites()
    {
        var data = new TheoryData<string>();
        var fixtures = Path.Combine(Repo.Root, "tests", "fixtures");
        foreach (var siteYml in Directory.EnumerateFiles(fixtures, "site.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(fixtures, Path.GetDirectoryName(siteYml)!).Replace('\\', '/');
            if (!relative.Contains("invalid", StringComparison.Ordinal))
            {
                data.Add(relative);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValidFixtureSites))]
    public void Every_valid_fixture_site_passes_every_schema(string fixture)
    {
        var result = SiteBuilder.Check(new BuildOptions { SiteDirectory = Path.Combine(Repo.Root, "tests", "fixtures", fixture) });
        Assert.Empty(SchemaWarnings(result));
    }

    [Fact]
    public void The_invalid_fixture_reports_what_the_loader_accepts_at_the_yaml_position()
    {
        var folder = Path.Combine(Repo.Root, "tests", "fixtures", "schemas", "invalid-front-matter");
        var result = SiteBuilder.Check(new BuildOptions { SiteDirectory = folder });
        var expected = File.ReadAllLines(Path.Combine(folder, "expected.txt")).Where(l => l.Length > 0).ToList();
        Assert.Equal(expected, SchemaWarnings(result));
        Assert.True(result.Succeeded, "schema findings are warnings: the loader decides what builds");
    }

    [Fact]
    public void A_file_the_loader_already_reported_gets_no_schema_findings()
    {
        using var site = TestSite.Create("""
            -- content/researchers/ada.md --
            ---
            name: Ada
            claimed: yes
            followers: many
            ---
            """);
        var result = site.Check();
        Assert.Contains(result.Diagnostics.Sorted(), d => d.Code == DiagnosticCodes.WrongType && d.Location.Line == 4);
        Assert.Empty(SchemaWarnings(result));
    }

    [Fact]
    public void Site_yml_is_strict_except_under_extra()
    {
        var yaml = "title: Lab\nextra:\n  anything: [1, 2]\ngraph:\n  slice_radius: 2\n  colour: red\n";
        var problems = SchemaValidator.ValidateDocument(SchemaSet.Site, new BzPeer.Content.SourceDocument("site.yml", "/x/site.yml", yaml));
        var problem = Assert.Single(problems);
        Assert.Equal(new SourceLocation("site.yml", 6, 3), problem.At);
        Assert.Equal("Unknown key 'graph.colour'.", problem.Message);
    }

    [Fact]
    public void Unknown_content_keys_are_allowed_and_quoted_numbers_are_not_integers()
    {
        var yaml = "---\ntitle: T\nyear: \"2020\"\nmy_own_key: {a: 1}\nauthors:\n  - {name: Ada}\n  - {note: nobody}\n---\nBody\n";
        var problems = SchemaValidator.ValidateDocument(SchemaSet.Publication, new BzPeer.Content.SourceDocument("content/publications/p.md", "/x/p.md", yaml));
        Assert.Equal(
            ["content/publications/p.md(3,7): 'year' must be a whole number.", "content/publications/p.md(7,5): 'authors[1]' does not match any allowed form (A researcher id, a plain name, or {name: …, id: …})."],
            problems.Select(p => $"{p.At}: {p.Message}").ToList());
    }
}
