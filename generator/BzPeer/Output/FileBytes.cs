namespace BzPeer.Output;

/// <summary>
/// A rendered file's bytes: the first <see cref="Length"/> bytes of an array that may have been rented from the
/// shared pool (<see cref="PooledBuffer"/>). Whoever is done with a pooled file last gives the array back with
/// <see cref="Release"/>; one never given back is simply collected, so forgetting costs memory, not correctness.
/// </summary>
/// <remarks>
/// Pages, feeds and graph slices are rendered straight into pooled arrays and written from them: a build of
/// 200,000 files otherwise allocates every file twice (text, then bytes), and each file over 85 KB lands on the
/// large-object heap, whose budget the GC refills with a full, compacting collection of the whole heap.
/// </remarks>
public readonly struct FileBytes
{
    private readonly byte[] _array;

    public FileBytes(byte[] array, int length, bool pooled)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, array.Length);
        _array = array;
        Length = length;
        Pooled = pooled;
    }

    public int Length { get; }

    /// <summary>True when the array goes back to the pool once the file is written.</summary>
    public bool Pooled { get; }

    /// <summary>The array behind <see cref="Memory"/>, for <see cref="Release"/> by the last reader.</summary>
    internal byte[] Array => _array;

    public ReadOnlyMemory<byte> Memory => _array.AsMemory(0, Length);

    public ReadOnlySpan<byte> Span => _array.AsSpan(0, Length);

    public static implicit operator FileBytes(byte[] bytes) => new(bytes, bytes.Length, pooled: false);

    /// <summary>Bytes made elsewhere (assets, bibliographies): never pooled; null stays null.</summary>
    public static implicit operator FileBytes?(byte[]? bytes) => bytes is null ? null : (FileBytes?)new FileBytes(bytes, bytes.Length, pooled: false);

    /// <summary>The file as an array of its own; a pooled array is copied and given back.</summary>
    public byte[] ToArray()
    {
        if (!Pooled && Length == _array.Length)
        {
            return _array;
        }

        var copy = Span.ToArray();
        Release();
        return copy;
    }

    public void Release()
    {
        if (Pooled)
        {
            PooledBuffer.Return(_array);
        }
    }
}
