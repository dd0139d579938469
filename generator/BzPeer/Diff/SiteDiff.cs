using System.Globalization;
using BzPeer.Model;

namespace BzPeer.Diff;

/// <summary>An entity present in both sites whose fields differ.</summary>
public sealed record ChangedEntity(Entity Before, Entity After, IReadOnlyList<string> Fields);

/// <summary>Added, removed and changed entities of one kind, each list in ordinal id order.</summary>
public sealed record EntityChanges(NodeKind Kind, IReadOnlyList<Entity> Added, IReadOnlyList<Entity> Removed, IReadOnlyList<ChangedEntity> Changed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;
}

/// <summary>An edge by its ends and kind, with the names of its ends for display.</summary>
public sealed record EdgeRef(EdgeKind Kind, string From, string To, string FromName, string ToName, int Weight);

/// <summary>Added and removed edges of one kind (ordered by from, then to), and how many kept edges changed weight.</summary>
public sealed record EdgeChanges(EdgeKind Kind, IReadOnlyList<EdgeRef> Added, IReadOnlyList<EdgeRef> Removed, int Reweighted)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Reweighted == 0;
}

/// <summary>One derived figure of one researcher that moved.</summary>
public sealed record FigureChange(string ResearcherId, string ResearcherName, string Figure, string Before, string After);

/// <summary>What changed between two resolved sites.</summary>
public sealed record SiteDiffResult(IReadOnlyList<EntityChanges> Entities, IReadOnlyList<EdgeChanges> Edges, IReadOnlyList<FigureChange> Figures)
{
    public bool IsEmpty => Entities.All(e => e.IsEmpty) && Edges.All(e => e.IsEmpty) && Figures.Count == 0;
}

/// <summary>Compares two resolved content graphs: entities, edges and the derived figures of researchers.</summary>
public static class SiteDiff
{
    public static SiteDiffResult Compare(ContentGraph before, ContentGraph after)
    {
        NodeKind[] kinds = [NodeKind.Researcher, NodeKind.Publication, NodeKind.Topic, NodeKind.Institution, NodeKind.External];
        var entities = kinds.Select(k => CompareEntities(k, before.AllEntities().Where(e => e.Kind == k), after.AllEntities().Where(e => e.Kind == k))).ToList();
        var edges = Enum.GetValues<EdgeKind>().Select(k => CompareEdges(k, before.Edges, after.Edges)).ToList();
        return new SiteDiffResult(entities, edges, CompareFigures(before, after));
    }

    private static EntityChanges CompareEntities(NodeKind kind, IEnumerable<Entity> before, IEnumerable<Entity> after)
    {
        var old = before.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var now = after.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var added = now.Values.Where(e => !old.ContainsKey(e.Id)).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var removed = old.Values.Where(e => !now.ContainsKey(e.Id)).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var changed = now.Values.Where(e => old.ContainsKey(e.Id)).OrderBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => new ChangedEntity(old[e.Id], e, EntityFields.Changed(old[e.Id], e)))
            .Where(c => c.Fields.Count > 0)
            .ToList();
        return new EntityChanges(kind, added, removed, changed);
    }

    private static EdgeChanges CompareEdges(EdgeKind kind, IReadOnlyList<Edge> before, IReadOnlyList<Edge> after)
    {
        static Dictionary<(string, string), EdgeRef> Index(IEnumerable<Edge> edges, EdgeKind kind) => edges
            .Where(e => e.Kind == kind)
            .Select(e => new EdgeRef(e.Kind, e.From.NodeId, e.To.NodeId, e.From.Name, e.To.Name, e.Weight))
            .GroupBy(e => (e.From, e.To))
            .ToDictionary(g => g.Key, g => g.First());

        var old = Index(before, kind);
        var now = Index(after, kind);
        var added = Ordered(now.Where(p => !old.ContainsKey(p.Key)).Select(p => p.Value));
        var removed = Ordered(old.Where(p => !now.ContainsKey(p.Key)).Select(p => p.Value));
        var reweighted = now.Count(p => old.TryGetValue(p.Key, out var was) && was.Weight != p.Value.Weight);
        return new EdgeChanges(kind, added, removed, reweighted);
    }

    private static List<EdgeRef> Ordered(IEnumerable<EdgeRef> edges) =>
        edges.OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ToList();

    private static List<FigureChange> CompareFigures(ContentGraph before, ContentGraph after)
    {
        var changes = new List<FigureChange>();
        foreach (var now in after.Researchers)
        {
            if (!before.ResearchersById.TryGetValue(now.Id, out var was))
            {
                continue;
            }

            foreach (var ((figure, oldValue), (_, newValue)) in Figures(was).Zip(Figures(now)))
            {
                if (!string.Equals(oldValue, newValue, StringComparison.Ordinal))
                {
                    changes.Add(new FigureChange(now.Id, now.Name, figure, oldValue, newValue));
                }
            }
        }

        return changes;
    }

    private static IEnumerable<(string Figure, string Value)> Figures(Researcher researcher)
    {
        var f = researcher.Figures;
        yield return ("trust score", f.Trust.Score.ToString(CultureInfo.InvariantCulture));
        yield return ("trust tier", f.Trust.Tier);
        yield return ("verification", f.Verification.ToString());
        yield return ("close collaborators", f.CloseCollaborators.Count.ToString(CultureInfo.InvariantCulture));
        yield return ("works", f.Works.ToString(CultureInfo.InvariantCulture));
    }
}
