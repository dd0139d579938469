namespace BzPeer.Common;

/// <summary>
/// Equality for two ints packed in a long (<c>a &lt;&lt; 32 | (uint)b</c>). long's own hash is
/// <c>low ^ high</c>, which for such pairs of small numbers collides constantly (every (a, b) with the same
/// a ^ b): counting co-author pairs went quadratic on large sites. This mixes the bits first.
/// </summary>
internal sealed class PackedPairComparer : IEqualityComparer<long>
{
    public static readonly PackedPairComparer Instance = new();

    public bool Equals(long x, long y) => x == y;

    public int GetHashCode(long value)
    {
        var h = (ulong)value * 0x9E3779B97F4A7C15UL;
        return (int)(h ^ (h >> 32));
    }
}
