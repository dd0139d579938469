using System.Text;
using BzPeer.Content;
using BzPeer.Rendering;

namespace BzPeer.Tests.Rendering;

/// <summary>
/// A thread keeps the last record body it parsed, so that a work's page parses its abstract once for the plain
/// text and the HTML. The record is the key: a replaced record (serve) or another record must never get its output.
/// </summary>
public sealed class RecordMarkdownTests
{
    private static TopicRecord Topic(string body) =>
        new("t", "content/topics/t.md", body, 1, new Dictionary<string, object?>(), "T");

    [Fact]
    public void Plain_text_then_html_of_one_record_agree_with_the_markdown()
    {
        var record = Topic("We study *sparse* models & [links](https://example.org/a).");
        Assert.Equal("We study sparse models & links.", MarkdownRenderer.ToPlainText(record));
        Assert.Equal("<p>We study <em>sparse</em> models &amp; <a href=\"https://example.org/a\">links</a>.</p>\n",
            Encoding.UTF8.GetString(MarkdownRenderer.HtmlBytes(record)));
        Assert.Equal(MarkdownRenderer.HtmlBytes(record.Body), MarkdownRenderer.HtmlBytes(record));
    }

    [Fact]
    public void A_replaced_record_is_parsed_anew()
    {
        var first = Topic("*one*");
        Assert.Equal("one", MarkdownRenderer.ToPlainText(first));
        var edited = first with { Body = "*two*" };
        Assert.Equal("two", MarkdownRenderer.ToPlainText(edited));
        Assert.Equal("<p><em>two</em></p>\n", Encoding.UTF8.GetString(MarkdownRenderer.HtmlBytes(edited)));
        Assert.Equal("<p><em>one</em></p>\n", Encoding.UTF8.GetString(MarkdownRenderer.HtmlBytes(first)));
    }

    [Fact]
    public void Many_records_in_turn_each_get_their_own_text()
    {
        var records = Enumerable.Range(0, 150).Select(i => Topic($"Record *{i}*")).ToList();
        foreach (var order in new[] { records, records, Enumerable.Reverse(records).ToList() })
        {
            foreach (var record in order)
            {
                var i = records.IndexOf(record);
                Assert.Equal($"Record {i}", MarkdownRenderer.ToPlainText(record));
                Assert.Equal($"<p>Record <em>{i}</em></p>\n", Encoding.UTF8.GetString(MarkdownRenderer.HtmlBytes(record)));
            }
        }
    }

    [Fact]
    public void Records_kept_in_a_scope_and_records_beyond_its_capacity_each_get_their_own_text()
    {
        var records = Enumerable.Range(0, 5).Select(i => Topic($"Kept *{i}*")).ToList();
        using (MarkdownRenderer.KeepDocuments(capacity: 3))
        {
            foreach (var order in new[] { records, Enumerable.Reverse(records).ToList(), records })
            {
                foreach (var record in order)
                {
                    var i = records.IndexOf(record);
                    Assert.Equal($"<p>Kept <em>{i}</em></p>\n", Encoding.UTF8.GetString(MarkdownRenderer.HtmlBytes(record)));
                    Assert.Equal($"Kept {i}", MarkdownRenderer.ToPlainText(record));
                }
            }

            var edited = records[0] with { Body = "*edited*" };
            Assert.Equal("edited", MarkdownRenderer.ToPlainText(edited));
            Assert.Equal("Kept 0", MarkdownRenderer.ToPlainText(records[0]));
        }

        Assert.Equal("Kept 4", MarkdownRenderer.ToPlainText(records[4]));
    }

    [Fact]
    public void Kept_document_scopes_do_not_nest_and_one_may_follow_another()
    {
        using (MarkdownRenderer.KeepDocuments(capacity: 2))
        {
            Assert.Throws<InvalidOperationException>(() => MarkdownRenderer.KeepDocuments(capacity: 2));
        }

        using (MarkdownRenderer.KeepDocuments(capacity: 2))
        {
            Assert.Equal("again", MarkdownRenderer.ToPlainText(Topic("*again*")));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => MarkdownRenderer.KeepDocuments(capacity: 0));

        // The default scope keeps nothing and ends nothing.
        using (default(MarkdownRenderer.KeptDocuments))
        {
            Assert.Equal("none", MarkdownRenderer.ToPlainText(Topic("*none*")));
        }
    }

    [Fact]
    public void Blank_and_missing_bodies_render_nothing()
    {
        Assert.Empty(MarkdownRenderer.HtmlBytes(Topic("  \n")));
        Assert.Equal("", MarkdownRenderer.ToPlainText(Topic("")));
        Assert.Empty(MarkdownRenderer.HtmlBytes((ContentRecord?)null));
        Assert.True(MarkdownRenderer.ToHtml((ContentRecord?)null).IsEmpty);
    }

    [Fact]
    public void An_unsafe_link_loses_its_target_on_both_paths()
    {
        var record = Topic("[click](javascript:alert(1)) and <javascript:alert(2)>");
        var html = Encoding.UTF8.GetString(MarkdownRenderer.HtmlBytes(record));
        Assert.DoesNotContain("javascript:alert(1)\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.Ordinal);
        Assert.Equal("click and javascript:alert(2)", MarkdownRenderer.ToPlainText(record));
    }
}
