namespace BzPeer.Bench.Corpus;

/// <summary>
/// SplitMix64: a tiny, fast generator whose sequence is fixed by its definition.
/// <see cref="System.Random"/> with a seed is only promised to be stable within one runtime
/// version, and the corpus must be byte-identical for the same seed on any machine and .NET.
/// </summary>
internal sealed class DeterministicRandom
{
    private ulong _state;

    public DeterministicRandom(ulong seed) => _state = seed;

    /// <summary>An independent stream for one concern, so adding draws in one place does not shift another.</summary>
    public DeterministicRandom Fork(string purpose)
    {
        ulong hash = 14695981039346656037UL; // FNV-1a over the purpose name
        foreach (char c in purpose)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return new DeterministicRandom(NextUInt64() ^ hash);
    }

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [minInclusive, maxExclusive).</summary>
    public int Next(int minInclusive, int maxExclusive)
    {
        if (maxExclusive <= minInclusive)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive));
        }
        ulong range = (ulong)(maxExclusive - minInclusive);
        return minInclusive + (int)(NextUInt64() % range); // modulo bias is negligible for these small ranges
    }

    public int Next(int maxExclusive) => Next(0, maxExclusive);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Pareto-distributed integer ≥ 1: P(X ≥ x) ≈ x^-alpha. Small alpha = heavier tail.</summary>
    public int NextPareto(double alpha, int cap)
    {
        double u = 1.0 - NextDouble(); // (0, 1]
        double x = Math.Pow(u, -1.0 / alpha);
        return (int)Math.Min(cap, Math.Floor(x));
    }

    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
