using System.Text;
using Scriban.Runtime;

namespace BzPeer.Rendering;

/// <summary>
/// Where a page is rendered: a reusable character buffer that is encoded straight to UTF-8 at the end. Scriban's
/// <c>Template.Render</c> copies its output into a string before returning it; that copy (and the page's body
/// copied again into its layout) made each large index page three full-size objects on the large-object heap.
/// Here the body stays in its buffer, the layout copies it in chunk by chunk, and only the final bytes are allocated.
/// </summary>
internal sealed class PageBuffer(int capacity) : IScriptOutput
{
    public StringBuilder Builder { get; } = new(capacity);

    public void Write(string text, int offset, int count) => Builder.Append(text, offset, count);

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    /// <summary>Appends another buffer's text without making a string of it.</summary>
    public void Append(StringBuilder text)
    {
        foreach (var chunk in text.GetChunks())
        {
            Builder.Append(chunk.Span);
        }
    }

    /// <summary>The page as UTF-8, in one exactly sized array.</summary>
    public byte[] ToUtf8()
    {
        // Counting chunk by chunk is exact except where a chunk boundary splits a surrogate pair, which counts
        // high; the stateful encoder below then writes fewer bytes and the array is trimmed.
        var count = 0;
        foreach (var chunk in Builder.GetChunks())
        {
            count += Encoding.UTF8.GetByteCount(chunk.Span);
        }

        var bytes = GC.AllocateUninitializedArray<byte>(count);
        var encoder = Encoding.UTF8.GetEncoder();
        var written = 0;
        foreach (var chunk in Builder.GetChunks())
        {
            written += encoder.GetBytes(chunk.Span, bytes.AsSpan(written), flush: false);
        }

        written += encoder.GetBytes([], bytes.AsSpan(written), flush: true);
        return written == bytes.Length ? bytes : bytes[..written];
    }

    /// <summary>Scriban's <c>Render</c> returns this: nothing, since the text is read from <see cref="Builder"/>.</summary>
    public override string ToString() => string.Empty;
}
