using BzPeer.Rendering;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Rendering;

/// <summary>serve renames a work by moving it in the name order; the result must be the order made from scratch.</summary>
public sealed class NameOrderTests
{
    [Fact]
    public void Moving_renamed_works_gives_the_order_a_fresh_sort_gives()
    {
        using var site = TestSite.Demo();
        var result = SiteBuilder.Render(new BuildOptions { SiteDirectory = site.Root });
        var graph = result.Graph!;
        var order = NameOrder.Of(graph);
        var random = new Random(7);
        string[] titles = ["", "A", "Apollo", "apollo", "Zzz", "Ünïcode title", "Milad Hashemi", "0 first"];
        for (var edit = 0; edit < 40; edit++)
        {
            var publication = graph.Publications[random.Next(graph.Publications.Count)];
            // Some titles tie with other entities' names (a work titled like a researcher): ties go by node order.
            publication.Replace(publication.Record with { Title = titles[random.Next(titles.Length)] + (edit % 3 == 0 ? "" : $" {edit}") });
            order = order.Moved(publication);
            Assert.Equal(NameOrder.Of(graph).Ranks, order.Ranks);
        }
    }
}
