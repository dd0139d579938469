using BzPeer.Graph.Layout;

namespace BzPeer.Tests.Graph;

/// <summary>
/// A made-up but realistic research graph: publications with about four authors drawn by
/// preferential attachment (so productivity follows a power law) and partly from the first
/// author's earlier co-authors (so groups form), one to four topics of Zipf popularity, and one
/// institution per author. Edges: authored, coauthor (weighted by shared works), about, affiliated.
/// Seeded, so every run builds the same graph. Shared with bench/BzPeer.Bench.Layout.
/// </summary>
internal sealed class SyntheticScholarGraph
{
    public required string[] NodeIds { get; init; }
    public required List<LayoutEdge> Edges { get; init; }

    /// <summary>Builds a graph of about <paramref name="nodeCount"/> nodes.</summary>
    public static SyntheticScholarGraph Generate(int nodeCount, int seed = 42)
    {
        var random = new Random(seed);
        int publications = Math.Max(1, nodeCount * 45 / 100);
        int topics = Math.Max(1, nodeCount / 200);
        int institutions = Math.Max(1, nodeCount * 4 / 100);
        int authorsWanted = Math.Max(1, nodeCount - publications - topics - institutions);

        var ids = new List<string>(nodeCount);
        for (int t = 0; t < topics; t++) ids.Add($"t:topic-{t:D5}");
        for (int i = 0; i < institutions; i++) ids.Add($"i:inst-{i:D5}");
        int firstPublication = ids.Count;
        for (int p = 0; p < publications; p++) ids.Add($"p:pub-{p:D6}");
        int firstAuthor = ids.Count;

        var edges = new List<LayoutEdge>();
        var authorSlots = new List<int>();             // one entry per authorship: preferential attachment
        var coauthors = new List<List<int>>();          // per author (0-based), earlier co-authors
        var coauthorWeight = new Dictionary<long, int>();
        int authorCount = 0;

        int NewAuthor()
        {
            int a = authorCount++;
            coauthors.Add([]);
            return a;
        }

        for (int p = 0; p < publications; p++)
        {
            int publication = firstPublication + p;
            int size = AuthorCount(random);
            var team = new List<int>(size);
            while (team.Count < size)
            {
                int candidate;
                bool mayCreate = authorCount < authorsWanted;
                if (team.Count > 0 && random.NextDouble() < 0.5 && coauthors[team[0]].Count > 0)
                    candidate = coauthors[team[0]][random.Next(coauthors[team[0]].Count)];
                else if (authorSlots.Count == 0 || (mayCreate && random.NextDouble() < 0.45))
                    candidate = NewAuthor();
                else
                    candidate = authorSlots[random.Next(authorSlots.Count)];
                if (!team.Contains(candidate))
                    team.Add(candidate);
                else if (!mayCreate && team.Count >= Math.Min(size, authorCount))
                    break;
            }
            foreach (int a in team)
            {
                authorSlots.Add(a);
                edges.Add(new LayoutEdge(firstAuthor + a, publication));
            }
            for (int i = 0; i < team.Count; i++)
                for (int j = i + 1; j < team.Count; j++)
                {
                    int a = Math.Min(team[i], team[j]), b = Math.Max(team[i], team[j]);
                    long key = ((long)a << 32) | (uint)b;
                    if (coauthorWeight.TryGetValue(key, out int w))
                        coauthorWeight[key] = w + 1;
                    else
                    {
                        coauthorWeight[key] = 1;
                        coauthors[a].Add(b);
                        coauthors[b].Add(a);
                    }
                }
            int topicCount = 1 + random.Next(4);
            var chosen = new HashSet<int>();
            for (int k = 0; k < topicCount; k++)
                chosen.Add(Zipf(random, topics));
            foreach (int t in chosen.Order())
                edges.Add(new LayoutEdge(publication, t));
        }

        for (int a = 0; a < authorCount; a++)
        {
            ids.Add($"r:author-{a:D6}");
            edges.Add(new LayoutEdge(firstAuthor + a, topics + Zipf(random, institutions)));
        }
        foreach (var (key, weight) in coauthorWeight.OrderBy(pair => pair.Key))
            edges.Add(new LayoutEdge(firstAuthor + (int)(key >> 32), firstAuthor + (int)(key & 0xFFFFFFFF), weight));
        return new SyntheticScholarGraph { NodeIds = [.. ids], Edges = edges };
    }

    /// <summary>1 to 8 authors, mean about four.</summary>
    private static int AuthorCount(Random random)
    {
        double u = random.NextDouble();
        return u switch { < 0.08 => 1, < 0.22 => 2, < 0.42 => 3, < 0.62 => 4, < 0.77 => 5, < 0.88 => 6, < 0.95 => 7, _ => 8 };
    }

    /// <summary>An index in 0..count-1 with probability proportional to 1 / (index + 1).</summary>
    private static int Zipf(Random random, int count)
    {
        // Inverse of the continuous approximation: rank ≈ (count + 1)^u − 1.
        double rank = Math.Pow(count + 1, random.NextDouble()) - 1;
        return Math.Min(count - 1, (int)rank);
    }
}
