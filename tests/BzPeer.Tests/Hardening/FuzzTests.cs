using System.Text;
using BzPeer.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace BzPeer.Tests.Hardening;

/// <summary>
/// Mutation fuzzing: valid content files (the demo site's and the hostile fixture's) are mutated — byte flips,
/// truncation, line shuffles, random YAML spliced in — and checked; every tenth case is rendered in full.
/// The property is that no input throws. Case count: BZPEER_FUZZ_CASES (default 500; run 10000 with
/// <c>BZPEER_FUZZ_CASES=10000 dotnet test tests/BzPeer.Tests --filter FullyQualifiedName~Hardening.FuzzTests</c>).
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] Snippets =
    [
        "&a [*a]", "*undefined", "!!binary AAAA", "? [a]\n: b", "{", "[", "- - - x", "name: \"", "'", "|\n  x", ">-",
        "year: 1e999", "authors: {name: }", "links: {homepage: javascript:x}", "\t", "---", "%YAML 1.1", "<<: *x", "\u0000",
        "\ud800", "\u2028", "date: 0000-00-00", "followers: -0", "ids: [1, 2]", "topics: {a: b}", "name: !!int x", "~", "null: null",
    ];

    private static readonly byte[] SiteYml = Encoding.UTF8.GetBytes("title: Fuzz\nbase_url: https://fuzz.example.org/\n");

    private static readonly Lazy<(string Path, byte[] Bytes)[]> Seeds = new(LoadSeeds);

    [Fact]
    public void Mutated_content_never_throws()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("BZPEER_FUZZ_CASES"), out var n) ? n : 500;
        using var site = TestSite.Create("-- content/researchers/ada.md --\n---\nname: Ada\n---\n");
        var counter = 0;
        var gen = from seed in Gen.Choose(0, Seeds.Value.Length - 1)
                  from kind in Gen.Choose(0, 4)
                  from random in Gen.Choose(0, int.MaxValue - 1)
                  select (seed, kind, random);

        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var (path, bytes) = Seeds.Value[c.seed];
            var mutated = Mutate(bytes, c.kind, new Random(c.random));
            foreach (var folder in new[] { "researchers", "publications", "topics", "institutions" })
            {
                var dir = Path.Combine(site.Root, "content", folder);
                if (Directory.Exists(dir))
                {
                    foreach (var file in Directory.GetFiles(dir).Where(f => !f.EndsWith("ada.md", StringComparison.Ordinal)))
                    {
                        File.Delete(file);
                    }
                }
            }

            site.WriteBytes("site.yml", SiteYml);
            site.WriteBytes(path, mutated);
            var options = new BuildOptions { SiteDirectory = site.Root };
            BuildResult result;
            try
            {
                result = Interlocked.Increment(ref counter) % 10 == 0 ? SiteBuilder.Render(options) : SiteBuilder.Check(options);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"{path} crashed the build; input (base64): {Convert.ToBase64String(mutated)}", e);
            }

            foreach (var diagnostic in result.Diagnostics.Sorted())
            {
                if (string.IsNullOrEmpty(diagnostic.Location.Path))
                {
                    throw new InvalidOperationException($"diagnostic without a file: {diagnostic}");
                }
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(cases).WithParallelRunConfig(null));
        Assert.Equal(cases, counter);
    }

    internal static byte[] Mutate(byte[] bytes, int kind, Random random)
    {
        switch (kind)
        {
            case 0:
                {
                    var copy = (byte[])bytes.Clone();
                    for (var i = random.Next(1, 8); i > 0 && copy.Length > 0; i--)
                    {
                        copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                    }

                    return copy;
                }

            case 1:
                return bytes[..random.Next(bytes.Length + 1)];
            case 2:
                {
                    var lines = Encoding.UTF8.GetString(bytes).Split('\n');
                    random.Shuffle(lines.AsSpan(0, Math.Min(lines.Length, 12)));
                    return Encoding.UTF8.GetBytes(string.Join('\n', lines));
                }

            case 3:
                {
                    var lines = Encoding.UTF8.GetString(bytes).Split('\n').ToList();
                    for (var i = random.Next(1, 4); i > 0; i--)
                    {
                        var snippet = Snippets[random.Next(Snippets.Length)];
                        var at = random.Next(Math.Min(lines.Count, 12) + 1);
                        if (random.Next(2) == 0 && at < lines.Count)
                        {
                            lines[at] += " " + snippet;
                        }
                        else
                        {
                            lines.Insert(at, snippet);
                        }
                    }

                    return Encoding.UTF8.GetBytes(string.Join('\n', lines));
                }

            default:
                return Encoding.UTF8.GetBytes(RandomYaml(random, 0, new StringBuilder("---\n")).Append("---\nbody\n").ToString());
        }
    }

    private static StringBuilder RandomYaml(Random random, int depth, StringBuilder yaml)
    {
        string[] keys = ["name", "title", "year", "authors", "topics", "links", "ids", "aliases", "followers", "date", "summary", "affiliations", "type", "orcid", "x"];
        string[] scalars = ["", "1", "-1", "2020", "true", "null", "ada", "\"q\"", "[]", "{}", "[ada, x]", "{name: B}", "2020-02-30", "https://e.org", "javascript:1", "'<b>'"];
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            var indent = new string(' ', depth * 2);
            var key = keys[random.Next(keys.Length)];
            if (depth < 3 && random.Next(4) == 0)
            {
                yaml.Append(indent).Append(key).Append(":\n");
                RandomYaml(random, depth + 1, yaml);
            }
            else if (random.Next(5) == 0)
            {
                yaml.Append(indent).Append(key).Append(":\n").Append(indent).Append("  - ").Append(scalars[random.Next(scalars.Length)]).Append('\n');
            }
            else
            {
                yaml.Append(indent).Append(key).Append(": ").Append(scalars[random.Next(scalars.Length)]).Append('\n');
            }
        }

        return yaml;
    }

    private static (string Path, byte[] Bytes)[] LoadSeeds() =>
        new[] { Repo.Root, Path.Combine(Repo.Root, "tests", "fixtures", "hostile") }
            .SelectMany(root => Directory.EnumerateFiles(Path.Combine(root, "content"), "*.md", SearchOption.AllDirectories)
                .Select(f => (Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes(f))))
            .Append(("site.yml", File.ReadAllBytes(Path.Combine(Repo.Root, "site.yml"))))
            .OrderBy(s => s.Item1, StringComparer.Ordinal)
            .ToArray();
}
