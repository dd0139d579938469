using AngleSharp.Dom;
using BzPeer.Diagnostics;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Rendering;

/// <summary>Properties of the whole built output: links, determinism, atomic writes, overrides.</summary>
public class WholeSiteTests
{
    [Fact]
    public void Every_internal_href_and_src_resolves_under_a_sub_path_base_url()
    {
        using var site = TestSite.Demo();
        var result = site.Build(baseUrl: "https://example.org/labs/ml-systems/");
        Assert.True(result.Succeeded);
        var broken = new List<string>();
        var checkedLinks = 0;
        foreach (var file in Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories))
        {
            var page = BuiltSite.Html(file);
            foreach (var element in page.QuerySelectorAll("[href], [src], [data-graph-src]"))
            {
                foreach (var attribute in new[] { "href", "src", "data-graph-src" })
                {
                    var value = element.GetAttribute(attribute);
                    if (value is null || value.StartsWith("http", StringComparison.Ordinal) || value.StartsWith("mailto:", StringComparison.Ordinal) || value.StartsWith('#'))
                    {
                        continue;
                    }

                    checkedLinks++;
                    var relative = Path.GetRelativePath(site.Output, file);
                    if (!value.StartsWith("/labs/ml-systems/", StringComparison.Ordinal))
                    {
                        broken.Add($"{relative}: {value} is outside the base path");
                        continue;
                    }

                    var target = Uri.UnescapeDataString(value["/labs/ml-systems/".Length..].Split('#')[0]);
                    var path = Path.Combine(site.Output, target);
                    if (!(File.Exists(path) || File.Exists(Path.Combine(path, "index.html"))))
                    {
                        broken.Add($"{relative}: {value}");
                    }
                }
            }
        }

