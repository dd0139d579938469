using System.Text;
using BzPeer.Rendering;

namespace BzPeer.Tests.Rendering;

public sealed class PageBufferTests
{
    [Fact]
    public void A_surrogate_pair_split_across_two_writes_is_one_character()
    {
        var buffer = new PageBuffer(8);
        var text = "a\U0001F600b";

        buffer.Write(text, 0, 2);   // "a" and the high surrogate
        buffer.Write(text, 2, 2);   // the low surrogate and "b"

        Assert.Equal(Encoding.UTF8.GetBytes(text), buffer.Detach().Span.ToArray());
    }

    [Fact]
    public void A_body_appended_into_a_layout_keeps_its_bytes_and_order()
    {
        var body = new PageBuffer(8);
        body.Write("<p>Zürich</p>");
        var page = new PageBuffer(8);
        page.Write("<main>");
        page.Append(body.Utf8);
        page.Write("</main>");

        Assert.Equal("<main><p>Zürich</p></main>", Encoding.UTF8.GetString(page.Detach().Span));
        Assert.Equal("<p>Zürich</p>", new RawHtml(body).Html);
    }

    [Fact]
    public void Clear_empties_the_buffer_and_a_pending_half_pair()
    {
        var buffer = new PageBuffer(8);
        buffer.Write("x\uD83D");
        buffer.Clear();
        buffer.Write("ok");

        Assert.Equal("ok", Encoding.UTF8.GetString(buffer.Detach().Span));
    }
}
