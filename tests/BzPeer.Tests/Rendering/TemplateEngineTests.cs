using System.Net;
using System.Text;
using BzPeer.Diagnostics;
using BzPeer.Rendering;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Rendering;

/// <summary>The render buffers are reused per thread (serve renders page after page on the same threads).</summary>
public sealed class TemplateEngineTests
{
    private const string Layout = "layouts/base.html";

    private static string? Page(TemplateEngine engine, string template, object model) =>
        engine.RenderPage(template, model, Layout, body => new { Content = body }) is { } bytes ? Encoding.UTF8.GetString(bytes.Span) : null;

    private static (TestSite Site, TemplateEngine Engine, DiagnosticBag Diagnostics) Engine(params (string Path, string Text)[] templates)
    {
        var site = TestSite.Create("");
        site.Write("templates/" + Layout, "<main>{{ content }}</main>");
        foreach (var (path, text) in templates)
        {
            site.Write("templates/" + path, text);
        }

        var diagnostics = new DiagnosticBag();
        return (site, new TemplateEngine(site.Root, diagnostics), diagnostics);
    }

    [Fact]
    public void A_page_whose_body_fails_halfway_gives_nothing_and_leaves_nothing_in_the_next_page()
    {
        var (site, engine, diagnostics) = Engine(("pages/bad.html", "LEFTOVER TEXT {{ nmae }}\n"), ("pages/good.html", "<p>{{ name }}</p>"));
        using (site)
        {
            Assert.Null(Page(engine, "pages/bad.html", new { Name = "Ada" }));
            Assert.Equal("BZP302", Assert.Single(diagnostics.Sorted()).Code);
            Assert.Equal("<main><p>Ada</p></main>", Page(engine, "pages/good.html", new { Name = "Ada" }));
            Assert.Equal("<main><p>Grace</p></main>", Page(engine, "pages/good.html", new { Name = "Grace" }));
        }
    }

    [Fact]
    public void An_include_writes_in_place_and_escapes_once()
    {
        var (site, engine, _) = Engine(
            ("partials/item.html", "<li>{{ item }}</li>"),
            ("pages/list.html", "<ul>{{ for item in items }}{{ include \"partials/item.html\" }}{{ end }}</ul>"));
        using (site)
        {
            Assert.Equal("<main><ul><li>a &lt;b&gt;</li><li>c</li></ul></main>", Page(engine, "pages/list.html", new { Items = new[] { "a <b>", "c" } }));
        }
    }

    [Fact]
    public void A_page_and_its_layout_render_to_the_same_utf8_as_the_string_would_be()
    {
        // Literal astral characters (surrogate pairs) and accents in the template reach the buffer unescaped.
        var (site, engine, _) = Engine(
            ("pages/body.html", "{{ for w in words }}<p>\U0001F600 \u00e9{{ w }}</p>{{ end }}"),
            ("layouts/titled.html", "<main>{{ content }}</main><footer>{{ title }}</footer>"));
        using (site)
        {
            // Enough text to grow the pooled buffer several times over, with pairs and accents at every size.
            var words = Enumerable.Range(0, 40_000).Select(i => i % 7 == 0 ? $"Fran\u00e7oise \U0001F600 {i}" : $"w{i} <b>").ToArray();

            var bytes = engine.RenderPage("pages/body.html", new { Words = words }, "layouts/titled.html", body => new { Content = body, Title = "Z\u00fcrich" });

            var expected = "<main>" + string.Concat(words.Select(w => $"<p>\U0001F600 \u00e9{WebUtility.HtmlEncode(w)}</p>"))
                + "</main><footer>" + WebUtility.HtmlEncode("Z\u00fcrich") + "</footer>";
            Assert.NotNull(bytes);
            Assert.Equal(Encoding.UTF8.GetBytes(expected), bytes.Value.Span.ToArray());
        }
    }
}
