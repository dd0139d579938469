using BzPeer.Model;

namespace BzPeer.Resolve;

/// <summary>Counts shared works for every pair of co-authors and fills each researcher's co-author list.</summary>
internal static class Coauthorship
{
    /// <summary>
    /// The co-author edges, ordered by their ends' node ids, each pair once with its number of shared works (works
    /// with more than <paramref name="maxAuthors"/> authors do not count); fills every researcher's co-author list.
    /// </summary>
    /// <param name="authors">
    /// Every author in node order (researchers, then external authors, each by id), numbered so that author i has
    /// <see cref="Entity.Ordinal"/> i: an author's co-authors are counted from its own works, on every core, and in
    /// this order the edges come out sorted.
    /// </param>
    public static IReadOnlyList<Edge> Compute(IReadOnlyList<Author> authors, int maxAuthors)
    {
        for (var i = 0; i < authors.Count; i++)
        {
            if (authors[i].Ordinal != i)
            {
                throw new ArgumentException("Authors must be numbered in node order.", nameof(authors));
            }
        }

        // Each author's edges to the authors after it (so each pair once, from its lower end), in the others' order.
        var later = new Edge[authors.Count][];
        Parallel.For(0, authors.Count, () => new Scratch(), (a, _, scratch) =>
        {
            var author = authors[a];
            // Only a researcher keeps its list (Researcher.Coauthors); every author's edges count.
            var researcher = author as Researcher;
            var (partners, coauthors, edges) = (scratch.Partners, scratch.Coauthors, scratch.Edges);
            partners.Clear();
            coauthors.Clear();
            edges.Clear();
            foreach (var work in author.WorksList)
            {
                var list = work.Authors;
                if (list.Count < 2 || list.Count > maxAuthors)
                {
                    continue;
                }

                foreach (var other in list)
                {
                    if (!ReferenceEquals(other, author))
                    {
                        partners.Add(other.Ordinal);
                    }
                }
            }

            partners.Sort();
            for (var i = 0; i < partners.Count;)
            {
                var b = partners[i];
                var end = i + 1;
                while (end < partners.Count && partners[end] == b)
                {
                    end++;
                }

                var shared = end - i;
                if (researcher is not null)
                {
                    coauthors.Add(new Collaboration(authors[b], shared));
                }

                if (b > a)
                {
                    edges.Add(new Edge(EdgeKind.Coauthor, author, authors[b], shared));
                }

                i = end;
            }

            if (researcher is not null)
            {
                Order(coauthors);
                // Exactly as long as it needs to be: grown by doubling, a large site's lists held ~30% unused slots.
                researcher.CoauthorsList.Capacity = coauthors.Count;
                researcher.CoauthorsList.AddRange(coauthors);
            }

            later[a] = [.. edges];
            return scratch;
        }, _ => { });

        var all = new Edge[later.Sum(e => e.Length)];
        var at = 0;
        foreach (var edges in later)
        {
            edges.CopyTo(all, at);
            at += edges.Length;
        }

        return all;
    }

    /// <summary>Most shared works first, then by name, then by node id.</summary>
    private static void Order(List<Collaboration> coauthors)
    {
        coauthors.Sort(static (x, y) =>
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

    /// <summary>One thread's lists, reused from author to author.</summary>
    private sealed class Scratch
    {
        public readonly List<int> Partners = [];
        public readonly List<Collaboration> Coauthors = [];
        public readonly List<Edge> Edges = [];
    }
}
