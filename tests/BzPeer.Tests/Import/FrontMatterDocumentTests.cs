using BzPeer.Import.Writing;
using static BzPeer.Tests.Import.ImportTestSupport;

namespace BzPeer.Tests.Import;

public class FrontMatterDocumentTests
{
    public static TheoryData<string> HostileStrings() =>
    [
        "Title: with a colon",
        "---",
        "--- \n---\nbody: injected",
        "# not a comment",
        "@handle and `code` and *stars*",
        "\"double\" and 'single' quotes",
        "yes",
        "null",
        "2020-06-29",
        "0x1F",
        "  leading and trailing  ",
        "line one\nline two\r\nline three",
        "tab\there and NUL-ish \u0001 control",
        "back\\slash \\n not a newline",
        "{ flow: map }",
        "[flow, seq]",
        "&anchor *alias !tag %directive |literal >folded",
        "emoji 🇺🇸 and accents Éçü and RTL \u202E",
        "<script>alert('x')</script>",
        new string('x', 500),
    ];

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public void Hostile_strings_round_trip_through_the_front_matter(string hostile)
    {
        var text = FrontMatterDocument.Render(new YamlMap().Add("title", hostile).Add("aliases", new YamlList([new YamlText(hostile)])), "Body");
        using var site = NewSite();
        var path = site.Write("content/x.md", text);
        var (front, body) = ReadContent(path);
        Assert.Equal(hostile, front.Scalar("title"));
        Assert.Equal([hostile], front.Strings("aliases"));
        Assert.Equal("Body\n", body);
    }

    [Fact]
    public void Layout_is_fenced_yaml_then_body_with_one_final_newline_and_no_empty_keys()
    {
        var map = new YamlMap()
            .Add("title", "T")
            .Add("year", new YamlInt(2020))
            .Add("date", new YamlDate("2020-06-29"))
            .Add("venue", (string?)null)
            .Add("topics", new YamlList([]))
            .Add("authors", new YamlList([new YamlText("ada"), new YamlMap().Add("name", "solo")]))
            .Add("ids", new YamlMap().Add("doi", "10.1/x"))
            .Add("more_authors", new YamlBool(true));
        Assert.Equal(
            "---\ntitle: \"T\"\nyear: 2020\ndate: 2020-06-29\nauthors:\n  - \"ada\"\n  - name: \"solo\"\nids:\n  doi: \"10.1/x\"\nmore_authors: true\n---\nAbstract.\n",
            FrontMatterDocument.Render(map, "\r\nAbstract.\r\n\r\n"));
        Assert.Equal("---\nname: \"N\"\n---\n", FrontMatterDocument.Render(new YamlMap().Add("name", "N"), "  "));
    }
}
