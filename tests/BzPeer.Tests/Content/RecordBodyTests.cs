using BzPeer.Content;

namespace BzPeer.Tests.Content;

/// <summary>A record keeps its Markdown body as UTF-8 (<see cref="Utf8Text"/>); what it gives back and how records compare are unchanged.</summary>
public class RecordBodyTests
{
    // Extra is compared by reference, as before: the records share one.
    private static readonly Dictionary<string, object?> NoExtra = [];

    private static TopicRecord Topic(string body) => new("t", "content/topics/t.md", body, 5, NoExtra, "T");

    [Theory]
    [InlineData("")]
    [InlineData("Plain *Markdown* with `code`.\n\nA second paragraph.\n")]
    [InlineData("Zoë Çelik, 王秀英, 山田 太郎: naïve café 🙂 \u0000 after a NUL")]
    public void The_body_reads_back_as_written(string body) => Assert.Equal(body, Topic(body).Body);

    [Fact]
    public void Records_compare_by_their_body_text_and_with_replaces_it()
    {
        var a = Topic("Über *graphs*.");
        Assert.Equal(a, Topic("Über *graphs*."));
        Assert.Equal(a.GetHashCode(), Topic("Über *graphs*.").GetHashCode());
        Assert.NotEqual(a, Topic("Uber *graphs*."));

        var edited = a with { Body = "Edited." };
        Assert.Equal("Edited.", edited.Body);
        Assert.Equal("Über *graphs*.", a.Body);
        Assert.NotEqual(a, edited);
    }
}
