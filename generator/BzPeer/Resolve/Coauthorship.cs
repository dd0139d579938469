using BzPeer.Model;

namespace BzPeer.Resolve;

/// <summary>Counts shared works for every pair of co-authors and fills each author's co-author list.</summary>
internal static class Coauthorship
{
    public static IReadOnlyList<Edge> Compute(IReadOnlyList<Publication> publications, int maxAuthors)
    {
        var index = new Dictionary<Author, int>();
        var authors = new List<Author>();
        var counts = new Dictionary<long, int>(Common.PackedPairComparer.Instance);
        foreach (var publication in publications)
        {
            var list = publication.Authors;
            if (list.Count < 2 || list.Count > maxAuthors)
            {
                continue;
            }

            for (var i = 0; i < list.Count; i++)
            {
                var a = IndexOf(list[i]);
                for (var j = i + 1; j < list.Count; j++)
                {
                    var b = IndexOf(list[j]);
                    var pair = a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
                    System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, pair, out _)++;
                }
            }
        }

        // Edges are ordered by their ends' node ids. Ranking the authors by id once lets the edges (a million on a
        // large site) sort by one packed integer each instead of by two string comparisons per comparison.
        var rank = new int[authors.Count];
        var byId = Enumerable.Range(0, authors.Count).ToArray();
        Array.Sort(byId, (x, y) => string.CompareOrdinal(authors[x].NodeId, authors[y].NodeId));
        for (var r = 0; r < byId.Length; r++)
        {
            rank[byId[r]] = r;
        }

        // Each list gets its exact size up front: grown by doubling, a large site's lists held ~30% unused slots.
        var degree = new int[authors.Count];
        foreach (var pair in counts.Keys)
        {
            degree[(int)(pair >> 32)]++;
            degree[(int)(pair & 0xFFFFFFFF)]++;
        }

        for (var i = 0; i < authors.Count; i++)
        {
            authors[i].CoauthorsList.Capacity = degree[i];
        }

        var keys = new long[counts.Count];
        var edges = new Edge[counts.Count];
        var e = 0;
        foreach (var (pair, shared) in counts)
        {
            int x = (int)(pair >> 32), y = (int)(pair & 0xFFFFFFFF);
            var (a, b) = (authors[x], authors[y]);
            a.CoauthorsList.Add(new Collaboration(b, shared));
            b.CoauthorsList.Add(new Collaboration(a, shared));
            var (from, to) = rank[x] < rank[y] ? (x, y) : (y, x);
            keys[e] = ((long)rank[from] << 32) | (uint)rank[to];
            edges[e++] = new Edge(EdgeKind.Coauthor, authors[from], authors[to], shared);
        }

        Array.Sort(keys, edges);

        // Each author's list is its own: sort them on every core.
        Parallel.ForEach(authors, author => author.CoauthorsList.Sort(static (x, y) =>
        {
            var byShared = y.SharedWorks.CompareTo(x.SharedWorks);
            if (byShared != 0)
            {
                return byShared;
            }

            var byName = string.CompareOrdinal(x.Author.Name, y.Author.Name);
            return byName != 0 ? byName : string.CompareOrdinal(x.Author.NodeId, y.Author.NodeId);
        }));
        return edges;

        int IndexOf(Author author)
        {
            if (!index.TryGetValue(author, out var i))
            {
                i = authors.Count;
                index[author] = i;
                authors.Add(author);
            }

            return i;
        }
    }
}
