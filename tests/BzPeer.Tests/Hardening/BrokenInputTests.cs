using System.Text;
using BzPeer.Diagnostics;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Hardening;

/// <summary>
/// Malformed inputs, one inline case each with the diagnostic codes it must produce. Every case must finish
/// (generous timeout), stay within a memory bound, never throw, and locate its errors in a file (with a line
/// where a line makes sense). A failed build must leave the previous output untouched.
/// </summary>
public sealed class BrokenInputTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private const long MaxAllocatedBytes = 1L << 30;

    private const string Researcher = "---\nname: Ada Lovelace\n---\nBio.\n";
    private const string Paper = "---\ntitle: A paper\nyear: 2020\nauthors: [ada]\n---\n";

    public static TheoryData<string> Cases() => new(BrokenCases.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Broken_input_gives_located_diagnostics_not_exceptions(string name)
    {
        var @case = BrokenCases.All.Single(c => c.Name == name);
        using var site = TestSite.Create("-- content/researchers/ada.md --\n" + Researcher.TrimEnd('\n') + "\n-- content/publications/paper-2020.md --\n" + Paper.TrimEnd('\n'));
        @case.Setup(site);

        var (result, allocated) = await RunBounded(site);

        Assert.True(allocated < MaxAllocatedBytes, $"{name}: allocated {allocated / (1024 * 1024)} MB");
        var codes = result.Diagnostics.Sorted().Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var listing = string.Join("\n", TestSite.Codes(result));
        if (@case.Codes.Length == 0)
        {
            Assert.True(result.Succeeded, $"{name}: expected a clean build, got\n{listing}");
            var paths = result.Paths.ToList();
            Assert.NotEmpty(paths);
            Assert.Equal(paths.Count, paths.Distinct(StringComparer.Ordinal).Count());
            return;
        }

        foreach (var code in @case.Codes)
        {
            Assert.True(codes.Contains(code), $"{name}: expected {code}, got\n{listing}");
        }

        foreach (var diagnostic in result.Diagnostics.Sorted().Where(d => @case.Codes.Contains(d.Code)))
        {
            Assert.False(string.IsNullOrEmpty(diagnostic.Location.Path), $"{name}: {diagnostic} has no file");
            if (@case.File is not null)
            {
                Assert.Equal(@case.File, diagnostic.Location.Path);
            }

            if (@case.Line is int line)
            {
                Assert.Equal(line, diagnostic.Location.Line);
            }
        }
    }

    [Fact]
    public async Task A_failed_build_leaves_the_previous_output_exactly_as_it_was()
    {
        using var site = TestSite.Create("-- content/researchers/ada.md --\n" + Researcher);
        Assert.True(site.Build().Succeeded);
        var before = BuiltSite.Snapshot(site.Output);
        site.Write("content/researchers/bad.md", "---\nname: [unclosed\n---\n");
        var (result, _) = await RunBounded(site);
        Assert.False(result.Succeeded);
        Assert.Equal(before, BuiltSite.Snapshot(site.Output));
    }

    /// <summary>Runs a build on its own thread so the allocation count is this build's alone.</summary>
    private static async Task<(BuildResult Result, long Allocated)> RunBounded(TestSite site)
    {
        var done = new TaskCompletionSource<(BuildResult, long)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                var start = GC.GetAllocatedBytesForCurrentThread();
                var result = site.Build();
                done.SetResult((result, GC.GetAllocatedBytesForCurrentThread() - start));
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }, maxStackSize: 16 * 1024 * 1024) { IsBackground = true };
        thread.Start();
        return await done.Task.WaitAsync(Timeout);
    }
}

internal sealed record BrokenCase(string Name, Action<TestSite> Setup, string[] Codes, string? File = null, int? Line = null);

internal static class BrokenCases
{
    private const string R = "content/researchers/";
    private const string P = "content/publications/";

    private static BrokenCase Text(string name, string path, string text, string[] codes, int? line = null) =>
        new(name, s => s.Write(path, text), codes, path, line);

    private static BrokenCase Bytes(string name, string path, byte[] bytes, string[] codes, int? line = null) =>
        new(name, s => s.WriteBytes(path, bytes), codes, path, line);

