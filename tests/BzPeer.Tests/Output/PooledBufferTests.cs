using System.Runtime.InteropServices;
using BzPeer.Output;

namespace BzPeer.Tests.Output;

public sealed class PooledBufferTests
{
    [Fact]
    public void Detach_hands_over_exactly_what_was_written_and_the_buffer_starts_empty()
    {
        var buffer = new PooledBuffer(16);
        var first = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();
        buffer.Write(first);

        var file = buffer.Detach();
        buffer.Write([1, 2, 3]);
        var second = buffer.Detach();

        Assert.True(file.Pooled);
        Assert.Equal(first, file.Span.ToArray());
        Assert.Equal(new byte[] { 1, 2, 3 }, second.Span.ToArray());
        Assert.NotSame(file.Array, second.Array);
        Assert.Equal(first, file.ToArray());
    }

    [Fact]
    public void An_empty_buffer_detaches_to_an_empty_file_that_is_not_pooled()
    {
        var file = new PooledBuffer(16).Detach();

        Assert.Equal(0, file.Length);
        Assert.False(file.Pooled);
        Assert.Empty(file.ToArray());
    }

    [Fact]
    public void Clear_keeps_a_small_array_but_lets_a_very_large_one_go()
    {
        var buffer = new PooledBuffer(16);
        buffer.Write(new byte[100]);
        Assert.True(MemoryMarshal.TryGetArray<byte>(buffer.GetMemory(), out var before));
        buffer.Clear();
        Assert.Equal(0, buffer.Length);
        Assert.True(MemoryMarshal.TryGetArray<byte>(buffer.GetMemory(), out var after));
        Assert.Same(before.Array, after.Array);
        Assert.Equal(0, after.Offset);

        buffer.Write(new byte[3 << 20]);
        buffer.Clear();
        Assert.True(buffer.GetMemory().Length < 3 << 20);
    }

    [Fact]
    public void Bytes_that_were_never_pooled_are_their_own_array()
    {
        byte[] bytes = [7, 8, 9];
        FileBytes file = bytes;

        Assert.False(file.Pooled);
        Assert.Same(bytes, file.ToArray());
    }
}
