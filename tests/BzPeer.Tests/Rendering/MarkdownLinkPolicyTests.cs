using BzPeer.Rendering;

namespace BzPeer.Tests.Rendering;

public sealed class MarkdownLinkPolicyTests
{
    [Fact]
    public void Unsafe_autolink_becomes_its_text_not_an_empty_link()
    {
        var html = MarkdownRenderer.ToHtml("See <javascript:alert(1)> now.").Html;

        Assert.Equal("<p>See javascript:alert(1) now.</p>\n", html);
    }

    [Fact]
    public void Safe_autolink_stays_a_link()
    {
        var html = MarkdownRenderer.ToHtml("See <https://example.org/a> now.").Html;

        Assert.Equal("<p>See <a href=\"https://example.org/a\">https://example.org/a</a> now.</p>\n", html);
    }

    [Fact]
    public void Unsafe_link_keeps_its_text_and_loses_its_target()
    {
        var html = MarkdownRenderer.ToHtml("[click](javascript:alert(1))").Html;

        Assert.Equal("<p><a href=\"\">click</a></p>\n", html);
    }

    [Fact]
    public void Links_are_checked_wherever_they_sit_in_the_document()
    {
        // Every place a link can hide: a table cell, a list in a quote, a footnote, emphasis in a link's text, an
        // image inside emphasis. The walk that checks them visits blocks and inlines itself (not Markdig's iterators).
        var markdown = string.Join("\n", [
            "| a | b |",
            "|---|---|",
            "| [cell](javascript:cell) | <javascript:auto-cell> |",
            "",
            "> - item [quoted](vbscript:quoted)",
            ">   - deeper *[emphasised **bold [inner](javascript:inner)**](data:text/html,x)*",
            "",
            "Text with a note.[^n]",
            "",
            "[^n]: The note [links](javascript:note) and shows ![a picture](https://example.org/p.png).",
            "",
            "Fine: [safe](https://example.org/ok) and *![local](/img.png)*.",
        ]);

        var html = MarkdownRenderer.ToHtml(markdown).Html;

        foreach (var scheme in new[] { "javascript:", "vbscript:", "data:" })
        {
            Assert.DoesNotContain($"href=\"{scheme}", html, StringComparison.Ordinal);
        }

        Assert.Contains("<td>javascript:auto-cell</td>", html, StringComparison.Ordinal);
        // cell, quoted, inner, note: the outer data: brackets are text, since a link's text cannot hold a link.
        Assert.Equal(4, html.Split("href=\"\"").Length - 1);
        Assert.DoesNotContain("<img src=\"https://", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/p.png\">a picture</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/ok\">safe</a>", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"/img.png\" alt=\"local\" />", html, StringComparison.Ordinal);
    }
}
