using BzPeer.Import;
using BzPeer.Import.Bibtex;

namespace BzPeer.Tests.Import;

public class BibtexImporterTests
{
    private static ParsedImport Import(string text) => BibtexImporter.Import(text, "refs.bib");

    private static ImportedWork Single(string text)
    {
        var parsed = Import(text);
        Assert.DoesNotContain(parsed.Diagnostics, d => d.IsError);
        return Assert.Single(parsed.Works);
    }

    [Fact]
    public void Crossref_child_inherits_year_publisher_and_the_parents_title_as_venue_but_not_its_doi()
    {
        var parsed = Import("""
            @inproceedings{child,
              author = {Ada Lovelace},
              title = {On Engines},
              crossref = {proc},
            }
            @proceedings{proc,
              title = {Proceedings of the Analytical Society},
              year = 1843,
              publisher = {Babbage Press},
              doi = {10.1000/proc},
            }
            """);
        var child = parsed.Works.Single(w => w.Source.Key == "child");
        Assert.Equal(1843, child.Year);
        Assert.Equal("Proceedings of the Analytical Society", child.Venue);
        Assert.Null(child.Doi);
        Assert.Equal("conference", child.Type);
        Assert.Equal(2, parsed.Works.Count);
    }

    [Fact]
    public void Missing_crossref_target_is_a_warning_at_the_crossref_field()
    {
        var parsed = Import("@article{k,\n  title = {T}, year = 2000,\n  crossref = {nowhere}}");
        Assert.Single(parsed.Works);
        var warning = Assert.Single(parsed.Diagnostics);
        Assert.Equal((ImportCodes.BibMissingCrossref, 3, 3), (warning.Code, warning.Line, warning.Column));
    }

    [Theory]
    [InlineData("article", "", "article")]
    [InlineData("article", "journal = {arXiv preprint arXiv:2006.16239},", "preprint")]
    [InlineData("inproceedings", "", "conference")]
    [InlineData("conference", "", "conference")]
    [InlineData("book", "", "book")]
    [InlineData("incollection", "", "chapter")]
    [InlineData("inbook", "", "chapter")]
    [InlineData("phdthesis", "", "thesis")]
    [InlineData("mastersthesis", "", "thesis")]
    [InlineData("techreport", "", "report")]
    [InlineData("misc", "eprint = {2004.10746}, archivePrefix = {arXiv},", "preprint")]
    [InlineData("misc", "", "other")]
    [InlineData("software", "", "software")]
    [InlineData("dataset", "", "dataset")]
    [InlineData("unpublished", "", "other")]
    public void Entry_types_map_to_spec_types(string bibType, string extra, string expected) =>
        Assert.Equal(expected, Single($"@{bibType}{{k, title = {{T}}, year = 2020, {extra}}}").Type);

    [Fact]
    public void Arxiv_ids_come_from_eprint_doi_or_journal_mentions_without_version()
    {
        Assert.Equal("2004.10746", Single("@misc{k, title={T}, year=2020, eprint={2004.10746v2}, archivePrefix={arXiv}}").Arxiv);
        Assert.Equal("2006.16239", Single("@misc{k, title={T}, year=2020, doi={10.48550/arXiv.2006.16239}}").Arxiv);
        Assert.Equal("2110.11346", Single("@article{k, title={T}, year=2021, journal={arXiv preprint arXiv:2110.11346}}").Arxiv);
        Assert.Null(Single("@misc{k, title={T}, year=2020, eprint={hep/123}, archivePrefix={HAL}}").Arxiv);
    }

    [Fact]
    public void Doi_is_normalised_from_urls_and_prefixes()
    {
        Assert.Equal("10.1103/PhysRev.47.777", Single("@article{k, title={T}, year=1935, doi={https://doi.org/10.1103/PhysRev.47.777}}").Doi);
        Assert.Equal("10.1000/ABC", Single("@article{k, title={T}, year=1935, doi={doi:10.1000/ABC}}").Doi);
        Assert.Null(Single("@article{k, title={T}, year=1935, doi={not a doi}}").Doi);
    }

    [Fact]
    public void Full_date_comes_from_date_or_from_year_month_day()
    {
        Assert.Equal("2020-06-29", Single("@misc{k, title={T}, date={2020-06-29}}").Date);
        Assert.Equal(2020, Single("@misc{k, title={T}, date={2020-06-29}}").Year);
        Assert.Equal("1935-05-15", Single("@article{k, title={T}, year=1935, month=may, day={15}}").Date);
        Assert.Null(Single("@article{k, title={T}, year=1935, month={10--15 Jul}, day={3}}").Date);
        Assert.Null(Single("@article{k, title={T}, year=1935, month=feb, day={30}}").Date);
    }

