namespace BzPeer.Bench.Corpus;

/// <summary>Draws indexes with probability proportional to fixed weights (binary search over the running sum).</summary>
internal sealed class WeightedPicker
{
    private readonly double[] _cumulative;

    public WeightedPicker(IReadOnlyList<double> weights)
    {
        if (weights.Count == 0)
        {
            throw new ArgumentException("At least one weight is needed.", nameof(weights));
        }
        _cumulative = new double[weights.Count];
        double sum = 0;
        for (int i = 0; i < weights.Count; i++)
        {
            sum += weights[i];
            _cumulative[i] = sum;
        }
    }

    /// <summary>Weights falling off as rank^-exponent: a few items are picked very often, most rarely.</summary>
    public static WeightedPicker Zipf(int count, double exponent)
    {
        var weights = new double[count];
        for (int i = 0; i < count; i++)
        {
            weights[i] = Math.Pow(i + 1, -exponent);
        }
        return new WeightedPicker(weights);
    }

    public int Pick(DeterministicRandom random)
    {
        double target = random.NextDouble() * _cumulative[^1];
        int index = Array.BinarySearch(_cumulative, target);
        index = index < 0 ? ~index : index + 1; // first running sum strictly above the target
        return Math.Min(index, _cumulative.Length - 1);
    }

    public static T PickFrom<T>(DeterministicRandom random, IReadOnlyList<(T Value, double Weight)> table)
    {
        double total = 0;
        foreach (var entry in table)
        {
            total += entry.Weight;
        }
        double target = random.NextDouble() * total;
        foreach (var entry in table)
        {
            target -= entry.Weight;
            if (target < 0)
            {
                return entry.Value;
            }
        }
        return table[^1].Value;
    }
}
