namespace BzPeer.Graph.Layout;

/// <summary>
/// Settings of <see cref="ForceLayout"/>. The defaults are tuned for co-authorship-like
/// graphs (power-law degrees, a few large hubs such as popular topics).
/// </summary>
internal sealed record LayoutOptions
{
    /// <summary>Simulation steps; null picks a count from the graph size (see <see cref="IterationBudget"/>).</summary>
    public int? Iterations { get; init; }

    /// <summary>
    /// Optional cap on the estimated running time for huge graphs. It is turned into an
    /// iteration count by a fixed cost model of the node and edge counts, never by the
    /// wall clock, so the same graph always gets the same number of steps.
    /// </summary>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>Barnes–Hut opening angle: a quadtree cell seen under a smaller angle is treated as one body.</summary>
    public double Theta { get; init; } = 0.9;

    /// <summary>Strength of the repulsion between every pair of nodes (ForceAtlas2 "scaling ratio").</summary>
    public double Repulsion { get; init; } = 2.0;

    /// <summary>
    /// Pull of every node towards the origin, mass × distance × this; keeps disconnected components
    /// and isolated nodes close. Also sets the size of the drawing: its radius is about √(Repulsion · total mass / Gravity).
    /// </summary>
    public double Gravity { get; init; } = 1.0;

    /// <summary>
    /// Exponent applied to edge weights in the attraction (0 ignores weights, 1 is linear).
    /// Values other than 0 and 1 use <see cref="Math.Pow(double, double)"/>, whose last bit
    /// may differ between operating systems.
    /// </summary>
    public double EdgeWeightInfluence { get; init; } = 1.0;

    /// <summary>Multiplies the final positions (after the simulation, before rounding to one decimal).</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>Salt for the hash that places nodes initially; change it to get a different, still stable, drawing.</summary>
    public long Seed { get; init; }

    /// <summary>Upper bound on worker threads for the force computation (results do not depend on it).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    internal void Validate()
    {
        if (Iterations is < 0)
            throw new ArgumentOutOfRangeException(nameof(Iterations), Iterations, "must not be negative");
        if (TimeBudget is { } budget && budget < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(TimeBudget), budget, "must not be negative");
        RequireFinite(Theta, nameof(Theta), allowZero: true);
        RequireFinite(Repulsion, nameof(Repulsion), allowZero: false);
        RequireFinite(Gravity, nameof(Gravity), allowZero: true);
        RequireFinite(EdgeWeightInfluence, nameof(EdgeWeightInfluence), allowZero: true);
        RequireFinite(Scale, nameof(Scale), allowZero: false);
        if (MaxDegreeOfParallelism < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "must be at least 1");
    }

    private static void RequireFinite(double value, string name, bool allowZero)
    {
        if (!double.IsFinite(value) || value < 0 || (!allowZero && value == 0))
            throw new ArgumentOutOfRangeException(name, value, allowZero ? "must be finite and not negative" : "must be finite and positive");
    }
}