    [Fact]
    public void Year_missing_is_taken_from_the_key_with_a_warning_or_else_the_entry_is_an_error()
    {
        var guessed = Import("@inproceedings{song2020, title = {T}}");
        Assert.Equal(2020, Assert.Single(guessed.Works).Year);
        Assert.Equal(ImportCodes.YearGuessed, Assert.Single(guessed.Diagnostics).Code);

        var missing = Import("@misc{noyear, title = {T}}\n@misc{bad, title = {T}, year = {in press}}");
        Assert.Empty(missing.Works);
        Assert.All(missing.Diagnostics, d => Assert.Equal((ImportCodes.MissingYear, true), (d.Code, d.IsError)));
        Assert.Equal([1, 2], missing.Diagnostics.Select(d => d.Line));
    }

    [Fact]
    public void Entry_without_title_is_an_error_at_its_line()
    {
        var parsed = Import("\n\n@misc{k, year = 2000}");
        Assert.Empty(parsed.Works);
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal((ImportCodes.MissingTitle, 3, 1), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void Authors_and_others_keywords_links_and_abstract_are_read()
    {
        var work = Single("""
            @article{k,
              title = {{GPU} Caches},
              author = {M{\"u}ller, J{\"o}rg and van der Berg, Anna and others},
              year = 2019,
              journal = {Journal of Things,},
              keywords = {caches; GPUs, machine learning},
              url = {https://example.org/paper},
              pdf = {assets/local.pdf},
              code = {javascript:alert(1)},
              abstract = {We study {GPU} caches.

                A second paragraph.},
            }
            """);
        Assert.Equal("GPU Caches", work.Title);
        Assert.Equal(["Jörg Müller", "Anna van der Berg"], work.Authors.Select(a => a.Name));
        Assert.Equal(["Müller", "Berg"], work.Authors.Select(a => a.Family));
        Assert.True(work.MoreAuthors);
        Assert.Equal(["caches", "GPUs", "machine learning"], work.Topics.Select(t => t.Name));
        Assert.Equal("Journal of Things", work.Venue);
        Assert.Equal(new Dictionary<string, string> { ["url"] = "https://example.org/paper" }, work.Links);
        Assert.Equal("We study GPU caches.\n\nA second paragraph.", work.Abstract);
    }

    [Fact]
    public void Editors_stand_in_for_authors_of_an_edited_book()
    {
        var work = Single("@book{k, title={Edited}, year=2001, editor={Smith, Jane and Doe, John}}");
        Assert.Equal(["Jane Smith", "John Doe"], work.Authors.Select(a => a.Name));
    }

    [Fact]
    public void Quirks_fixture_imports_every_good_entry_reports_the_broken_one_and_adds_nothing_the_second_time()
    {
        var file = Path.Combine(ImportTestSupport.RepoRoot(), "tests", "fixtures", "import", "quirks.bib");
        using var site = ImportTestSupport.NewSite();
        var (result, output) = ImportTestSupport.RunImport(site, ImportFormat.Bibtex, file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("quirks.bib(37,3): error BZP501: expected ',' or '}' after the value of field 'title' in entry 'broken2022'", output, StringComparison.Ordinal);
        Assert.Equal(
        [
            "content/publications/garcia-2021-quoted-values-work.md",
            "content/publications/last-2023-still-imported-after.md",
            "content/publications/muller-2020-etude-gpu-caches.md",
            "content/publications/ng-2020-proceedings-ieee-symposium.md",
            "content/topics/caches.md",
            "content/topics/gpus.md",
        ], result.NewFiles);

        var muller = ImportTestSupport.ReadContent(site.PathOf("content/publications/muller-2020-etude-gpu-caches.md")).FrontMatter;
        Assert.Equal("Étude of GPU Caches: Fast & Fair", muller.Scalar("title"));
        Assert.Equal("Proceedings of the IEEE Symposium on Things", muller.Scalar("venue"));
        Assert.Equal("2020", muller.Scalar("year"));
        Assert.Equal(["Jörg Müller", "Jean de la Fontaine", "Ludwig van Beethoven, Jr"], muller.Strings("authors"));
        Assert.Equal("true", muller.Scalar("more_authors"));
        Assert.Equal("10.5555/QUIRKS.2020", muller.Map("ids")!.Scalar("doi"));
        // A journal article that also has an arXiv eprint stays an article; the eprint is kept as its arXiv id.
        var garcia = ImportTestSupport.ReadContent(site.PathOf("content/publications/garcia-2021-quoted-values-work.md")).FrontMatter;
        Assert.Equal(["María García", "François Straßer"], garcia.Strings("authors"));
        Assert.Equal("Journal of Øster Studies", garcia.Scalar("venue"));
        Assert.Equal(("article", "2101.00001"), (garcia.Scalar("type"), garcia.Map("ids")!.Scalar("arxiv")));

        var before = site.Snapshot();
        var again = ImportTestSupport.RunImport(site, ImportFormat.Bibtex, file).Result;
        Assert.Empty(again.NewFiles);
        Assert.Equal(4, again.Matched);
        Assert.Equal(before, site.Snapshot());
    }
}
