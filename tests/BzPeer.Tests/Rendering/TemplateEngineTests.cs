using BzPeer.Diagnostics;
using BzPeer.Rendering;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Rendering;

/// <summary>The render buffer is reused per thread (serve renders page after page on the same threads).</summary>
public sealed class TemplateEngineTests
{
    [Fact]
    public void A_template_that_fails_halfway_leaves_nothing_in_the_next_page()
    {
        using var site = TestSite.Create("");
        site.Write("templates/pages/bad.html", "LEFTOVER TEXT {{ nmae }}\n");
        site.Write("templates/pages/good.html", "<p>{{ name }}</p>\n");
        var diagnostics = new DiagnosticBag();
        var engine = new TemplateEngine(site.Root, diagnostics);

        Assert.Null(engine.Render("pages/bad.html", new { Name = "Ada" }));
        Assert.Equal("BZP302", Assert.Single(diagnostics.Sorted()).Code);
        Assert.Equal("<p>Ada</p>\n", engine.Render("pages/good.html", new { Name = "Ada" }));
        Assert.Equal("<p>Grace</p>\n", engine.Render("pages/good.html", new { Name = "Grace" }));
    }

    [Fact]
    public void An_include_writes_in_place_and_escapes_once()
    {
        using var site = TestSite.Create("");
        site.Write("templates/partials/item.html", "<li>{{ item }}</li>");
        site.Write("templates/pages/list.html", "<ul>{{ for item in items }}{{ include \"partials/item.html\" }}{{ end }}</ul>");
        var engine = new TemplateEngine(site.Root, new DiagnosticBag());

        Assert.Equal("<ul><li>a &lt;b&gt;</li><li>c</li></ul>", engine.Render("pages/list.html", new { Items = new[] { "a <b>", "c" } }));
    }

    [Fact]
    public void A_page_and_its_layout_render_to_the_same_utf8_as_the_string_would_be()
    {
        using var site = TestSite.Create("");
        // Literal astral characters (surrogate pairs) and accents in the template reach the buffer unescaped.
        site.Write("templates/pages/body.html", "{{ for w in words }}<p>\U0001F600 \u00e9{{ w }}</p>{{ end }}");
        site.Write("templates/layouts/base.html", "<main>{{ content }}</main><footer>{{ title }}</footer>");
        var engine = new TemplateEngine(site.Root, new DiagnosticBag());
        // Enough text for several buffer chunks, so chunk boundaries fall inside surrogate pairs too.
        var words = Enumerable.Range(0, 40_000).Select(i => i % 7 == 0 ? $"Fran\u00e7oise \U0001F600 {i}" : $"w{i} <b>").ToArray();

        var bytes = engine.RenderPage("pages/body.html", new { Words = words }, "layouts/base.html", body => new { Content = body, Title = "Z\u00fcrich" });

        var expected = "<main>" + string.Concat(words.Select(w => $"<p>\U0001F600 \u00e9{System.Net.WebUtility.HtmlEncode(w)}</p>")) + "</main><footer>" + System.Net.WebUtility.HtmlEncode("Z\u00fcrich") + "</footer>";
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(expected), bytes);
    }

    [Fact]
    public void A_page_whose_body_fails_gives_nothing_and_leaves_nothing_in_the_next_page()
    {
        using var site = TestSite.Create("");
        site.Write("templates/pages/bad.html", "LEFTOVER TEXT {{ nmae }}\n");
        site.Write("templates/pages/good.html", "<p>{{ name }}</p>");
        site.Write("templates/layouts/base.html", "<main>{{ content }}</main>");
        var engine = new TemplateEngine(site.Root, new DiagnosticBag());

        Assert.Null(engine.RenderPage("pages/bad.html", new { Name = "Ada" }, "layouts/base.html", body => new { Content = body }));
        var bytes = engine.RenderPage("pages/good.html", new { Name = "Ada" }, "layouts/base.html", body => new { Content = body });
        Assert.Equal("<main><p>Ada</p></main>", System.Text.Encoding.UTF8.GetString(bytes!));
    }
}
