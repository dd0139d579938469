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
}
