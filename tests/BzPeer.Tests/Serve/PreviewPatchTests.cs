using System.Text;
using BzPeer.Serve;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Serve;

/// <summary>
/// serve's fast path: an edit to a publication's text swaps the record into the resolved graph in place, and
/// every file that shows the work (its page, its authors' profiles and feeds, slices, indexes) is re-rendered;
/// an edit that changes links goes through a rebuild of the graph.
/// </summary>
public sealed class PreviewPatchTests : IDisposable
{
    private const string Apollo = "content/publications/apollo-2021.md";
    private readonly TestSite _site = TestSite.Demo();
    private readonly PreviewSite _preview;
    private readonly string _original;

    public PreviewPatchTests()
    {
        _preview = new PreviewSite(_site.Root, "https://example.org/bzpeer/");
        _original = File.ReadAllText(Path.Combine(_site.Root, Apollo));
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public void A_title_edit_is_patched_in_place_and_every_file_showing_the_work_follows()
    {
        // Render (and cache) the files that show the work before the edit.
        string[] showing =
        [
            "publications/apollo-2021/index.html", "researchers/milad-hashemi/index.html", "researchers/milad-hashemi/feed.xml",
            "graph/researchers/milad-hashemi.json", "graph/publications/apollo-2021.json", "graph/graph.json", "search.json",
            "publications/index.html", "researchers/kevin-swersky/index.html",
        ];
        foreach (var path in showing)
        {
            Assert.Contains("Apollo: Transferable", Text(path));
        }

        var untouched = "publications/index.html";
        var report = Edit(_original.Replace("Apollo: Transferable Architecture Exploration", "Apollo Renamed In Place"));

        Assert.Equal("patch", report.Kind);
        Assert.Equal(0, report.Errors);
        foreach (var path in showing)
        {
            var text = Text(path);
            Assert.Contains("Apollo Renamed In Place", text);
            Assert.DoesNotContain("Apollo: Transferable", text);
        }

        Assert.True(report.Invalidated >= showing.Length, $"invalidated {report.Invalidated}");
        Assert.Contains("Apollo Renamed In Place", Text(untouched));
    }

    [Fact]
    public void A_renamed_work_moves_to_its_new_place_in_the_nearby_lists()
    {
        static List<string> NearbyPapers(string html) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html)
            .QuerySelectorAll(".nearby-publication li").Select(li => li.TextContent.Trim()).ToList();

        var before = NearbyPapers(Text("researchers/milad-hashemi/index.html"));
        Assert.Contains("Apollo: Transferable Architecture Exploration", before);
        Assert.NotEqual("Zzz renamed", before[^1]);

        var report = Edit(_original.Replace("Apollo: Transferable Architecture Exploration", "Zzz renamed"));

        Assert.Equal("patch", report.Kind);
        var after = NearbyPapers(Text("researchers/milad-hashemi/index.html"));
        Assert.Equal("Zzz renamed", after[^1]);
        Assert.Equal(after.Order(StringComparer.Ordinal), after);
    }

    [Fact]
    public void The_abstract_and_year_follow_and_the_author_list_is_reordered_newest_first()
    {
        var report = Edit(_original.Replace("year: 2021", "year: 2031").Replace("The looming end of Moore's Law", "A patched abstract about Moore's Law"));

        Assert.Equal("patch", report.Kind);
        var page = Text("publications/apollo-2021/index.html");
        Assert.Contains("A patched abstract", page);
        Assert.Contains("2031", page);
        var profile = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Text("researchers/milad-hashemi/index.html"));
        var works = profile.QuerySelectorAll("li.work h3 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.True(works.Count > 1);
        // Now the newest work, it comes first among the profile's works.
        Assert.Equal("/bzpeer/publications/apollo-2021/", works[0]);
    }

    [Fact]
    public void An_edit_that_changes_links_rebuilds_the_graph()
    {
        var report = Edit(_original.Replace("  - \"kevin-swersky\"\n", ""));

        Assert.Equal("incremental", report.Kind);
        Assert.DoesNotContain("researchers/kevin-swersky/", Text("publications/apollo-2021/index.html"));
        Assert.Contains("researchers/milad-hashemi/", Text("publications/apollo-2021/index.html"));
    }

    [Fact]
    public void A_broken_edit_is_not_patched_and_the_next_good_one_recovers()
    {
        Assert.Equal("incremental", Edit(_original.Replace("year: 2021", "year: twenty-one")).Kind);
        Assert.True(_preview.HasErrors);

        var fixedReport = Edit(_original.Replace("Apollo: Transferable Architecture Exploration", "Apollo Fixed"));
        Assert.False(_preview.HasErrors);
        Assert.Contains("Apollo Fixed", Text("publications/apollo-2021/index.html"));
        // The file had an error before this edit, so the graph was rebuilt rather than patched.
        Assert.Equal("incremental", fixedReport.Kind);
        Assert.Equal("patch", Edit(_original).Kind);
        Assert.Contains("Apollo: Transferable", Text("publications/apollo-2021/index.html"));
    }

    private RebuildReport Edit(string text)
    {
        File.WriteAllText(Path.Combine(_site.Root, Apollo), text);
        return _preview.Apply([Apollo]);
    }

    private string Text(string path) => Encoding.UTF8.GetString(_preview.Get(path) ?? throw new InvalidOperationException($"{path} is not served"));
}
