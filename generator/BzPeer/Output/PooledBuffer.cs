using System.Buffers;
using System.Numerics;

namespace BzPeer.Output;

/// <summary>
/// A growable byte buffer in arrays rented from <see cref="ArrayPool{T}.Shared"/>. <see cref="Detach"/> hands the
/// written bytes over as a pooled <see cref="FileBytes"/> (the output writer gives the array back once the file is
/// on disk) and starts the buffer afresh, so a file is rendered and written from the same array.
/// </summary>
internal sealed class PooledBuffer(int initialCapacity) : IBufferWriter<byte>
{
    /// <summary>
    /// Arrays up to 256 KiB (nearly every page, feed and slice) come from the shared pool. Bigger ones, the few large
    /// indexes and the steps a buffer grows through to reach them, come from a pool of their own that keeps one
    /// array per size up to 4 MiB: the shared pool keeps up to 32 arrays per size and core until memory runs
    /// short, and MB-sized ones kept that way showed in the large corpus's peak memory. Past 4 MiB, arrays are
    /// left to the GC: the few pages that big come first in a build (largest first), and a pool kept their 8 and
    /// 16 MiB arrays through the whole render (24 MB of the large corpus's live heap).
    /// </summary>
    private const int SharedPoolMaxBytes = 256 * 1024;

    private const int LargePoolMaxBytes = 4 * 1024 * 1024;

    /// <summary>A buffer doubles up to this size and grows by half after it; it keeps an array this size between files.</summary>
    private const int DoublingMaxBytes = 1024 * 1024;

    private static readonly ArrayPool<byte> LargeArrays = ArrayPool<byte>.Create(LargePoolMaxBytes, maxArraysPerBucket: 1);

    private byte[] _array = [];
    private int _length;

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _length);

    public static byte[] Rent(int minimumLength) =>
        minimumLength <= SharedPoolMaxBytes ? ArrayPool<byte>.Shared.Rent(minimumLength) : LargeArrays.Rent(minimumLength);

    /// <summary>Gives back an array from <see cref="Rent"/>; one too large for the pools (not a pooled size) is dropped.</summary>
    public static void Return(byte[] array)
    {
        if (array.Length == 0)
        {
            return;
        }

        if (array.Length <= SharedPoolMaxBytes)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
        else if (array.Length <= LargePoolMaxBytes && BitOperations.IsPow2(array.Length))
        {
            LargeArrays.Return(array);
        }
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _array.Length - _length);
        _length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsSpan(_length);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        _length += bytes.Length;
    }

    /// <summary>Empties the buffer, keeping its array unless a very large file grew it (that one goes back to its pool).</summary>
    public void Clear()
    {
        _length = 0;
        if (_array.Length > DoublingMaxBytes)
        {
            Return(_array);
            _array = [];
        }
    }

    /// <summary>The bytes written so far as a pooled file; the buffer is empty afterwards.</summary>
    public FileBytes Detach()
    {
        var file = _array.Length == 0 ? new FileBytes([], 0, pooled: false) : new FileBytes(_array, _length, pooled: true);
        _array = [];
        _length = 0;
        return file;
    }

    /// <summary>Makes room for at least <paramref name="sizeHint"/> more bytes (at least one).</summary>
    public void Reserve(int sizeHint)
    {
        var needed = _length + Math.Max(sizeHint, 1);
        if (needed <= _array.Length)
        {
            return;
        }

        // Doubling up to 1 MiB, then half as much again each time: an index page of 33 MB would otherwise sit in
        // a 64 MB array (twice: its body and its layout), at the moment the build's memory peaks.
        var grown = _array.Length < DoublingMaxBytes ? _array.Length * 2 : _array.Length + _array.Length / 2;
        var bigger = Rent(Math.Max(needed, Math.Max(initialCapacity, grown)));
        WrittenSpan.CopyTo(bigger);
        Return(_array);
        _array = bigger;
    }
}
