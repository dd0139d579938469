using BzPeer.Rendering;
using BzPeer.Tests.Bench;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Rendering;

/// <summary>
/// A rendered abstract keeps its plain text only when that is not simply its HTML's text: whichever way it is held,
/// <see cref="RenderedMarkdown.PlainText"/> must be what Markdig's plain-text rendering gives.
/// </summary>
public sealed class MarkdownPlainTextTests(SmallCorpusFixture corpus) : IClassFixture<SmallCorpusFixture>
{
    [Theory]
    [InlineData("We study *sparse* models with `code`, **bold** text and [a link](https://example.org/a).")]
    [InlineData("First paragraph.\n\nSecond paragraph with an autolink https://example.org/x and <https://example.org/y>.")]
    [InlineData("Ampersands & angle brackets < > and \"quotes\" stay as written: AT&T, 3 < 4.")]
    [InlineData("Non-ASCII: José Jiménez, Yılmaz, Ærø, 東京, emoji 🧪.")]
    public void Ordinary_text_is_made_from_the_html_and_matches_markdigs_plain_text(string markdown)
    {
        var rendered = MarkdownRenderer.Render(markdown);

        Assert.True(rendered.PlainTextFromHtml);
        Assert.Equal(MarkdigPlainText(markdown), rendered.PlainText);
    }

    [Theory]
    [InlineData("Interests:\n\n- Learned materials science\n- Embedded systems\n")]
    [InlineData("A claim.[^1]\n\n[^1]: The footnote.\n")]
    [InlineData("Euler: $e^{i\\pi} + 1 = 0$ holds.")]
    [InlineData("| a | b |\n|---|---|\n| 1 | 2 |\n")]
    [InlineData("```\ncode <b>block</b>\n```\n")]
    [InlineData("Line one  \nline two with a hard break.")]
    public void Any_text_reads_back_as_markdigs_plain_text_however_it_is_held(string markdown)
    {
        Assert.Equal(MarkdigPlainText(markdown), MarkdownRenderer.Render(markdown).PlainText);
    }

    [Fact]
    public void Real_and_generated_abstracts_read_back_exactly_and_nearly_all_are_made_from_their_html()
    {
        var bodies = new[] { Repo.Root, corpus.BzPeerSite }
            .SelectMany(site => Directory.EnumerateFiles(Path.Combine(site, "content", "publications"), "*.md"))
            .Select(f => File.ReadAllText(f).Split("\n---\n", 2)[1])
            .Where(b => b.Trim().Length > 0)
            .ToList();
        Assert.True(bodies.Count >= 900, $"{bodies.Count} abstracts");

        var derived = 0;
        foreach (var body in bodies)
        {
            var rendered = MarkdownRenderer.Render(body);
            Assert.Equal(MarkdigPlainText(body), rendered.PlainText);
            derived += rendered.PlainTextFromHtml ? 1 : 0;
        }

        Assert.True(derived * 10 >= bodies.Count * 9, $"{derived} of {bodies.Count} made from their HTML");
    }

    [Fact]
    public void Text_of_html_drops_tags_and_decodes_references()
    {
        var html = "<p>A <em>b</em> &amp; c &lt;d&gt; &quot;e&quot; <a href=\"https://x.org/?a=1&amp;b=2\">f</a></p>\n"u8;

        Assert.Equal("A b & c <d> \"e\" f", MarkdownRenderer.TextOfHtml(html));
    }

    /// <summary>What the renderer's plain text was before any of it was made from HTML: Markdig's own plain-text rendering.</summary>
    private static string MarkdigPlainText(string markdown)
    {
        var pipeline = (Markdig.MarkdownPipeline)typeof(MarkdownRenderer)
            .GetField("Pipeline", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!;
        var document = Markdig.Markdown.Parse(markdown, pipeline);
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString().Trim();
    }
}
