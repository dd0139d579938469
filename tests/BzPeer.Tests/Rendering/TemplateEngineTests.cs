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

    private sealed record Person(string Name);

    [Fact]
    public void A_cached_include_renders_once_per_key_and_copies_the_first_rendering_in_after_that()
    {
        // `n` is not a key, so a call that hits the cache shows the n of the call that rendered it.
        var (site, engine, _) = Engine(
            ("partials/item.html", "<li>{{ item }}:{{ n }}</li>"),
            ("pages/list.html", "<ul>{{ for item in items }}{{ n = for.index }}{{ include_cached \"partials/item.html\" item }}{{ end }}</ul>"));
        using (site)
        {
            // Equal strings are one key whatever the instance; escaping happens once, when the partial renders.
            var items = new[] { "a <b>", "c", new string("a <b>".ToCharArray()), "c" };
            Assert.Equal("<main><ul><li>a &lt;b&gt;:0</li><li>c:1</li><li>a &lt;b&gt;:0</li><li>c:1</li></ul></main>", Page(engine, "pages/list.html", new { Items = items }));

            // The cache outlives the page (it serves the whole build) until it is emptied, as serve does after an edit.
            Assert.Equal("<main><ul><li>c:1</li></ul></main>", Page(engine, "pages/list.html", new { Items = new[] { "c" } }));
            engine.ForgetCachedIncludes();
            Assert.Equal("<main><ul><li>c:0</li></ul></main>", Page(engine, "pages/list.html", new { Items = new[] { "c" } }));
        }
    }

    [Fact]
    public void Views_are_cached_by_identity_and_every_key_counts()
    {
        var (site, engine, _) = Engine(
            ("partials/item.html", "<li>{{ item.name }}{{ if compact }}!{{ end }}:{{ n }}</li>"),
            ("pages/list.html", "{{ for item in items }}{{ n = for.index; compact = n > 2 }}{{ include_cached \"partials/item.html\" item compact }}{{ end }}"));
        using (site)
        {
            var ada = new Person("Ada");
            // Two value-equal records are two keys; the same instance again is a hit until `compact` differs.
            var items = new[] { ada, new Person("Ada"), ada, ada, ada };
            Assert.Equal("<main><li>Ada:0</li><li>Ada:1</li><li>Ada:0</li><li>Ada!:3</li><li>Ada!:3</li></main>", Page(engine, "pages/list.html", new { Items = items }));
        }
    }

    [Fact]
    public void A_cached_include_is_the_same_at_every_call_site_and_inside_a_capture()
    {
        var (site, engine, _) = Engine(
            ("partials/item.html", "<li>\n  <b>{{ $1 }}</b>\n</li>"),
            ("pages/list.html", "<ul>\n  {{ include_cached \"partials/item.html\" \"a\" }}\n      {{ include_cached \"partials/item.html\" \"a\" }}\n{{ capture x }}{{ include_cached \"partials/item.html\" \"a\" }}{{ end }}{{ x == \"<li>\\n  <b>a</b>\\n</li>\" }}\n</ul>"));
        using (site)
        {
            // Not re-indented to the call's column (that would make the bytes differ per call site).
            Assert.Equal("<main><ul>\n  <li>\n  <b>a</b>\n</li>\n      <li>\n  <b>a</b>\n</li>\ntrue\n</ul></main>", Page(engine, "pages/list.html", new { }));
        }
    }

    [Fact]
    public void A_cached_include_without_keys_or_with_a_failing_partial_fails_the_page_and_the_next_page_is_whole()
    {
        var (site, engine, diagnostics) = Engine(
            ("partials/bad.html", "<li>half {{ nmae }}</li>"),
            ("pages/nokey.html", "{{ include_cached \"partials/bad.html\" }}"),
            ("pages/bad.html", "<ul>{{ include_cached \"partials/bad.html\" 1 }}</ul>"),
            ("pages/good.html", "<p>{{ name }}</p>"));
        using (site)
        {
            Assert.Null(Page(engine, "pages/nokey.html", new { }));
            Assert.Contains(diagnostics.Sorted(), d => d.Message.Contains("at least one key", StringComparison.Ordinal));
            Assert.Null(Page(engine, "pages/bad.html", new { }));
            Assert.Contains(diagnostics.Sorted(), d => d.Code == "BZP302" && d.Location.Path.EndsWith("partials/bad.html", StringComparison.Ordinal));
            Assert.Equal("<main><p>Ada</p></main>", Page(engine, "pages/good.html", new { Name = "Ada" }));
            // Nothing was cached from the failed rendering.
            Assert.Null(Page(engine, "pages/bad.html", new { }));
        }
    }
}