    private static string AliasBomb()
    {
        var yaml = new StringBuilder("---\nname: Bomb\na0: [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i < 12; i++)
        {
            yaml.Append($"a{i}: &a{i} [*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1}]\n");
        }

        return yaml.Replace("a0: [", "a0: &a0 [").Append("---\n").ToString();
    }

    private static string Nested(int depth, char open, char close) =>
        "---\nname: Deep\nextra_deep: " + new string(open, depth) + new string(close, depth) + "\n---\n";

    private static string BlockNested(int depth)
    {
        var yaml = new StringBuilder("---\nname: Deep\n");
        for (var i = 0; i < depth; i++)
        {
            yaml.Append(new string(' ', i * 2)).Append('k').Append(i).Append(":\n");
        }

        return yaml.Append(new string(' ', depth * 2)).Append("v\n---\n").ToString();
    }

    public static readonly BrokenCase[] All =
    [
        Text("yaml-alias-bomb", R + "bomb.md", AliasBomb(), [DiagnosticCodes.UnsupportedYaml]),
        Text("yaml-nested-flow-sequences", R + "deep.md", Nested(10_000, '[', ']'), [DiagnosticCodes.UnsupportedYaml]),
        Text("yaml-nested-flow-mappings", R + "deep.md", "---\nname: Deep\nx: " + string.Concat(Enumerable.Repeat("{a: ", 5000)) + "1" + new string('}', 5000) + "\n---\n", [DiagnosticCodes.UnsupportedYaml]),
        Text("yaml-nested-blocks", R + "deep.md", BlockNested(200), [DiagnosticCodes.UnsupportedYaml]),
        Text("ten-megabyte-field", R + "huge.md", "---\nname: \"" + new string('x', 10 * 1024 * 1024) + "\"\n---\n", [DiagnosticCodes.FileTooLarge]),
        Text("large-but-allowed-field", R + "big.md", "---\nname: Big\nsummary: \"" + new string('y', 2 * 1024 * 1024) + "\"\n---\n", []),
        Bytes("binary-file", R + "binary.md", Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256)).ToArray(), [DiagnosticCodes.InvalidUtf8]),
        Bytes("png-in-content", P + "figure.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], [DiagnosticCodes.UnexpectedFile]),
        Bytes("utf8-bom", R + "bom.md", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("---\nname: Bom\n---\n")], []),
        Bytes("utf16-bom", R + "wide.md", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("---\nname: Wide\n---\n")], [DiagnosticCodes.InvalidUtf8]),
        Text("crlf-line-endings", R + "crlf.md", "---\r\nname: Crlf\r\nsummary: Windows\r\n---\r\nBody.\r\n", []),
        Text("crlf-error-line", R + "crlf.md", "---\r\nname: Crlf\r\nyear_of_birth: [\r\n---\r\n", [DiagnosticCodes.YamlSyntax]),
        Text("empty-file", R + "empty.md", "", [DiagnosticCodes.MissingFrontMatter]),
        Text("only-fences", R + "fences.md", "---\n---\n", [DiagnosticCodes.MissingRequiredKey]),
        Text("unterminated-front-matter", R + "open.md", "---\nname: Open\n", [DiagnosticCodes.UnterminatedFrontMatter]),
        Text("tab-indentation", R + "tabs.md", "---\nname: Tabs\nlinks:\n\thomepage: https://example.org/\n---\n", [DiagnosticCodes.TabIndentation], 4),
        new("symlink-out-of-site", s =>
        {
            var outside = Path.Combine(Path.GetTempPath(), "bzpeer-outside-" + Guid.NewGuid().ToString("N")[..8] + ".md");
            File.WriteAllText(outside, "---\nname: Secret\n---\nsecret text\n");
            File.CreateSymbolicLink(Path.Combine(s.Root, R, "linked.md"), outside);
        }, [DiagnosticCodes.UnreadableFile], R + "linked.md"),
        // The listing tells links from other files by their directory entries; links still get the full check.
        new("symlink-inside-the-site-is-read", s =>
        {
            Directory.CreateDirectory(Path.Combine(s.Root, "notes"));
            File.WriteAllText(Path.Combine(s.Root, "notes", "bob.md"), "---\nname: Bob\n---\n");
            File.CreateSymbolicLink(Path.Combine(s.Root, R, "bob.md"), Path.Combine("..", "..", "notes", "bob.md"));
        }, []),
        new("broken-symlink", s => File.CreateSymbolicLink(Path.Combine(s.Root, R, "gone.md"), Path.Combine(s.Root, "nowhere.md")),
            [DiagnosticCodes.UnreadableFile], R + "gone.md"),
        new("symlinked-folder-out-of-site", s =>
        {
            var outside = Path.Combine(Path.GetTempPath(), "bzpeer-outside-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(outside);
            File.WriteAllText(Path.Combine(outside, "x.md"), "---\nname: Secret\n---\n");
            Directory.CreateSymbolicLink(Path.Combine(s.Root, "content", "topics"), outside);
        }, [DiagnosticCodes.UnreadableFile]),
        Text("file-name-with-space", R + "ada lovelace.md", "---\nname: Spaced\n---\n", [DiagnosticCodes.InvalidFileName]),
        Text("file-name-unicode", R + "ádá.md", "---\nname: Accented\n---\n", [DiagnosticCodes.InvalidFileName]),
        Text("file-name-uppercase", R + "Ada.md", "---\nname: Upper\n---\n", [DiagnosticCodes.InvalidFileName]),
        Text("file-name-leading-dash", R + "-ada.md", "---\nname: Dash\n---\n", [DiagnosticCodes.InvalidFileName]),
        Text("file-name-dot-dot", R + "a..b.md", "---\nname: Dots\n---\n", [DiagnosticCodes.InvalidFileName]),
        Text("dotfile-is-ignored", R + "..md", "---\nname: [broken\n---\n", []),
        Text("topic-named-index", "content/topics/index.md", "---\nname: Index topic\n---\n", []),
        Text("researcher-named-feed", R + "feed.md", "---\nname: Feed Person\n---\n", []),
        Text("publication-named-cite", P + "cite.md", "---\ntitle: Cite\nyear: 2020\n---\n", []),
        Text("duplicate-keys", R + "dup.md", "---\nname: One\nname: Two\n---\n", [DiagnosticCodes.YamlSyntax], 3),
        // YamlDotNet's model checks a pair once its value is read: the outer 'a' comes first here, the inner 'b' next.
        Text("duplicate-keys-first-one-reported", R + "dup.md", "---\nname: One\na: 1\na: 2\nc:\n  b: 1\n  b: 2\n---\n", [DiagnosticCodes.YamlSyntax], 4),
        Text("duplicate-keys-inner-before-outer", R + "dup.md", "---\nname: One\na: 1\na:\n  b: 1\n  b: 2\n---\n", [DiagnosticCodes.YamlSyntax], 6),
        Text("duplicate-keys-in-a-large-map", R + "dup.md", "---\nname: One\n" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"k{i}: v\n")) + "k7: again\n---\n", [DiagnosticCodes.YamlSyntax], 50_003),
        Text("duplicate-collection-keys", R + "dup.md", "---\nname: One\n? [a, b]\n: 1\n? [a, b]\n: 2\n---\n", [DiagnosticCodes.YamlSyntax], 5),
        Text("same-key-with-another-tag-is-not-a-duplicate", R + "tagged.md", "---\nname: One\n!!str name: Two\n---\n", []),
        // The parser leaves the outer map with a key and no value; YamlDotNet's model threw an ArgumentException on it.
        Text("explicit-key-with-its-colon-outdented", R + "key.md", "---\nname: X\nsummary:\n  ? k\n: \n---\n", [DiagnosticCodes.YamlSyntax], 6),
        Text("duplicate-id-md-and-yml", R + "ada.yml", "name: Ada again\n", [DiagnosticCodes.DuplicateId]),
        Text("name-is-a-list", R + "list.md", "---\nname: [a, b]\n---\n", [DiagnosticCodes.WrongType], 2),
        Text("name-is-a-map", R + "map.md", "---\nname: {a: b}\n---\n", [DiagnosticCodes.WrongType], 2),
        Text("authors-is-a-string-number", P + "typed-2020.md", "---\ntitle: T\nyear: 2020\nauthors: 42\n---\n", [DiagnosticCodes.WrongType], 4),
        Text("year-is-text", P + "year-2020.md", "---\ntitle: T\nyear: twenty\n---\n", [DiagnosticCodes.WrongType], 3),
        Text("year-is-huge", P + "huge-2020.md", "---\ntitle: T\nyear: 99999999999999999999999999\n---\n", [DiagnosticCodes.WrongType], 3),
        Text("followers-negative", R + "neg.md", "---\nname: Neg\nfollowers: -5\n---\n", [DiagnosticCodes.InvalidValue], 3),
        Text("followers-huge", R + "big-followers.md", "---\nname: Big\nfollowers: 1e400\n---\n", [DiagnosticCodes.WrongType], 3),
        Text("date-month-13", P + "date-2020.md", "---\ntitle: T\nyear: 2020\ndate: 2020-13-45\n---\n", [DiagnosticCodes.InvalidDate], 4),
        Text("open-to-collaborate-text", R + "flag.md", "---\nname: Flag\nopen_to_collaborate: maybe\n---\n", [DiagnosticCodes.WrongType], 3),
        Text("links-is-a-list", R + "links.md", "---\nname: Links\nlinks: [https://example.org/]\n---\n", [DiagnosticCodes.WrongType], 3),
        Text("javascript-link-in-front-matter", R + "js.md", "---\nname: Js\nlinks: { homepage: \"javascript:alert(1)\" }\n---\n", [DiagnosticCodes.UnsafeLink], 3),
        Text("data-link-in-front-matter", P + "data-2020.md", "---\ntitle: T\nyear: 2020\nlinks: { pdf: \"data:text/html,<script>alert(1)</script>\" }\n---\n", [DiagnosticCodes.UnsafeLink], 4),
        Text("vbscript-contact", R + "vb.md", "---\nname: Vb\nclaimed: true\nopen_to_collaborate: true\ncontact: \"VBScript:msgbox(1)\"\n---\n", [DiagnosticCodes.UnsafeLink], 5),
        Bytes("invalid-utf8", R + "bad-utf8.md", [.. Encoding.UTF8.GetBytes("---\nname: Bad "), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\n---\n")], [DiagnosticCodes.InvalidUtf8]),
        Bytes("nul-bytes", R + "nul.md", [.. Encoding.UTF8.GetBytes("---\nname: Nul"), 0, .. Encoding.UTF8.GetBytes("\n---\n")], [DiagnosticCodes.InvalidUtf8]),
        Text("site-yml-is-a-list", "site.yml", "- title\n- base_url\n", [DiagnosticCodes.WrongType], null),
        Text("site-yml-empty", "site.yml", "", []),
        Text("site-yml-binary", "site.yml", "\u0001\u0002title: x\n", [DiagnosticCodes.ConfigUnknownKey]),
        Text("site-yml-alias-bomb", "site.yml", AliasBomb().Replace("---\n", "").Replace("name: Bomb\n", "title: Bomb\n"), [DiagnosticCodes.UnsupportedYaml]),
        Text("site-yml-wrong-types", "site.yml", "title: [a]\nclose_collaborator_min_shared: lots\ngraph: 3\n", [DiagnosticCodes.ConfigWrongType]),
        Text("site-yml-bad-base-url", "site.yml", "title: X\nbase_url: \"javascript:alert(1)//\"\n", [DiagnosticCodes.ConfigInvalidValue]),
        Text("unknown-author-id", P + "orphan-2020.md", "---\ntitle: T\nyear: 2020\nauthors: [ada-lovelase]\n---\n", [DiagnosticCodes.UnknownAuthorId], 4),
        Text("bad-orcid", R + "orcid.md", "---\nname: Orcid\norcid: 0000-0002-1825-0098\n---\n", [DiagnosticCodes.InvalidOrcid], 3),
        Text("unknown-publication-type", P + "type-2020.md", "---\ntitle: T\nyear: 2020\ntype: blogpost\n---\n", [DiagnosticCodes.UnknownPublicationType], 4),
        Text("yaml-custom-tag", R + "tag.md", "---\nname: !!python/object:os.system \"rm -rf /\"\n---\n", []),
        Text("flow-brace-before-block-sequence", R + "brace.md", "---\nname: \"Daniel Tarlow\"\n{\naffiliations:\n  - \"msr\"\n? [a]\n: b\n---\n", [DiagnosticCodes.YamlSyntax]),
        Text("front-matter-is-a-scalar", R + "scalar.md", "---\njust a string\n---\n", [DiagnosticCodes.WrongType]),
    ];
}
