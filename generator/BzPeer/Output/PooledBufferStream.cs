namespace BzPeer.Output;

/// <summary>A write-only stream into a <see cref="PooledBuffer"/>, for writers that want a stream (XmlWriter).</summary>
internal sealed class PooledBufferStream(PooledBuffer buffer) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => buffer.Length;

    public override long Position
    {
        get => buffer.Length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] bytes, int offset, int count) => buffer.Write(bytes.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> bytes) => buffer.Write(bytes);

    public override void WriteByte(byte value) => buffer.Write([value]);

    public override void Flush()
    {
    }

    public override int Read(byte[] bytes, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
