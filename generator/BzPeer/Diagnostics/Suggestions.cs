namespace BzPeer.Diagnostics;

/// <summary>"Did you mean …?" for unknown ids and keys: the closest candidate by edit distance, if close enough.</summary>
public static class Suggestions
{
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        // Allow roughly one typo per four characters, at least two.
        var limit = Math.Max(2, input.Length / 4);
        foreach (var candidate in candidates)
        {
            var distance = Distance(input, candidate, limit);
            if (distance < bestDistance || (distance == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= limit ? best : null;
    }

    public static string DidYouMean(string input, IEnumerable<string> candidates)
    {
        var closest = Closest(input, candidates);
        return closest is null ? "" : $"Did you mean '{closest}'?";
    }

    /// <summary>Levenshtein distance, giving up early (returning limit+1) once it exceeds <paramref name="limit"/>.</summary>
    internal static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
