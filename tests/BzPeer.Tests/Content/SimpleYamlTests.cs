using System.Text;
using BzPeer.Bench.Corpus;
using BzPeer.Content;
using BzPeer.Diagnostics;
using BzPeer.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace BzPeer.Tests.Content;

/// <summary>
/// <see cref="SimpleYaml"/> against YamlDotNet: whatever the simple reader accepts must give the tree YamlDotNet's
/// events give (values, styles, tags, every start mark), and YamlDotNet must accept it without a diagnostic.
/// </summary>
public sealed class SimpleYamlTests
{
    [Theory]
    [InlineData("title: \"Adaptive graphs\"\ntype: \"report\"\nyear: 2022\nauthors:\n  - \"Deborah N. Wang\"\n  - \"carlos-cooper\"\n  - \"José M. Jiménez\"\ntopics: [\"distributed-quantum-computing\", \"federated-statistics\"]\nids: { doi: \"10.1145/adaptive-ada.1615\" }\n")]
    [InlineData("name: \"Aaron Bailey\"\nsummary: \"Aaron Bailey works on causal inference.\"\nopen_to_collaborate: true\nfollowers: 1\nlinks: { homepage: \"https://people.example.org/aaron-bailey/\" }\n")]
    [InlineData("name: Ada Lovelace\norcid: 0000-0002-1825-0097\nhomepage: https://example.org/ada?x=1&y=2\ntopics: [graph-theory, 'logic']\n")]
    [InlineData("authors:\n- ada\n- \"Bob\"\ntitle: 'It is'\n")]
    [InlineData("title: x\n\n\nyear: 2020")]
    [InlineData("empty: []\nnone: {}\nname: 王辉磊 and Ø\n")]
    public void Reads_the_simple_shape_as_YamlDotNet_does(string yaml)
    {
        var simple = SimpleYaml.TryRead(yaml);
        var full = ParseInFull(yaml);
        Assert.NotNull(simple);
        Assert.Equal(Describe(full.Map), Describe(simple));
    }

