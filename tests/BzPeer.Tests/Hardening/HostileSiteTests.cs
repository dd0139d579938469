using System.Text.Json;
using AngleSharp.Dom;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Hardening;

/// <summary>
/// Builds tests/fixtures/hostile (script payloads in every field, dangerous links in Markdown bodies, raw HTML,
/// template syntax, U+2028/U+2029, bidi overrides) and checks every output file without a browser:
/// no executable element or attribute from content, no dangerous URL, JSON that parses and cannot close a script.
/// The browser suite (BzPeer.BrowserTests/Hardening) runs the same pages with the CSP enforced.
/// </summary>
public sealed class HostileSiteTests : IClassFixture<HostileSiteTests.Built>
{
    private readonly Built built;

    public HostileSiteTests(Built built) => this.built = built;

    public sealed class Built : IDisposable
    {
        public Built()
        {
            Site = TestSite.Create("");
            File.Delete(Path.Combine(Site.Root, "site.yml"));
            TestSite.CopyDirectory(Path.Combine(Repo.Root, "tests", "fixtures", "hostile"), Site.Root);
            Result = Site.Build();
        }

        public TestSite Site { get; }

        public BuildResult Result { get; }

        public IEnumerable<string> Files(string pattern) =>
            Directory.EnumerateFiles(Site.Output, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal);

        public void Dispose() => Site.Dispose();
    }

    [Fact]
    public void Hostile_site_builds_without_errors()
    {
        Assert.True(built.Result.Succeeded, string.Join("\n", TestSite.Codes(built.Result)));
        Assert.True(built.Files("*.html").Count() >= 10);
    }