        Assert.Empty(broken);
        Assert.True(checkedLinks > 500, $"only {checkedLinks} links checked");
    }

    [Fact]
    public void A_build_reports_exactly_the_files_an_in_memory_render_makes_and_counts_its_pages()
    {
        using var site = TestSite.Demo();
        var rendered = SiteBuilder.Render(new BuildOptions { SiteDirectory = site.Root });
        var built = site.Build();
        Assert.True(built.Succeeded);
        var expected = rendered.Files.Select(f => f.Path).ToList();
        Assert.Equal(expected, built.Paths);
        Assert.Equal(BuiltSite.Snapshot(site.Output).Keys, built.Paths);
        Assert.Contains(".nojekyll", built.Paths);
        Assert.Equal(expected.Count, built.FileCount);
        Assert.Equal(expected.Count(p => p.EndsWith(".html", StringComparison.Ordinal)), built.PageCount);
        Assert.True(built.PageCount > 20 && built.PageCount < built.FileCount, $"{built.PageCount} pages of {built.FileCount} files");
    }

    [Fact]
    public void Two_builds_are_byte_identical_whatever_order_the_files_were_written_in()
    {
        using var first = TestSite.Demo();
        Assert.True(first.Build().Succeeded);
        using var second = TestSite.Create("");
        File.Copy(Path.Combine(first.Root, "site.yml"), Path.Combine(second.Root, "site.yml"), overwrite: true);
        // Write the content files in reverse order so directory enumeration order differs.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(first.Root, "content"), "*", SearchOption.AllDirectories).OrderDescending())
        {
            second.Write(Path.GetRelativePath(first.Root, file), File.ReadAllText(file));
        }

        Assert.True(second.Build().Succeeded);
        var a = BuiltSite.Snapshot(first.Output);
        var b = BuiltSite.Snapshot(second.Output);
        Assert.Equal(a.Keys, b.Keys);
        Assert.All(a, entry => Assert.True(entry.Value.AsSpan().SequenceEqual(b[entry.Key]), $"{entry.Key} differs"));
    }

    [Fact]
    public void A_failing_build_leaves_the_previous_output_exactly_as_it_was()
    {
        using var site = TestSite.Demo();
        Assert.True(site.Build().Succeeded);
        File.WriteAllText(Path.Combine(site.Output, "marker.txt"), "left by the user");
        var before = BuiltSite.Snapshot(site.Output);
        site.Write("content/publications/broken.md", "---\ntitle: Broken\nyear: not-a-year\n---\n");
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.False(result.Written);
        var after = BuiltSite.Snapshot(site.Output);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, e => Assert.True(e.Value.AsSpan().SequenceEqual(after[e.Key])));
        Assert.False(Directory.Exists(site.Output + ".bzpeer-staging"));
    }

    [Fact]
    public void A_broken_template_is_reported_with_the_contents_errors()
    {
        // The templates are parsed beside the load: both kinds of problem are in the one report, every time.
        using var site = TestSite.Demo();
        site.Write("templates/pages/home.html", "{{ if x }}never closed");
        site.Write("content/topics/broken.md", "---\nname: [unclosed\n---\n");
        for (var run = 0; run < 3; run++)
        {
            var result = site.Build();
            Assert.False(result.Written);
            Assert.Equal("templates/pages/home.html", TestSite.Single(result, DiagnosticCodes.TemplateSyntax).Location.Path);
            Assert.Equal("content/topics/broken.md", TestSite.Single(result, DiagnosticCodes.YamlSyntax).Location.Path);
        }
    }

    [Fact]
    public void A_template_that_does_not_parse_leaves_the_previous_output_and_no_staging_folder()
    {
        // The templates are parsed while the content loads, so this build stops before anything is staged.
        using var site = TestSite.Demo();
        Assert.True(site.Build().Succeeded);
        var before = BuiltSite.Snapshot(site.Output);
        site.Write("templates/pages/home.html", "{{ if x }}never closed");
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.False(result.Written);
        Assert.Equal("templates/pages/home.html", TestSite.Single(result, DiagnosticCodes.TemplateSyntax).Location.Path);
        var after = BuiltSite.Snapshot(site.Output);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, e => Assert.True(e.Value.AsSpan().SequenceEqual(after[e.Key])));
        Assert.False(Directory.Exists(site.Output + ".bzpeer-staging"));
    }

    [Fact]
    public void Files_left_from_an_earlier_build_are_removed()
    {
        using var site = TestSite.Demo();
        Assert.True(site.Build().Succeeded);
        Assert.True(File.Exists(Path.Combine(site.Output, "researchers/martin-maas/index.html")));
        File.Delete(Path.Combine(site.Root, "content/researchers/martin-maas.md"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(site.Root, "content/publications")))
        {
            File.WriteAllText(file, File.ReadAllText(file).Replace("\"martin-maas\"", "\"Martin Maas\""));
        }

        Assert.True(site.Build().Succeeded);
        Assert.False(Directory.Exists(Path.Combine(site.Output, "researchers/martin-maas")));
    }

    [Fact]
    public void Pages_larger_than_a_million_characters_are_rendered_whole()
    {
        // Scriban stops writing after 1 Mi characters by default; the publications index of a big site is larger.
        using var site = TestSite.Create("");
        for (var i = 0; i < 2500; i++)
        {
            site.Write($"content/publications/p{i:0000}.md", $"---\ntitle: A reasonably long publication title number {i}\nyear: {1990 + (i % 30)}\nauthors: [Ada Lovelace, Charles Babbage, Mary Somerville]\n---\n");
        }

        Assert.True(site.Build().Succeeded);
        var html = site.Read("publications/index.html");
        Assert.True(html.Length > 1_100_000, $"only {html.Length} characters");
        Assert.EndsWith("</html>\n", html);
        Assert.Equal(2500, BuiltSite.Page(site, "publications/index.html").QuerySelectorAll("li.work").Length);
    }

    [Fact]
    public void A_site_template_overrides_the_built_in_one_and_can_wrap_it()
    {
        using var site = TestSite.Demo();
        site.Write("templates/pages/publication.html", "<div class=\"lab-wrapper\">{{ include \"builtin:pages/publication.html\" }}</div>\n");
        Assert.True(site.Build().Succeeded);
        var page = BuiltSite.Page(site, "publications/apollo-2021/index.html");
        var wrapper = page.QuerySelector("main > div.lab-wrapper")!;
        Assert.Equal("Apollo: Transferable Architecture Exploration", wrapper.QuerySelector("article.publication h1")!.TextContent);
        Assert.Null(page.QuerySelector("div.lab-wrapper div.lab-wrapper"));
    }

    [Fact]
    public void A_template_error_is_a_diagnostic_at_the_template_line_and_nothing_is_written()
    {
        using var site = TestSite.Demo();
        site.Write("templates/pages/topic.html", "<h1>{{ name }}</h1>\n<p>{{ nmae }}</p>\n");
        var result = site.Build();
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics.Sorted());
        Assert.Equal("BZP302", d.Code);
        Assert.Equal("templates/pages/topic.html(2,7)", d.Location.ToString());
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_template_syntax_error_is_reported_once_per_message_with_its_position()
    {
        using var site = TestSite.Demo();
        site.Write("templates/pages/topic.html", "<h1>{{ name }}</h1>\n{{ if }}\n");
        var result = site.Build();
        Assert.Equal(["BZP301 templates/pages/topic.html(2,7)", "BZP301 templates/pages/topic.html(2,9)"], TestSite.Codes(result));
        Assert.Contains("Expecting <expression>", result.Diagnostics.Sorted()[0].Message);
    }

    [Fact]
    public void Templates_cannot_include_files_outside_the_templates_folder()
    {
        using var site = TestSite.Demo();
        site.Write("secret.html", "SECRET");
        site.Write("templates/pages/topic.html", "{{ include \"../secret.html\" }}\n");
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics.Sorted(), d => d.Code == "BZP302" && d.Location.Path == "templates/pages/topic.html");
    }
}