    [Theory]
    [InlineData("title: x # a comment\n")]
    [InlineData("# a comment\ntitle: x\n")]
    [InlineData("title: \"a \\\" quote\"\n")]
    [InlineData("title: x\n  continued\n")]
    [InlineData("links:\n  homepage: x\n")]
    [InlineData("body: |\n  text\n")]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("a: !!str 1\n")]
    [InlineData("a: 1\r\nb: 2\r\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a:\nb: 2\n")]
    [InlineData("a: x: y\n")]
    [InlineData("a: \"x\ty\"\n")]
    [InlineData("a: [b, [c]]\n")]
    [InlineData("a:\n  - b\n\n  - c\n")]
    [InlineData("a:\n  - b\n   - c\n")]
    [InlineData("")]
    [InlineData("---\na: 1\n")]
    [InlineData("a: 1 \n")]
    [InlineData("a: \"\ud83d\ude00\"\n")]
    [InlineData("title: 'It''s'\n")]
    public void Declines_everything_else(string yaml) => Assert.Null(SimpleYaml.TryRead(yaml));

    [Fact]
    public void Leaves_maps_of_more_than_MaxKeys_keys_to_YamlDotNet()
    {
        // Its duplicate check is a linear scan per key: a hostile block of 50,000 keys would make it quadratic.
        string Block(int keys) => string.Concat(Enumerable.Range(0, keys).Select(i => $"k{i}: v\n"));
        string Flow(int keys) => "ids: {" + string.Join(", ", Enumerable.Range(0, keys).Select(i => $"k{i}: v")) + "}\n";
        Assert.NotNull(SimpleYaml.TryRead(Block(SimpleYaml.MaxKeys)));
        Assert.Null(SimpleYaml.TryRead(Block(SimpleYaml.MaxKeys + 1)));
        Assert.NotNull(SimpleYaml.TryRead(Flow(SimpleYaml.MaxKeys)));
        Assert.Null(SimpleYaml.TryRead(Flow(SimpleYaml.MaxKeys + 1)));
    }

    [Fact]
    public void Reads_every_file_of_the_bench_corpus_as_YamlDotNet_does()
    {
        var root = Path.Combine(Path.GetTempPath(), "bzpeer-simple-yaml-" + Guid.NewGuid().ToString("N"));
        try
        {
            BzPeerSiteWriter.Write(CorpusGenerator.Generate(CorpusSize.Small, seed: 3), root);
            var files = Directory.GetFiles(Path.Combine(root, "content"), "*.md", SearchOption.AllDirectories);
            Assert.True(files.Length > 1000, $"{files.Length} files");
            foreach (var file in files)
            {
                var yaml = FrontMatterOf(File.ReadAllText(file));
                var simple = SimpleYaml.TryRead(yaml);
                // The generated corpus is in the simple shape throughout: the build's fast path must take every file.
                Assert.True(simple is not null, $"{file} was declined:\n{yaml}");
                Assert.Equal(Describe(ParseInFull(yaml).Map), Describe(simple));
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Reads_the_repository_content_it_accepts_as_YamlDotNet_does()
    {
        var files = new[] { Path.Combine(Repo.Root, "content"), Path.Combine(Repo.Root, "tests", "fixtures") }
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.md", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .ToList();
        var accepted = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            if (!text.StartsWith("---\n", StringComparison.Ordinal))
            {
                continue;
            }

            var yaml = FrontMatterOf(text);
            if (SimpleYaml.TryRead(yaml) is { } simple)
            {
                accepted++;
                var full = ParseInFull(yaml);
                Assert.True(full.Errors == 0, $"{file}: YamlDotNet refused what the simple reader accepted");
                Assert.Equal(Describe(full.Map), Describe(simple));
            }
        }

        Assert.True(accepted >= 20, $"only {accepted} of {files.Count} files were in the simple shape");
    }

    /// <summary>
    /// Generated blocks mixing the simple shape with its near misses (comments, tabs, escapes, CRLF, indentation,
    /// colons and hashes in values, duplicate keys, nesting): an accepted block always matches YamlDotNet.
    /// </summary>
    [Fact]
    public void Whatever_it_accepts_YamlDotNet_reads_the_same()
    {
        var accepted = 0;
        var declined = 0;
        Prop.ForAll(Documents().ToArbitrary(), yaml =>
        {
            var simple = SimpleYaml.TryRead(yaml);
            if (simple is null)
            {
                Interlocked.Increment(ref declined);
                return;
            }

            Interlocked.Increment(ref accepted);
            var full = ParseInFull(yaml);
            if (full.Errors > 0 || Describe(full.Map) != Describe(simple))
            {
                throw new InvalidOperationException(
                    $"Differs from YamlDotNet ({full.Errors} errors):\n{Escape(yaml)}\nYamlDotNet:\n{Describe(full.Map)}\nsimple:\n{Describe(simple)}");
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(4000).WithParallelRunConfig(null));

        // Both sides of the boundary were exercised.
        Assert.True(accepted > 300, $"accepted {accepted}");
        Assert.True(declined > 300, $"declined {declined}");
    }

    /// <summary>Blocks in the simple shape, then, in two of three, one to three near misses spliced in at random places.</summary>
    private static Gen<string> Documents() =>
        from count in Gen.Choose(1, 6)
        from entries in Gen.ArrayOf(Entry(), count)
        from mutations in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 3)))
        from seed in Gen.Choose(0, int.MaxValue - 1)
        select Mutate(string.Concat(entries), mutations, new Random(seed));

    private static readonly string[] NearMisses =
    [
        "#", " #", " # note", ": ", ":", "\t", "\r", "\r\n", "\\", "\"", "'", "''", "\n", "\n  ", "\n ", "- ", "-", "[", "]", "{", "}",
        ",", " ", "  ", "&a ", "*a", "!!str ", "!", "|", ">", "%", "@", "`", "?", "? ", "\u2028", "\u0085", "\ufeff", "\ud83d\ude00",
        "\ud800", "é", "\u00A0", "~", "---\n", "...\n", "\u0000", "\u007f", "\n\n", "key: 1\n", "title: again\n",
    ];

    private static string Mutate(string text, int mutations, Random random)
    {
        var builder = new StringBuilder(text);
        for (var i = 0; i < mutations; i++)
        {
            var at = random.Next(builder.Length + 1);
            switch (random.Next(4))
            {
                case 0 when builder.Length > 0 && at < builder.Length:
                    builder.Remove(at, 1);
                    break;
                default:
                    builder.Insert(at, NearMisses[random.Next(NearMisses.Length)]);
                    break;
            }
        }

        return builder.ToString();
    }

    private static Gen<string> Text(string pool, int max) =>
        from length in Gen.Choose(0, max)
        from chars in Gen.ArrayOf(Gen.Elements(pool.ToCharArray()), length)
        select new string(chars);

    private static Gen<string> Scalar(bool inFlow) =>
        Gen.OneOf(
            Text("abc XYZ09.,-_/:#[]{}!&*|>%@`?=~'é王ø", 10).Select(t => "\"" + t + "\""),
            Text("abc XYZ09.,-_/:#[]{}!&*|>%@`?=~\"é王ø\\", 10).Select(t => "'" + t + "'"),
            from first in Gen.Elements("aZ09é王".ToCharArray())
            from rest in Text(inFlow ? "abc XYZ09.-_/+é" : "abc XYZ09.,-_/[]{}()!&*|>%@`?=~'\"é王ø", 10)
            where !rest.EndsWith(' ')
            select first + rest,
            Gen.Elements("true", "null", "2022", "2026-12-01", "1e3", "0x1F", "a b", "x:y", "http://x.org/a?b=c", "Ada"));

    private static Gen<string> FlowSequence() =>
        from count in Gen.Choose(0, 3)
        from items in Gen.ArrayOf(Scalar(inFlow: true), count)
        from comma in Gen.Elements(", ", ",", " , ")
        select "[" + string.Join(comma, items) + "]";

    private static Gen<string> FlowMap() =>
        from count in Gen.Choose(0, 3)
        from keys in Gen.ArrayOf(Gen.Elements("doi", "arxiv", "a", "name", "id"), count)
        from values in Gen.ArrayOf(Scalar(inFlow: true), count)
        from open in Gen.Elements("{ ", "{")
        from close in Gen.Elements(" }", "}")
        select open + string.Join(", ", keys.Zip(values, (k, v) => k + ": " + v)) + close;

    private static Gen<string> BlockSequence() =>
        from count in Gen.Choose(1, 3)
        from indent in Gen.Elements("", "  ", "  ", " ", "    ")
        from items in Gen.ArrayOf(Gen.Frequency((4, Scalar(inFlow: false)), (1, FlowSequence()), (1, FlowMap())), count)
        select "\n" + string.Join("\n", items.Select(item => indent + "- " + item));

    private static Gen<string> Entry() =>
        from key in Gen.Elements("title", "year", "name", "a", "b_c", "x-y", "ids", "K2", "authors", "topics")
        from value in Gen.Frequency(
            (6, Scalar(inFlow: false)),
            (2, FlowSequence()),
            (2, FlowMap()),
            (2, BlockSequence()))
        from blank in Gen.Frequency((6, Gen.Constant("")), (1, Gen.Constant("\n")))
        select (value.StartsWith('\n') ? key + ":" : key + ": ") + value + "\n" + blank;

    private static (YamlMap? Map, int Errors) ParseInFull(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        var map = YamlParser.ParseInFull(yaml.AsMemory(), "test.md", 1, diagnostics);
        return (map, diagnostics.ErrorCount);
    }

    private static string FrontMatterOf(string text)
    {
        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        return end < 0 ? text[4..] : text[4..(end + 1)];
    }

    /// <summary>The whole tree as text, marks included, so that a difference shows where it is.</summary>
    private static string Describe(YamlValue? value)
    {
        var text = new StringBuilder();
        Describe(value, 0, text);
        return text.ToString();
    }

    private static void Describe(YamlValue? value, int depth, StringBuilder text)
    {
        text.Append(' ', depth * 2);
        switch (value)
        {
            case null:
                text.Append("(none)\n");
                break;
            case YamlScalar scalar:
                text.Append($"scalar {Escape(scalar.Value)} {scalar.Style} tag '{scalar.Tag}' at {Mark(scalar)}\n");
                break;
            case YamlList list:
                text.Append($"list at {Mark(list)}\n");
                foreach (var item in list.Items)
                {
                    Describe(item, depth + 1, text);
                }

                break;
            case YamlMap map:
                text.Append($"map at {Mark(map)}\n");
                foreach (var (key, item) in map.Entries)
                {
                    Describe(key, depth + 1, text);
                    Describe(item, depth + 2, text);
                }

                break;
        }
    }

    private static string Mark(YamlValue value) => $"{value.Start.Index}/{value.Start.Line}:{value.Start.Column}";

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
