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
}
