using System.Text;
using BzPeer.Rendering;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Rendering;

/// <summary>
/// Abstracts are not held rendered for a whole build: a deferred <see cref="RawHtml"/> renders its Markdown each
/// time a page prints it, so it must print the same HTML every time, from the record as it is then.
/// </summary>
public sealed class DeferredHtmlTests
{
    private sealed class Source(string markdown)
    {
        public string Markdown { get; set; } = markdown;

        public int Renders { get; private set; }

        public void Render(PageBuffer page)
        {
            Renders++;
            page.Append(MarkdownRenderer.HtmlBytes(Markdown));
        }
    }

    private static readonly Action<object, PageBuffer> RenderSource = (s, page) => ((Source)s).Render(page);

    [Fact]
    public void It_renders_on_every_print_from_the_source_as_it_is_then()
    {
        var source = new Source("We study *sparse* models & [links](https://example.org/a).");
        var html = RawHtml.Deferred(source, RenderSource, isEmpty: false);
        Assert.Equal(0, source.Renders);
        Assert.False(html.IsEmpty);

        var page = new PageBuffer(16);
        var context = new HtmlTemplateContext();
        context.PushOutput(page);
        context.Write(default, html);
        Assert.Equal("<p>We study <em>sparse</em> models &amp; <a href=\"https://example.org/a\">links</a>.</p>\n", Encoding.UTF8.GetString(page.Utf8));
        Assert.Equal(1, source.Renders);

        source.Markdown = "Edited **abstract**.";
        Assert.Equal("<p>Edited <strong>abstract</strong>.</p>\n", html.Html);
        Assert.Equal(2, source.Renders);
    }

    [Fact]
    public void A_blank_source_is_the_empty_html_and_is_never_rendered()
    {
        var source = new Source("  \n");
        var html = RawHtml.Deferred(source, RenderSource, isEmpty: true);

        Assert.True(html.IsEmpty);
        Assert.Equal("", html.Html);
        Assert.Equal(0, source.Renders);
    }

    [Fact]
    public void Pages_show_the_abstract_on_the_work_and_on_each_authors_profile_and_summarise_it_as_text()
    {
        using var site = TestSite.Create("""
            -- content/researchers/ada.md --
            ---
            name: "Ada Lovelace"
            ---
            -- content/publications/engine-1843.md --
            ---
            title: "Notes on the engine"
            year: 1843
            authors: ["ada", "Charles Babbage"]
            ---
            The engine *weaves* algebraic patterns & more.
            """);
        Assert.True(site.Build().Succeeded);

        const string Html = "<p>The engine <em>weaves</em> algebraic patterns &amp; more.</p>";
        Assert.Contains(Html, site.Read("publications/engine-1843/index.html"), StringComparison.Ordinal);
        Assert.Contains(Html, site.Read("researchers/ada/index.html"), StringComparison.Ordinal);
        var description = BuiltSite.Page(site, "publications/engine-1843/index.html").QuerySelector("meta[name=description]")!.GetAttribute("content");
        Assert.Equal("The engine weaves algebraic patterns & more.", description);
        Assert.Contains("The engine weaves algebraic patterns &amp; more.", site.Read("researchers/ada/feed.xml"), StringComparison.Ordinal);
    }
}
