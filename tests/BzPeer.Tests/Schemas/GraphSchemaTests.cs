using System.Text.Json.Nodes;
using BzPeer.Schemas;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Schemas;

public class GraphSchemaTests
{
    [Fact]
    public void Every_graph_file_of_the_built_demo_site_validates()
    {
        using var site = TestSite.Demo();
        var result = site.Build();
        Assert.True(result.Written);
        var graphFolder = Path.Combine(site.Output, "graph");
        var files = Directory.EnumerateFiles(graphFolder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(Path.Combine(graphFolder, "graph.json"), files);
        Assert.True(files.Count > 20, $"expected the full graph and a slice per entity, found {files.Count} files");
        foreach (var file in files)
        {
            var problems = SchemaValidator.ValidateJson(SchemaSet.Graph, File.ReadAllText(file), Path.GetRelativePath(site.Output, file));
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
    }

    [Fact]
    public void A_hand_broken_graph_file_fails_with_located_problems()
    {
        using var site = TestSite.Demo();
        Assert.True(site.Build().Written);
        var graph = JsonNode.Parse(File.ReadAllText(Path.Combine(site.Output, "graph", "graph.json")))!.AsObject();
        graph["version"] = 2;
        graph["center"] = "r:ada";
        graph["nodes"]![0]![1] = "researcher";
        graph["edges"]!.AsArray().Add(new JsonArray(0, 1, 7));
        var text = graph.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

        var problems = SchemaValidator.ValidateJson(SchemaSet.Graph, text, "graph/graph.json");
        var messages = problems.Select(p => p.Message).ToList();
        Assert.Contains(messages, m => m.StartsWith("'version' has a value that is not allowed", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("'nodes[0][1]' must be a whole number", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("'(top level)' does not match any allowed form", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("wrong number of items", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.True(p.At.Line > 0, $"{p} has no line"));
    }

    [Fact]
    public void Text_that_is_not_json_is_one_located_problem()
    {
        var problem = Assert.Single(SchemaValidator.ValidateJson(SchemaSet.Graph, "{\n  \"version\": 1,\n  \"kind\": ]\n}", "g.json"));
        Assert.Equal(3, problem.At.Line);
        Assert.StartsWith("Not valid JSON", problem.Message, StringComparison.Ordinal);
    }
}
