using System.Text;
using BzPeer.Output;
using Scriban.Runtime;

namespace BzPeer.Rendering;

/// <summary>
/// Where a page is rendered: template output is encoded to UTF-8 as it is written, into a pooled buffer that
/// becomes the file (<see cref="Detach"/>). Scriban's <c>Template.Render</c> copies its output into a string
/// before returning it; that copy, the page's body copied into its layout, and the final encoding made each large
/// index page three full-size objects on the large-object heap. Here a page body is encoded once, the layout
/// copies its bytes in, and the layout's buffer is what is written to the file.
/// </summary>
internal sealed class PageBuffer(int capacity) : IScriptOutput
{
    private readonly PooledBuffer _bytes = new(capacity);
    // Stateful, so that a surrogate pair split across two writes still encodes as one character.
    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();

    public void Write(string text, int offset, int count) => Write(text.AsSpan(offset, count));

    public void Write(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        // UTF-8 needs at most three bytes per UTF-16 code unit, plus three for a pending half pair.
        var span = _bytes.GetSpan((text.Length + 1) * 3);
        _bytes.Advance(_encoder.GetBytes(text, span, flush: false));
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    /// <summary>Makes room for <paramref name="bytes"/> more bytes in one step (a layout about to take a large body).</summary>
    public void Reserve(int bytes) => _bytes.Reserve(bytes);

    /// <summary>Appends HTML that is already UTF-8 (a rendered page body).</summary>
    public void Append(ReadOnlySpan<byte> utf8)
    {
        Flush();
        _bytes.Write(utf8);
    }

    /// <summary>The text written so far, as UTF-8.</summary>
    public ReadOnlySpan<byte> Utf8
    {
        get
        {
            Flush();
            return _bytes.WrittenSpan;
        }
    }

    /// <summary>Empties the buffer for the next page.</summary>
    public void Clear()
    {
        _bytes.Clear();
        _encoder.Reset();
    }

    /// <summary>The page as a pooled file; the buffer is empty afterwards.</summary>
    public FileBytes Detach()
    {
        Flush();
        return _bytes.Detach();
    }

    /// <summary>Scriban's <c>Render</c> returns this: nothing, since the text is read from the buffer.</summary>
    public override string ToString() => string.Empty;

    private void Flush()
    {
        var span = _bytes.GetSpan(4);
        _bytes.Advance(_encoder.GetBytes([], span, flush: true));
    }
}
