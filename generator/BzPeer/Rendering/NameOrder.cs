using BzPeer.Model;

namespace BzPeer.Rendering;

/// <summary>
/// Every entity's place among all of them by name (ordinal), ties by <see cref="Entity.Ordinal"/>: nearby lists sort
/// by it rather than comparing names on every page. Immutable: serve, renaming one work, takes a copy with that work
/// moved (a fraction of a millisecond) instead of sorting a large site's 90,000 names again (about 100 ms of an edit).
/// </summary>
internal sealed class NameOrder
{
    private readonly Entity[] _entities;
    private readonly int[] _byName;

    private NameOrder(Entity[] entities, int[] byName)
    {
        _entities = entities;
        _byName = byName;
        Ranks = new int[byName.Length];
        for (var rank = 0; rank < byName.Length; rank++)
        {
            Ranks[byName[rank]] = rank;
        }
    }

    /// <summary>Each entity's rank, by <see cref="Entity.Ordinal"/>.</summary>
    public int[] Ranks { get; }

    public static NameOrder Of(ContentGraph graph)
    {
        var entities = graph.AllEntities().ToArray();
        var byName = Enumerable.Range(0, entities.Length).ToArray();
        Array.Sort(byName, (a, b) => Compare(entities, a, b));
        return new NameOrder(entities, byName);
    }

    /// <summary>A copy with <paramref name="entity"/> moved to where its name (perhaps changed) now sorts.</summary>
    public NameOrder Moved(Entity entity)
    {
        var moved = entity.Ordinal;
        var byName = new int[_byName.Length];
        var old = Ranks[moved];
        // The others, in order, without it; then it goes in before the first that sorts after it.
        Array.Copy(_byName, 0, byName, 0, old);
        Array.Copy(_byName, old + 1, byName, old, _byName.Length - old - 1);
        int low = 0, high = byName.Length - 1;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (Compare(_entities, byName[middle], moved) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        Array.Copy(byName, low, byName, low + 1, byName.Length - 1 - low);
        byName[low] = moved;
        return new NameOrder(_entities, byName);
    }

    private static int Compare(Entity[] entities, int a, int b)
    {
        var byNames = string.CompareOrdinal(entities[a].Name, entities[b].Name);
        return byNames != 0 ? byNames : a.CompareTo(b);
    }
}
