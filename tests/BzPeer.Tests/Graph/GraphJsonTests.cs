using System.Text.Json;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Graph;

/// <summary>Graph files as JSON readers see them: each node and edge is written as one raw value, formatted by hand.</summary>
public class GraphJsonTests
{
    [Fact]
    public void Nodes_and_edges_read_back_with_their_fields_positions_and_degrees()
    {
        // A name long enough that a node's fields do not fit the writer's stack buffer, with text JSON must escape.
        var longName = string.Concat(Enumerable.Repeat("Ana María <Ødegård> \"Q\" ", 60)).Trim();
        using var site = TestSite.Create($"""
            -- content/researchers/ada.md --
            ---
            name: Ada Lovelace
            ---
            -- content/researchers/long.md --
            ---
            name: '{longName.Replace("'", "''")}'
            ---
            -- content/topics/engines.md --
            ---
            name: Engines
            ---
            -- content/publications/p.md --
            ---
            title: Notes
            year: 1843
            authors: [ada, long, Charles Babbage]
            topics: [engines]
            ---
            """);
        Assert.True(site.Build().Written);

        foreach (var file in new[] { "graph/graph.json", "graph/researchers/long.json", "graph/publications/p.json" })
        {
            using var json = JsonDocument.Parse(site.Read(file));
            var nodes = json.RootElement.GetProperty("nodes").EnumerateArray().ToList();
            var edges = json.RootElement.GetProperty("edges").EnumerateArray().ToList();
            var node = Assert.Single(nodes, n => n[0].GetString() == "r:long");
            Assert.Equal(7, node.GetArrayLength());
            Assert.Equal(longName, node[2].GetString());
            Assert.Equal("researchers/long/", node[3].GetString());
            Assert.All(nodes, n => Assert.Equal(JsonValueKind.Number, n[4].ValueKind));
            Assert.All(nodes, n => Assert.Equal(JsonValueKind.Number, n[5].ValueKind));

            // Each node's last field is its degree: how many of the file's edges touch it.
            Assert.NotEmpty(edges);
            Assert.All(edges, e => Assert.Equal(4, e.GetArrayLength()));
            for (var i = 0; i < nodes.Count; i++)
            {
                var touching = edges.Count(e => e[0].GetInt32() == i) + edges.Count(e => e[1].GetInt32() == i);
                Assert.Equal(touching, nodes[i][6].GetInt32());
            }

            // The publication's authored edges: three people, weight 1 each.
            var paper = nodes.FindIndex(n => n[0].GetString() == "p:p");
            Assert.Equal(3, edges.Count(e => (e[0].GetInt32() == paper || e[1].GetInt32() == paper) && e[2].GetInt32() == 0 && e[3].GetInt32() == 1));
        }

        // Text JSON must escape stays escaped, so the file is also safe inside HTML.
        Assert.DoesNotContain("<Ødegård>", site.Read("graph/graph.json"), StringComparison.Ordinal);
    }
}
