using System.Text.Json;

namespace BzPeer.BrowserTests;

/// <summary>
/// Writes a deterministic full graph (docs/graph-json.md, version 1) of the
/// size the explorer must handle: 60,000 nodes and about 250,000 edges, laid
/// out in topic clusters the way a build-time force layout would group them.
/// One known researcher, r:ada-lovelace ("Ada Lovelace"), gives tests a node
/// to search for.
/// </summary>
internal static class LargeGraph
{
    public static readonly string[] NodeKinds = ["researcher", "external", "publication", "topic", "institution"];
    public static readonly string[] EdgeKinds = ["authored", "coauthor", "about", "affiliated"];

    private const int Authored = 0, Coauthor = 1, About = 2, Affiliated = 3;

    /// <summary>What was written, for assertions.</summary>
    internal sealed record Summary(int NodeCount, int EdgeCount, IReadOnlyDictionary<string, int> NodesByKind, int AdaDegree);

    public static Summary Write(string path, int researchers = 6_000, int externals = 12_000, int publications = 37_000, int topics = 2_000, int institutions = 3_000)
    {
        var random = new SplitMix64(20_260_101);
        var nodes = new List<Node>(researchers + externals + publications + topics + institutions);

        // Fields spread over a disc, topics cluster around a field, and
        // everything else around a topic: the clumpy look of a force layout.
        var fields = new (double X, double Y)[48];
        for (var f = 0; f < fields.Length; f++)
        {
            var angle = random.NextDouble() * Math.Tau;
            var radius = 1000 * Math.Sqrt(random.NextDouble());
            fields[f] = (radius * Math.Cos(angle), radius * Math.Sin(angle));
        }

        var topicPos = new (double X, double Y)[topics];
        for (var t = 0; t < topics; t++)
        {
            topicPos[t] = Near(random, fields[random.Next(fields.Length)], 70);
            nodes.Add(new Node($"t:topic-{t:D5}", 3, $"Topic {Names.Topic(t)}", $"topics/topic-{t:D5}/", topicPos[t].X, topicPos[t].Y));
        }

        var homeTopic = new int[researchers];
        var researchersByTopic = new List<int>[topics];
        for (var t = 0; t < topics; t++)
        {
            researchersByTopic[t] = [];
        }

        for (var r = 0; r < researchers; r++)
        {
            homeTopic[r] = random.Next(topics);
            researchersByTopic[homeTopic[r]].Add(r);
            var (x, y) = Near(random, topicPos[homeTopic[r]], 18);
            var (id, label) = r == 0 ? ("ada-lovelace", "Ada Lovelace") : ($"researcher-{r:D5}", Names.Person(r));
            nodes.Add(new Node($"r:{id}", 0, label, $"researchers/{id}/", x, y));
        }

        var externalHome = new int[externals];
        for (var x = 0; x < externals; x++)
        {
            externalHome[x] = random.Next(topics);
            var (px, py) = Near(random, topicPos[externalHome[x]], 25);
            nodes.Add(new Node($"x:external-{x:D5}", 1, Names.Person(researchers + x), "", px, py));
        }

        for (var i = 0; i < institutions; i++)
        {
            var (x, y) = Near(random, topicPos[random.Next(topics)], 40);
            nodes.Add(new Node($"i:institution-{i:D5}", 4, $"Institute {Names.Topic(i + topics)}", $"institutions/institution-{i:D5}/", x, y));
        }

        // Edges are recorded against the entity numbers first, then mapped to
        // node indexes once the node list is sorted as the format requires.
        var edges = new List<(string A, string B, int Kind)>();
        var coauthors = new Dictionary<(string, string), int>();
        for (var p = 0; p < publications; p++)
        {
            var topic = random.Next(topics);
            var (x, y) = Near(random, topicPos[topic], 15);
            var pubId = $"p:publication-{p:D5}";
            nodes.Add(new Node(pubId, 2, $"On {Names.Topic(topic)} and {Names.Topic(random.Next(topics))} ({1990 + (p % 35)})", $"publications/publication-{p:D5}/", x, y));

            edges.Add((pubId, $"t:topic-{topic:D5}", About));
            if (random.NextDouble() < 0.5)
            {
                var second = random.Next(topics);
                if (second != topic)
                {
                    edges.Add((pubId, $"t:topic-{second:D5}", About));
                }
            }

            var authorCount = 2 + random.Next(4);
            var authors = new SortedSet<string>(StringComparer.Ordinal);
            for (var a = 0; a < authorCount; a++)
            {
                var local = researchersByTopic[topic];
                if (random.NextDouble() < 0.6)
                {
                    var r = local.Count > 0 && random.NextDouble() < 0.7 ? local[random.Next(local.Count)] : random.Next(researchers);
                    authors.Add(r == 0 ? "r:ada-lovelace" : $"r:researcher-{r:D5}");
                }
                else
                {
                    authors.Add($"x:external-{random.Next(externals):D5}");
                }
            }

            foreach (var author in authors)
            {
                edges.Add((author, pubId, Authored));
            }

            var people = authors.Where(a => a.StartsWith("r:", StringComparison.Ordinal)).ToArray();
            for (var i = 0; i < people.Length; i++)
            {
                for (var j = i + 1; j < people.Length; j++)
                {
                    var key = (people[i], people[j]);
                    coauthors[key] = coauthors.GetValueOrDefault(key) + 1;
                }
            }
        }

        for (var r = 0; r < researchers; r++)
        {
            var id = r == 0 ? "r:ada-lovelace" : $"r:researcher-{r:D5}";
            var first = random.Next(institutions);
            edges.Add((id, $"i:institution-{first:D5}", Affiliated));
            if (random.NextDouble() < 0.3)
            {
                var second = random.Next(institutions);
                if (second != first)
                {
                    edges.Add((id, $"i:institution-{second:D5}", Affiliated));
                }
            }
        }

        nodes.Sort((a, b) => a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : string.CompareOrdinal(a.Id, b.Id));
        var index = new Dictionary<string, int>(nodes.Count, StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            index[nodes[i].Id] = i;
        }

        var indexed = new List<(int Source, int Target, int Kind, int Weight)>(edges.Count + coauthors.Count);
        foreach (var (a, b, kind) in edges)
        {
            indexed.Add(Ordered(index[a], index[b], kind, 1));
        }

        foreach (var ((a, b), shared) in coauthors)
        {
            indexed.Add(Ordered(index[a], index[b], Coauthor, shared));
        }

        indexed = indexed.Distinct().OrderBy(e => e.Source).ThenBy(e => e.Target).ThenBy(e => e.Kind).ToList();
        var degree = new int[nodes.Count];
        foreach (var e in indexed)
        {
            degree[e.Source]++;
            degree[e.Target]++;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var stream = File.Create(path))
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteString("kind", "full");
            WriteStrings(json, "node_kinds", NodeKinds);
            WriteStrings(json, "edge_kinds", EdgeKinds);
            json.WriteStartArray("nodes");
            for (var i = 0; i < nodes.Count; i++)
            {
                var n = nodes[i];
                json.WriteStartArray();
                json.WriteStringValue(n.Id);
                json.WriteNumberValue(n.Kind);
                json.WriteStringValue(n.Label);
                json.WriteStringValue(n.Url);
                json.WriteNumberValue(Math.Round(n.X, 1));
                json.WriteNumberValue(Math.Round(n.Y, 1));
                json.WriteNumberValue(degree[i]);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStartArray("edges");
            foreach (var e in indexed)
            {
                json.WriteStartArray();
                json.WriteNumberValue(e.Source);
                json.WriteNumberValue(e.Target);
                json.WriteNumberValue(e.Kind);
                json.WriteNumberValue(e.Weight);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        var byKind = NodeKinds
            .Select((name, k) => (name, count: nodes.Count(n => n.Kind == k)))
            .ToDictionary(x => x.name, x => x.count, StringComparer.Ordinal);
        return new Summary(nodes.Count, indexed.Count, byKind, degree[index["r:ada-lovelace"]]);
    }

    private static (int, int, int, int) Ordered(int a, int b, int kind, int weight) =>
        a < b ? (a, b, kind, weight) : (b, a, kind, weight);

    private static (double X, double Y) Near(SplitMix64 random, (double X, double Y) centre, double spread)
    {
        // Box-Muller: a Gaussian cloud looks like a laid-out cluster.
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        var r = spread * Math.Sqrt(-2 * Math.Log(u));
        return (centre.X + r * Math.Cos(Math.Tau * v), centre.Y + r * Math.Sin(Math.Tau * v));
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private sealed record Node(string Id, int Kind, string Label, string Url, double X, double Y);

    /// <summary>A tiny seeded generator, so the graph is the same on every machine and runtime.</summary>
    private sealed class SplitMix64(ulong seed)
    {
        private ulong state = seed;

        public ulong NextUInt64()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);
    }

    /// <summary>Readable made-up names from syllables, so labels look like real ones.</summary>
    private static class Names
    {
        private static readonly string[] Given = ["Amara", "Bruno", "Chen", "Dalia", "Emil", "Farah", "Goran", "Hana", "Ivo", "Jun", "Kofi", "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Vera", "Wei", "Yara", "Zoltan"];
        private static readonly string[] Family = ["Abe", "Baptiste", "Castro", "Dubois", "Eriksen", "Fischer", "Gupta", "Haddad", "Ivanova", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quispe", "Rossi", "Silva", "Tanaka", "Urquhart", "Varga", "Weber", "Yilmaz", "Zhou"];
        private static readonly string[] Syllables = ["cache", "graph", "neural", "quantum", "sparse", "robust", "signal", "protein", "climate", "compiler", "memory", "vision", "speech", "market", "network", "theory"];

        public static string Person(int n) =>
            $"{Given[n % Given.Length]} {Family[n / Given.Length % Family.Length]}-{Family[n / (Given.Length * Family.Length) % Family.Length]}";

        public static string Topic(int n) =>
            $"{Syllables[n % Syllables.Length]} {Syllables[n / Syllables.Length % Syllables.Length]} {n / (Syllables.Length * Syllables.Length)}";
    }
}
