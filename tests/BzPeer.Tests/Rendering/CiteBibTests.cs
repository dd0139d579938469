using BzPeer.Tests.Support;

namespace BzPeer.Tests.Rendering;

/// <summary>
/// cite.bib files are written as UTF-8 while each entry is made, the page's cite box as text: both must hold the same
/// entry, with TeX specials escaped and names as written.
/// </summary>
public sealed class CiteBibTests
{
    [Fact]
    public void A_works_file_is_its_cite_box_and_an_authors_file_is_their_works_entries_newest_first()
    {
        using var site = TestSite.Create("""
            -- content/researchers/zoe.md --
            ---
            name: "Zoë Ñúñez"
            ---
            -- content/publications/costs-2021.md --
            ---
            title: "Costs of 100% {exact} rates_ & more"
            year: 2021
            date: 2021-03-04
            venue: "Proc. of R&D"
            authors: ["zoe", "Łukasz Żółw"]
            ids: { doi: "10.1000/a_b" }
            ---
            -- content/publications/notes-2019.md --
            ---
            title: "Notes ~ on \\ caches ^ 𝔽"
            year: 2019
            authors: ["zoe"]
            ---
            """);
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Sorted()));

        var costs = site.Read("publications/costs-2021/cite.bib");
        Assert.Equal("""
            @misc{costs-2021,
              title = {Costs of 100\% \{exact\} rates\_ \& more},
              author = {Zoë Ñúñez and Łukasz Żółw},
              year = {2021},
              month = {3},
              howpublished = {Proc. of R\&D},
              doi = {10.1000/a\_b},
            }

            """.ReplaceLineEndings("\n"), costs);
        var notes = site.Read("publications/notes-2019/cite.bib");
        Assert.Contains("title = {Notes \\textasciitilde{} on \\textbackslash{} caches \\textasciicircum{} 𝔽}", notes, StringComparison.Ordinal);
        foreach (var (id, file) in new[] { ("costs-2021", costs), ("notes-2019", notes) })
        {
            Assert.Equal(file, BuiltSite.Page(site, $"publications/{id}/index.html").QuerySelector("textarea.bibtex")!.TextContent);
        }

        Assert.Equal(costs + "\n" + notes, site.Read("researchers/zoe/cite.bib"));
    }
}
