using System.Text.RegularExpressions;
using BzPeer.Bench.Corpus;
using YamlDotNet.RepresentationModel;

namespace BzPeer.Tests.Bench;

public sealed partial class CorpusGeneratorTests(SmallCorpusFixture fixture) : IClassFixture<SmallCorpusFixture>
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    private static readonly HashSet<string> ResearcherKeys =
        ["name", "summary", "role", "affiliations", "open_to_collaborate", "claimed", "orcid", "aliases", "followers", "contact", "links"];

    private static readonly HashSet<string> PublicationKeys = ["title", "type", "year", "date", "venue", "authors", "topics", "ids", "links"];

    private static readonly HashSet<string> PublicationTypes =
        ["article", "preprint", "conference", "book", "chapter", "thesis", "report", "dataset", "software", "other"];

    [Fact]
    public void Same_seed_writes_byte_identical_bzpeer_and_hugo_sites()
    {
        string again = Path.Combine(fixture.Root, "again");
        var corpus = CorpusGenerator.Generate(CorpusSize.Small, SmallCorpusFixture.Seed);
        BzPeerSiteWriter.Write(corpus, Path.Combine(again, "bzpeer"));
        HugoSiteWriter.Write(corpus, Path.Combine(again, "hugo"));

        AssertSameTree(fixture.BzPeerSite, Path.Combine(again, "bzpeer"));
        AssertSameTree(fixture.HugoSite, Path.Combine(again, "hugo"));
    }

    [Fact]
    public void A_different_seed_gives_a_different_corpus()
    {
        var other = CorpusGenerator.Generate(CorpusSize.Small, SmallCorpusFixture.Seed + 1);
        Assert.NotEqual(
            fixture.Corpus.Publications.Select(p => p.Id).Order(StringComparer.Ordinal),
            other.Publications.Select(p => p.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Small_corpus_has_the_stated_counts()
    {
        Assert.Equal(200, fixture.Researchers.Count);
        Assert.Equal(1_000, fixture.Publications.Count);
        Assert.Equal(200, fixture.Topics.Count);
        Assert.Equal(100, fixture.Institutions.Count);
        Assert.True(File.Exists(Path.Combine(fixture.BzPeerSite, "site.yml")));
    }

    [Fact]
    public void Every_id_is_a_lowercase_slug_and_unique_across_its_kind()
    {
        foreach (var ids in new[] { fixture.Researchers.Keys, fixture.Publications.Keys, fixture.Topics.Keys, fixture.Institutions.Keys })
        {
            foreach (string id in ids)
            {
                Assert.Matches(IdPattern(), id);
            }
            // File names are unique by construction, but not if two ids differ only in case on some file systems.
            Assert.Equal(ids.Count(), ids.Select(id => id.ToUpperInvariant()).Distinct().Count());
        }
    }

    [Fact]
    public void Front_matter_is_yaml_with_only_spec_keys_and_the_required_ones()
    {
        foreach (var (id, researcher) in fixture.Researchers)
        {
            Assert.All(Keys(researcher), key => Assert.Contains(key, ResearcherKeys));
            Assert.False(string.IsNullOrWhiteSpace(Scalar(researcher, "name")), id);
        }
        foreach (var (id, publication) in fixture.Publications)
        {
            Assert.All(Keys(publication), key => Assert.Contains(key, PublicationKeys));
            Assert.False(string.IsNullOrWhiteSpace(Scalar(publication, "title")), id);
            Assert.Contains(Scalar(publication, "type") ?? "", PublicationTypes);
            int year = int.Parse(Scalar(publication, "year")!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(year, 1990, 2026);
            if (Scalar(publication, "date") is { } date)
            {
                Assert.StartsWith(year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-", date, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Median_number_of_authors_per_publication_is_four()
    {
        var counts = fixture.Publications.Values.Select(p => Sequence(p, "authors").Count).Order().ToList();
        Assert.Equal(4, counts[counts.Count / 2]);
        Assert.Equal(1, counts[0]);
        Assert.True(counts[^1] >= 10, $"the longest author list has only {counts[^1]} authors");
    }

    [Fact]
    public void Every_publication_has_one_to_four_distinct_existing_topics()
    {
        var lengths = new HashSet<int>();
        foreach (var publication in fixture.Publications.Values)
        {
            var topics = Sequence(publication, "topics").Select(n => ((YamlScalarNode)n).Value!).ToList();
            Assert.InRange(topics.Count, 1, 4);
            Assert.Equal(topics.Count, topics.Distinct().Count());
            Assert.All(topics, t => Assert.True(fixture.Topics.ContainsKey(t), $"unknown topic {t}"));
            lengths.Add(topics.Count);
        }
        Assert.Equal([1, 2, 3, 4], lengths.Order());
    }

    [Fact]
    public void Every_author_item_is_an_existing_researcher_id_or_a_name()
    {
        var byKey = ResearcherNameKeys();
        int ids = 0, matchedNames = 0, objects = 0, externals = 0;
        foreach (var (pubId, publication) in fixture.Publications)
        {
            foreach (var item in Sequence(publication, "authors"))
            {
                if (item is YamlMappingNode map)
                {
                    string id = Scalar(map, "id")!;
                    Assert.True(fixture.Researchers.ContainsKey(id), $"{pubId}: unknown researcher {id}");
                    objects++;
                    continue;
                }
                string text = ((YamlScalarNode)item).Value!;
                if (IdPattern().IsMatch(text))
                {
                    // BzPeer treats an id-shaped item that matches nothing as an error, so it must exist.
                    Assert.True(fixture.Researchers.ContainsKey(text), $"{pubId}: id-shaped author {text} matches no researcher");
                    ids++;
                }
                else if (byKey.ContainsKey(Slug.MatchKey(text)))
                {
                    matchedNames++;
                }
                else
                {
                    externals++;
                }
            }
        }
        Assert.True(ids > 0 && matchedNames > 0 && objects > 0 && externals > 0, $"ids {ids}, names {matchedNames}, objects {objects}, externals {externals}");
        Assert.True(externals > ids, "most author items should be external names");
    }

    [Fact]
    public void Names_written_for_researchers_match_that_researcher_and_external_names_match_nobody()
    {
        var byKey = ResearcherNameKeys();
        foreach (var publication in fixture.Corpus.Publications)
        {
            foreach (var author in publication.Authors.Where(a => a.Style == AuthorStyle.Name))
            {
                byKey.TryGetValue(Slug.MatchKey(author.Text), out string? matched);
                Assert.Equal(author.ResearcherId, matched);
            }
        }
    }

    [Fact]
    public void Every_affiliation_is_an_existing_institution()
    {
        int without = 0;
        foreach (var researcher in fixture.Researchers.Values)
        {
            if (!researcher.Children.ContainsKey("affiliations"))
            {
                without++;
                continue;
            }
            Assert.All(Sequence(researcher, "affiliations"), a => Assert.True(fixture.Institutions.ContainsKey(((YamlScalarNode)a).Value!)));
        }
        Assert.InRange(without, 1, fixture.Researchers.Count / 4);
    }

    [Fact]
    public void Productivity_is_power_law_most_researchers_have_one_to_three_works()
    {
        var works = fixture.Corpus.Researchers.ToDictionary(r => r.Id, _ => 0);
        foreach (var publication in fixture.Corpus.Publications)
        {
            foreach (string id in publication.Authors.Select(a => a.ResearcherId).OfType<string>().Distinct())
            {
                works[id]++;
            }
        }
        var counts = works.Values.Order().ToList();
        Assert.True(counts[0] >= 1, "every researcher has at least one work");
        double fewWorks = counts.Count(c => c <= 3) / (double)counts.Count;
        Assert.True(fewWorks > 0.5, $"only {fewWorks:P0} of researchers have 1-3 works");
        int median = counts[counts.Count / 2];
        Assert.True(counts[^1] >= 10 * median, $"the most prolific researcher has {counts[^1]} works, median {median}");
    }

    [Fact]
    public void About_ten_percent_of_researcher_names_are_not_ascii_including_cjk()
    {
        var names = fixture.Researchers.Values.Select(r => Scalar(r, "name")!).ToList();
        double share = names.Count(n => n.Any(c => c > 0x7F)) / (double)names.Count;
        Assert.InRange(share, 0.05, 0.16);
        Assert.Contains(names, n => n.Any(c => c is >= '\u4E00' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF'));
    }

    [Fact]
    public void Some_researchers_have_aliases_and_every_alias_is_unique()
    {
        var aliases = fixture.Researchers.Values
            .Where(r => r.Children.ContainsKey("aliases"))
            .SelectMany(r => Sequence(r, "aliases").Select(a => ((YamlScalarNode)a).Value!))
            .ToList();
        Assert.InRange(aliases.Count, 10, fixture.Researchers.Count / 2);
        Assert.Equal(aliases.Count, aliases.Select(Slug.MatchKey).Distinct().Count());
    }

    [Fact]
    public void Orcid_check_character_follows_iso_7064_mod_11_2()
    {
        // Examples published by ORCID, including one whose check character is X.
        Assert.True(Orcid.IsValid("0000-0002-1825-0097"));
        Assert.True(Orcid.IsValid("0000-0001-5109-3700"));
        Assert.True(Orcid.IsValid("0000-0002-1694-233X"));
        Assert.False(Orcid.IsValid("0000-0002-1825-0098"));
        Assert.False(Orcid.IsValid("0000-0002-1694-2330"));
        Assert.False(Orcid.IsValid("0000000218250097"));
    }

    [Fact]
    public void Some_researchers_have_orcids_and_all_are_valid()
    {
        var orcids = fixture.Researchers.Values.Select(r => Scalar(r, "orcid")).OfType<string>().ToList();
        Assert.InRange(orcids.Count, fixture.Researchers.Count / 5, fixture.Researchers.Count * 3 / 5);
        Assert.All(orcids, o => Assert.True(Orcid.IsValid(o), o));
    }

    [Fact]
    public void Most_publications_have_a_doi_or_arxiv_id()
    {
        int with = fixture.Publications.Values.Count(p =>
            p.Children.TryGetValue("ids", out var ids) && ((YamlMappingNode)ids).Children.Count > 0);
        Assert.InRange(with / (double)fixture.Publications.Count, 0.75, 0.98);
    }

    [Fact]
    public void Hugo_site_has_one_content_file_per_entity_and_the_theme()
    {
        string content = Path.Combine(fixture.HugoSite, "content");
        Assert.Equal(1_000, Directory.EnumerateFiles(Path.Combine(content, "publications"), "*.md").Count(f => !f.EndsWith("_index.md", StringComparison.Ordinal)));
        Assert.Equal(200, Directory.EnumerateDirectories(Path.Combine(content, "researchers")).Count());
        Assert.Equal(200, Directory.EnumerateDirectories(Path.Combine(content, "topics")).Count());
        Assert.True(File.Exists(Path.Combine(fixture.HugoSite, "hugo.toml")));
        Assert.True(File.Exists(Path.Combine(fixture.HugoSite, "themes", HugoSiteWriter.ThemeName, "layouts", "researchers", "term.html")));

        // The Hugo twin lists the resolved researcher ids of each publication for its taxonomy.
        var corpusPublication = fixture.Corpus.Publications[0];
        var hugoPublication = SmallCorpusFixture.FrontMatterOf(File.ReadAllText(Path.Combine(content, "publications", corpusPublication.Id + ".md")));
        Assert.Equal(
            corpusPublication.Authors.Select(a => a.ResearcherId).OfType<string>(),
            Sequence(hugoPublication, "researchers").Select(n => ((YamlScalarNode)n).Value!));
    }

    [Fact]
    public void Writing_refuses_a_folder_it_did_not_create()
    {
        string folder = Path.Combine(fixture.Root, "user-folder");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "keep.txt"), "mine");
        Assert.Throws<CorpusOutputException>(() => BzPeerSiteWriter.Write(fixture.Corpus, folder));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(folder, "keep.txt")));
    }

    private Dictionary<string, string> ResearcherNameKeys()
    {
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var researcher in fixture.Corpus.Researchers)
        {
            foreach (string name in researcher.Aliases.Prepend(researcher.Name))
            {
                Assert.True(byKey.TryAdd(Slug.MatchKey(name), researcher.Id), $"two researchers share the name or alias {name}");
            }
        }
        return byKey;
    }

    private static void AssertSameTree(string expected, string actual)
    {
        var expectedFiles = Directory.EnumerateFiles(expected, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(expected, f)).Order(StringComparer.Ordinal).ToList();
        var actualFiles = Directory.EnumerateFiles(actual, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(actual, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedFiles, actualFiles);
        foreach (string file in expectedFiles)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))), $"{file} differs");
        }
    }

    private static IEnumerable<string> Keys(YamlMappingNode map) => map.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(key, out var node) ? ((YamlScalarNode)node).Value : null;

    private static IList<YamlNode> Sequence(YamlMappingNode map, string key) => ((YamlSequenceNode)map.Children[key]).Children;
}
