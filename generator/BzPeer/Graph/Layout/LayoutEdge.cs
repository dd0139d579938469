namespace BzPeer.Graph.Layout;

/// <summary>
/// An undirected edge between two node indexes, with a positive integer weight
/// (shared works for co-authorship, otherwise 1). Weights are integers so that
/// merging duplicate edges (adding their weights) gives the same result in any order.
/// </summary>
internal readonly record struct LayoutEdge(int Source, int Target, int Weight = 1);
