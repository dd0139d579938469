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

        var edges = new List<Edge>(counts.Count);
        foreach (var (pair, shared) in counts)
        {
            var a = authors[(int)(pair >> 32)];
            var b = authors[(int)(pair & 0xFFFFFFFF)];
            a.CoauthorsList.Add(new Collaboration(b, shared));
            b.CoauthorsList.Add(new Collaboration(a, shared));
            var (from, to) = string.CompareOrdinal(a.NodeId, b.NodeId) < 0 ? (a, b) : (b, a);
            edges.Add(new Edge(EdgeKind.Coauthor, from, to, shared));
        }

        foreach (var author in authors)
        {
            author.CoauthorsList.Sort(static (x, y) =>
            {
                var byShared = y.SharedWorks.CompareTo(x.SharedWorks);
                if (byShared != 0)
                {
                    return byShared;
                }

                var byName = string.CompareOrdinal(x.Author.Name, y.Author.Name);
                return byName != 0 ? byName : string.CompareOrdinal(x.Author.NodeId, y.Author.NodeId);
            });
        }

        edges.Sort(static (x, y) =>
        {
            var byFrom = string.CompareOrdinal(x.From.NodeId, y.From.NodeId);
            return byFrom != 0 ? byFrom : string.CompareOrdinal(x.To.NodeId, y.To.NodeId);
        });
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
