using System.Text;
using BzPeer.Diagnostics;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Content;

/// <summary>Each kind of bad content gives its stable code at the exact 1-based file(line,col).</summary>
public class ContentDiagnosticsTests
{
    private const string Ada = """
        -- content/researchers/ada.md --
        ---
        name: Ada Lovelace
        ---
        """;

    [Fact]
    public void Malformed_yaml_is_reported_at_its_line()
    {
        using var site = TestSite.Create("""
            -- content/researchers/ada.md --
            ---
            name: Ada
            summary: "never closed
            ---
            """);
        var result = site.Check();
        var d = TestSite.Single(result, DiagnosticCodes.YamlSyntax);
        Assert.Equal("content/researchers/ada.md", d.Location.Path);
        Assert.Equal(3, d.Location.Line);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Unterminated_front_matter_is_reported_at_the_opening_fence()
    {
        using var site = TestSite.Create("""
            -- content/researchers/ada.md --
            ---
            name: Ada
            Some biography that should have come after a closing fence.
            """);
        Assert.Equal(["BZP102 content/researchers/ada.md(1,1)"], TestSite.Codes(site.Check()));
    }

    [Fact]
    public void Missing_front_matter_is_reported()
    {
        using var site = TestSite.Create("""
            -- content/researchers/ada.md --
            name: Ada
            """);
        Assert.Equal(["BZP115 content/researchers/ada.md(1,1)"], TestSite.Codes(site.Check()));
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_the_first_bad_byte()
    {
        using var site = TestSite.Create("");
        var bytes = Encoding.UTF8.GetBytes("---\nname: Ada\nsummary: caf").Concat(new byte[] { 0xE9, 0x21 }).Concat(Encoding.UTF8.GetBytes("\n---\n")).ToArray();
        site.WriteBytes("content/researchers/ada.md", bytes);
        Assert.Equal(["BZP104 content/researchers/ada.md(3,13)"], TestSite.Codes(site.Check()));
    }

    [Fact]
    public void Tab_indentation_is_reported_at_the_tab()
    {
        using var site = TestSite.Create("-- content/researchers/ada.md --\n---\nname: Ada\naliases:\n\t- A. Lovelace\n---\n");
        Assert.Equal(["BZP103 content/researchers/ada.md(4,1)"], TestSite.Codes(site.Check()));
    }

    [Fact]
    public void Missing_required_name_is_reported_at_the_top_of_the_front_matter()
    {
        using var site = TestSite.Create("""
            -- content/researchers/ada.md --
            ---
            summary: No name here
            ---
            """);
        var d = TestSite.Single(site.Check(), DiagnosticCodes.MissingRequiredKey);
        Assert.Equal("content/researchers/ada.md(2,1)", d.Location.ToString());
        Assert.Contains("'name'", d.Message);
    }

    [Fact]
    public void Year_that_is_not_an_integer_is_reported_at_the_value()
    {
        using var site = TestSite.Create(Ada + """

            -- content/publications/p.md --
            ---
            title: A paper
            year: twenty twenty
            ---
            """);
        var d = TestSite.Single(site.Check(), DiagnosticCodes.WrongType);
        Assert.Equal("content/publications/p.md(3,7)", d.Location.ToString());
        Assert.Contains("whole number", d.Message);
    }

    [Fact]
    public void A_map_where_a_list_belongs_is_reported()
    {
        using var site = TestSite.Create(Ada + """

            -- content/publications/p.md --
            ---
            title: A paper
            year: 2020
            authors:
              first: ada
            ---
            """);
        var d = TestSite.Single(site.Check(), DiagnosticCodes.WrongType);
        Assert.Equal("content/publications/p.md(5,3)", d.Location.ToString());
        Assert.Contains("list", d.Message);
    }

    [Fact]
    public void Unknown_publication_type_suggests_the_closest()
    {
        using var site = TestSite.Create("""
            -- content/publications/p.md --
            ---
            title: A paper
            type: preprnt
            year: 2020
            ---
            """);
        var d = TestSite.Single(site.Check(), DiagnosticCodes.UnknownPublicationType);
        Assert.Equal("content/publications/p.md(3,7)", d.Location.ToString());
        Assert.Contains("Did you mean 'preprint'?", d.Hint);
    }

    [Fact]
    public void Orcid_with_a_wrong_check_digit_is_an_error()
    {
        using var site = TestSite.Create("""
            -- content/researchers/ada.md --
            ---
            name: Ada
            orcid: 0000-0002-1825-0098
            ---
            """);
        var d = TestSite.Single(site.Check(), DiagnosticCodes.InvalidOrcid);
        Assert.Equal("content/researchers/ada.md(3,8)", d.Location.ToString());
        Assert.Contains("check digit", d.Message);
    }

    [Fact]
    public void The_same_id_twice_is_reported_on_the_second_file()
    {
        using var site = TestSite.Create(Ada + """

            -- content/researchers/ada.yml --
            name: Ada Again
            """);
        var d = TestSite.Single(site.Check(), DiagnosticCodes.DuplicateId);
        Assert.Equal("content/researchers/ada.yml(1,1)", d.Location.ToString());
        Assert.Contains("content/researchers/ada.md", d.Message);
    }

    [Fact]
    public void Invalid_file_names_are_reported_with_a_valid_suggestion()
    {
        using var site = TestSite.Create("""
            -- content/researchers/Ada Lovelace.md --
            ---
            name: Ada
            ---
            """);
        var d = TestSite.Single(site.Check(), DiagnosticCodes.InvalidFileName);
        Assert.Equal("content/researchers/Ada Lovelace.md", d.Location.ToString());
        Assert.Contains("ada-lovelace.md", d.Hint);
    }

    [Fact]
    public void Unsafe_link_schemes_are_refused()
    {
        using var site = TestSite.Create("""
            -- content/researchers/ada.md --
            ---
            name: Ada
            links:
              homepage: "javascript:alert(1)"
            ---
            """);
        Assert.Equal(["BZP111 content/researchers/ada.md(4,13)"], TestSite.Codes(site.Check()));
    }

    [Fact]
    public void Yaml_aliases_are_refused_so_alias_bombs_cannot_expand()
    {
        using var site = TestSite.Create("""
            -- content/researchers/ada.md --
            ---
            name: &a Ada
            summary: *a
            ---
            """);
        Assert.Equal(["BZP112 content/researchers/ada.md(3,10)"], TestSite.Codes(site.Check()));
    }

    [Fact]
    public void A_yml_record_carries_its_body_under_body()
    {
        using var site = TestSite.Create("""
            -- content/researchers/ada.yml --
            name: Ada
            body: "First *programmer*."
            """);
        var result = site.Check();
        Assert.True(result.Succeeded);
        Assert.Equal("First *programmer*.", result.Graph!.ResearchersById["ada"].Record.Body);
    }

    [Fact]
    public void Unknown_keys_are_kept_as_extra()
    {
        using var site = TestSite.Create("""
            -- content/researchers/ada.md --
            ---
            name: Ada
            office: Room 101
            ---
            """);
        var result = site.Check();
        Assert.Equal("Room 101", result.Graph!.ResearchersById["ada"].Record.Extra["office"]);
    }

    [Fact]
    public void Byte_order_marks_and_crlf_line_endings_are_accepted()
    {
        using var site = TestSite.Create("");
        site.WriteBytes("content/researchers/ada.md", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("---\r\nname: Ada\r\n---\r\nBio.\r\n")]);
        var result = site.Check();
        Assert.True(result.Succeeded, string.Join("\n", TestSite.Codes(result)));
        Assert.Equal("Ada", result.Graph!.ResearchersById["ada"].Name);
    }

    [Fact]
    public void Every_error_of_a_run_is_reported_in_that_run()
    {
        using var site = TestSite.Create("""
            -- content/researchers/ada.md --
            ---
            summary: no name
            ---
            -- content/researchers/bob.md --
            ---
            name: Bob
            orcid: 1234
            ---
            -- content/publications/p.md --
            ---
            title: P
            year: soon
            ---
            -- content/publications/q.md --
            ---
            title: Q
            year: 2020
            authors: [bobb-smith]
            ---
            """);
        var result = site.Check();
        Assert.Equal(
        [
            "BZP108 content/publications/p.md(3,7)",
            "BZP201 content/publications/q.md(4,11)",
            "BZP107 content/researchers/ada.md(2,1)",
            "BZP110 content/researchers/bob.md(3,8)",
        ], TestSite.Codes(result));
        Assert.Equal(4, result.Diagnostics.ErrorCount);
    }
}
