using BzPeer.Bench.Corpus;
using BzPeer.Graph;
using BzPeer.Model;
using BzPeer.Diagnostics;

namespace BzPeer.Tests.Graph;

/// <summary>
/// Researcher slices of the bench's small corpus (200 researchers, 1,000 publications), resolved by the real
/// pipeline and cut by <see cref="GraphModel"/> as a build does. The cap is lowered to 40 so that it bites for
/// most researchers, as 150 does for the prolific ones of the medium corpus, whose co-author edges (weight =
/// shared works) outrank every weight-1 authorship edge.
/// </summary>
public sealed class CorpusSliceTests : IDisposable
{
    private const int Cap = 40;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "bzpeer-corpus-slices-" + Guid.NewGuid().ToString("N"));
    private readonly GraphModel _model;

    public CorpusSliceTests()
    {
        BzPeerSiteWriter.Write(CorpusGenerator.Generate(CorpusSize.Small, seed: 1), _root);
        var siteYaml = Path.Combine(_root, "site.yml");
        var text = File.ReadAllText(siteYaml);
        Assert.Contains("slice_max_nodes: 150", text, StringComparison.Ordinal);
        File.WriteAllText(siteYaml, text.Replace("slice_max_nodes: 150", $"slice_max_nodes: {Cap}", StringComparison.Ordinal));
        var result = SiteBuilder.Check(new BuildOptions { SiteDirectory = _root });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Sorted()));
        _model = new GraphModel(result.Graph!);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Edges_within_a_slice_are_those_of_the_whole_graph_between_its_members_in_graph_order()
    {
        var index = _model.Index;
        var memberSets = _model.SliceCentres.Select(_model.SliceMembers).ToList();
        // Small sets around the hubs, so that a run is many times the set's size and is galloped rather than walked.
        var hubs = index.Edges.CountBy(e => e.Source).OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(5).Select(c => c.Key).ToArray();
        var random = new Random(7);
        foreach (var hub in hubs)
        {
            var around = index.Edges.Where(e => e.Source == hub).Select(e => e.Target).ToArray();
            Assert.True(around.Length > 16 * 4, $"hub {index.Nodes[hub].NodeId} has only {around.Length} edges");
            for (var k = 0; k < 20; k++)
            {
                memberSets.Add(around.OrderBy(_ => random.Next()).Take(3).Append(hub).Distinct().Order().ToArray());
            }
        }

        // Random sets of every size, up to the whole graph: past GraphIndex.MaxCountingMembers they are sorted another way.
        var all = Enumerable.Range(0, index.Nodes.Length).ToArray();
        Assert.True(all.Length > GraphIndex.MaxCountingMembers, $"{all.Length} nodes");
        memberSets.Add(all);
        foreach (var size in new[] { 2, 10, 100, 1000, GraphIndex.MaxCountingMembers, GraphIndex.MaxCountingMembers + 1, all.Length / 2 })
        {
            memberSets.Add(all.OrderBy(_ => random.Next()).Take(size).Order().ToArray());
        }

        var found = new List<IndexedEdge>();
        foreach (var members in memberSets)
        {
            index.EdgesWithin(members, found);
            var position = members.Select((node, at) => (node, at)).ToDictionary(p => p.node, p => p.at);
            var expected = index.Edges
                .Where(e => position.ContainsKey(e.Source) && position.ContainsKey(e.Target))
                .Select(e => e with { Source = position[e.Source], Target = position[e.Target] })
                .ToList();
            Assert.Equal(expected, found);
        }
    }

    [Fact]
    public void Every_researcher_slice_with_a_paper_nearby_holds_a_paper()
    {
        var index = _model.Index;
        var researchers = index.Nodes.Where(n => n.Kind == NodeKind.Researcher).ToArray();
        var withPapers = researchers.Where(r => Neighbours(r).Any(n => n.Kind == NodeKind.Publication)).ToArray();
        Assert.NotEmpty(withPapers);

        var capped = 0;
        foreach (var researcher in withPapers)
        {
            var slice = _model.SliceMembers(researcher);
            Assert.InRange(slice.Length, 1, Cap);
            Assert.Contains(index.IndexOf(researcher), slice);
            capped += slice.Length == Cap ? 1 : 0;
            Assert.True(slice.Any(node => index.Nodes[node].Kind == NodeKind.Publication),
                $"{researcher.NodeId}'s slice of {slice.Length} nodes holds no publication");
        }

        // The cap bit for most of them, so the rule was put to work.
        Assert.True(capped > withPapers.Length / 2, $"only {capped} of {withPapers.Length} slices reached the cap");
    }

    [Fact]
    public void The_most_productive_researchers_slice_holds_papers_people_topics_and_their_institution()
    {
        var index = _model.Index;
        var researcher = index.Nodes
            .Where(n => n.Kind == NodeKind.Researcher)
            .OrderByDescending(r => Neighbours(r).Count(n => n.Kind == NodeKind.Publication))
            .ThenBy(r => r.NodeId, StringComparer.Ordinal)
            .First();
        var slice = _model.SliceMembers(researcher);
        var kinds = slice.Select(node => index.Nodes[node].Kind).CountBy(kind => kind).ToDictionary();

        Assert.Equal(Cap, slice.Length);
        Assert.True(kinds.GetValueOrDefault(NodeKind.Publication) >= 2, $"{researcher.NodeId}: {Describe(kinds)}");
        Assert.True(kinds.GetValueOrDefault(NodeKind.Topic) >= 2, $"{researcher.NodeId}: {Describe(kinds)}");
        Assert.True(kinds.GetValueOrDefault(NodeKind.Researcher) + kinds.GetValueOrDefault(NodeKind.External) >= 2, $"{researcher.NodeId}: {Describe(kinds)}");
        // Their own institutions (one hop) are all in; a co-author's (two hops) never displaces them.
        var own = Neighbours(researcher).Where(n => n.Kind == NodeKind.Institution).Select(n => index.IndexOf(n)).ToArray();
        Assert.NotEmpty(own);
        Assert.All(own, institution => Assert.Contains(institution, slice));
        // Its topics are those of the papers it holds: none floats unconnected in the drawing.
        var members = slice.Select(node => index.Nodes[node]).ToHashSet();
        Assert.All(members.Where(n => n.Kind == NodeKind.Topic), topic =>
            Assert.Contains(Neighbours(topic), n => n.Kind == NodeKind.Publication && members.Contains(n)));
    }

    private IEnumerable<Entity> Neighbours(Entity entity)
    {
        var index = _model.Index;
        var self = index.IndexOf(entity);
        foreach (var edge in index.Edges)
        {
            if (edge.Source == self)
            {
                yield return index.Nodes[edge.Target];
            }
            else if (edge.Target == self)
            {
                yield return index.Nodes[edge.Source];
            }
        }
    }

    private static string Describe(Dictionary<NodeKind, int> kinds) =>
        string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"));
}
