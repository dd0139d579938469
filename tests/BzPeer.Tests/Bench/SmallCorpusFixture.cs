using BzPeer.Bench.Corpus;
using YamlDotNet.RepresentationModel;

namespace BzPeer.Tests.Bench;

/// <summary>The small corpus, generated once for all generator tests: in memory, as a BzPeer site and as a Hugo site.</summary>
public sealed class SmallCorpusFixture : IDisposable
{
    internal const ulong Seed = 7;

    public SmallCorpusFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "bzpeer-bench-tests-" + Guid.NewGuid().ToString("N"));
        Corpus = CorpusGenerator.Generate(CorpusSize.Small, Seed);
        BzPeerSite = Path.Combine(Root, "bzpeer");
        HugoSite = Path.Combine(Root, "hugo");
        BzPeerSiteWriter.Write(Corpus, BzPeerSite);
        HugoSiteWriter.Write(Corpus, HugoSite);
        Researchers = ReadAll("researchers");
        Publications = ReadAll("publications");
        Topics = ReadAll("topics");
        Institutions = ReadAll("institutions");
    }

    public string Root { get; }
    internal Corpus Corpus { get; }
    public string BzPeerSite { get; }
    public string HugoSite { get; }

    /// <summary>Front matter of every file under content/&lt;kind&gt;/, keyed by id (file name without extension).</summary>
    public IReadOnlyDictionary<string, YamlMappingNode> Researchers { get; }
    public IReadOnlyDictionary<string, YamlMappingNode> Publications { get; }
    public IReadOnlyDictionary<string, YamlMappingNode> Topics { get; }
    public IReadOnlyDictionary<string, YamlMappingNode> Institutions { get; }

    private Dictionary<string, YamlMappingNode> ReadAll(string kind)
    {
        var result = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(Path.Combine(BzPeerSite, "content", kind)))
        {
            result.Add(Path.GetFileNameWithoutExtension(file), FrontMatterOf(File.ReadAllText(file)));
        }
        return result;
    }

    /// <summary>Parses the block between the opening and closing <c>---</c> lines with YamlDotNet.</summary>
    public static YamlMappingNode FrontMatterOf(string text)
    {
        Assert.StartsWith("---\n", text, StringComparison.Ordinal);
        int end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        Assert.True(end > 0, "front matter is not closed");
        var stream = new YamlStream();
        stream.Load(new StringReader(text[4..end]));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
