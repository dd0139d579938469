using BzPeer.Model;
using BzPeer.Output;

namespace BzPeer.Graph;

/// <summary>What the graph stage produced: the JSON files and, per entity, the members of its slice (for the no-JavaScript lists).</summary>
internal sealed class GraphOutput(IReadOnlyList<OutputFile> files, int nodeCount, int edgeCount, IReadOnlyDictionary<Entity, IReadOnlyList<Entity>> slices)
{
    public IReadOnlyList<OutputFile> Files { get; } = files;

    public int NodeCount { get; } = nodeCount;

    public int EdgeCount { get; } = edgeCount;

    /// <summary>The nodes of an entity's slice, centre included, in graph order.</summary>
    public IReadOnlyList<Entity> SliceOf(Entity entity) => slices.TryGetValue(entity, out var members) ? members : [entity];
}