    [Fact]
    public void No_page_contains_an_element_or_attribute_that_could_run_content()
    {
        var problems = new List<string>();
        foreach (var file in built.Files("*.html"))
        {
            var page = Path.GetRelativePath(built.Site.Output, file);
            var document = BuiltSite.Html(file);
            problems.AddRange(DomHazards.Find(document).Select(p => $"{page}: {p}"));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_page_carries_a_content_security_policy_without_unsafe_inline_script()
    {
        foreach (var file in built.Files("*.html"))
        {
            var csp = BuiltSite.Html(file).QuerySelector("meta[http-equiv='Content-Security-Policy']")?.GetAttribute("content");
            Assert.False(csp is null, file + " has no CSP meta");
            var scriptSrc = csp!.Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith("script-src", StringComparison.Ordinal))
                ?? csp.Split(';').Select(d => d.Trim()).First(d => d.StartsWith("default-src", StringComparison.Ordinal));
            Assert.DoesNotContain("'unsafe-inline'", scriptSrc, StringComparison.Ordinal);
            Assert.DoesNotContain("'unsafe-eval'", scriptSrc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Template_syntax_in_content_prints_literally()
    {
        var profile = BuiltSite.Page(built.Site, "researchers/mallory/index.html");
        Assert.Contains("{{ 7*7 }}", profile.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(">49<", File.ReadAllText(Path.Combine(built.Site.Output, "researchers/mallory/index.html")), StringComparison.Ordinal);
        var paper = BuiltSite.Page(built.Site, "publications/evil-paper-2024/index.html");
        Assert.Contains("{% for x in site %}LOOP{% endfor %}", paper.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_payloads_appear_as_visible_text()
    {
        var profile = BuiltSite.Page(built.Site, "researchers/eve/index.html");
        Assert.Contains("<script>bzpPwned(\"S\")</script>", profile.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Nearby_lists_print_names_as_text_and_link_only_entities_with_pages()
    {
        // The graph panel's nearby items are made in C# (NearbyGroup.ItemsHtml), not by the template's escaping.
        var items = built.Files("index.html").SelectMany(f => BuiltSite.Html(f).QuerySelectorAll(".graph-nearby li")).ToList();
        var eve = items.Where(li => li.TextContent == "Eve <script>bzpPwned(\"S\")</script>\"><img src=x onerror=bzpPwned(\"I\")>").ToList();
        Assert.NotEmpty(eve);
        Assert.All(eve, li => Assert.Equal("/sub/researchers/eve/", li.QuerySelector("a")?.GetAttribute("href")));
        var external = items.Where(li => li.TextContent == "<img src=x onerror=bzpPwned(\"AU\")>").ToList();
        Assert.NotEmpty(external);
        Assert.All(external, li => Assert.Empty(li.Children));
    }

    [Fact]
    public void Author_lists_print_names_as_text_and_link_only_researchers()
    {
        // Author lists on work pages and in work items are made in C# (authors_html), not by the template's escaping.
        var lists = built.Files("index.html").SelectMany(f => BuiltSite.Html(f).QuerySelectorAll("p.authors")).ToList();
        Assert.NotEmpty(lists);
        var eve = lists.SelectMany(p => p.QuerySelectorAll("a"))
            .Where(a => a.TextContent == "Eve <script>bzpPwned(\"S\")</script>\"><img src=x onerror=bzpPwned(\"I\")>").ToList();
        Assert.NotEmpty(eve);
        Assert.All(eve, a => Assert.Equal("/sub/researchers/eve/", a.GetAttribute("href")));
        var external = lists.SelectMany(p => p.QuerySelectorAll("span.external-author"))
            .Where(s => s.TextContent == "<img src=x onerror=bzpPwned(\"AU\")>").ToList();
        Assert.NotEmpty(external);
        Assert.All(external, s => Assert.Empty(s.Children));
        Assert.All(lists, p => Assert.All(p.Children, c => Assert.True(c.LocalName is "a" or "span", c.OuterHtml)));
    }

    [Fact]
    public void Scholar_meta_tags_keep_payloads_inside_their_attribute()
    {
        // The layout prints page.meta_html, made in C#: a payload must stay one attribute value of one tag.
        var paper = BuiltSite.Page(built.Site, "publications/evil-paper-2024/index.html");
        var authors = paper.Head!.QuerySelectorAll("meta[name=citation_author]").Select(m => m.GetAttribute("content")).ToList();
        Assert.Contains("<img src=x onerror=bzpPwned(\"AU\")>", authors);
        Assert.All(paper.Head.QuerySelectorAll("meta"), m => Assert.All(m.Attributes, a => Assert.Contains(a.Name, new[] { "name", "content", "charset", "http-equiv", "property" })));
    }

    [Fact]
    public void Every_json_file_parses_and_cannot_break_out_of_a_script_element()
    {
        foreach (var file in built.Files("*.json"))
        {
            var text = File.ReadAllText(file);
            using var _ = JsonDocument.Parse(text);
            AssertScriptSafe(file, text);
        }
    }

    [Fact]
    public void Inline_json_scripts_parse_and_keep_the_payload_as_data()
    {
        var sawPayload = false;
        foreach (var file in built.Files("*.html"))
        {
            foreach (var script in BuiltSite.Html(file).QuerySelectorAll("script[type='application/ld+json'], script[type='application/json']"))
            {
                var text = script.TextContent;
                AssertScriptSafe(file, text);
                using var json = JsonDocument.Parse(text);
                sawPayload |= json.RootElement.GetRawText().Contains("bzpPwned", StringComparison.Ordinal);
            }
        }

        Assert.True(sawPayload, "no inline JSON carried a payload: the test would prove nothing");
    }

    [Fact]
    public void Xml_outputs_are_well_formed()
    {
        foreach (var file in built.Files("*.xml"))
        {
            var document = new System.Xml.XmlDocument { XmlResolver = null };
            document.Load(file);
        }
    }

    private static void AssertScriptSafe(string file, string text)
    {
        Assert.False(text.Contains("</script", StringComparison.OrdinalIgnoreCase), file + " contains </script");
        Assert.False(text.Contains("<!--", StringComparison.Ordinal), file + " contains <!--");
        Assert.False(text.Contains('\u2028') || text.Contains('\u2029'), file + " contains a raw U+2028/U+2029");
    }
}
