using BzPeer.Import;
using static BzPeer.Tests.Import.ImportTestSupport;

namespace BzPeer.Tests.Import;

/// <summary>Matching, ids, never-clobber, dry run and exit codes, on small sites written inline.</summary>
public class ImportRunnerTests
{
    private const string Hashemi = """
        ---
        name: "Milad Hashemi"
        aliases: [M. Hashémi]
        orcid: 0000-0002-1825-0097
        ---
        Hand-written biography.
        """;

    private const string Prime = """
        ---
        title: "Data-Driven Offline Optimization For Architecting Hardware Accelerators"
        type: preprint
        year: 2022
        authors: [milad-hashemi]
        ids: { arxiv: "2110.11346", doi: "https://doi.org/10.48550/ARXIV.2110.11346" }
        ---
        """;

    [Fact]
    public void Publications_match_by_doi_ignoring_case_and_prefix_then_arxiv_then_title_and_year()
    {
        using var site = NewSite(("content/publications/prime.md", Prime), ("content/publications/oa.md", """
            ---
            title: "The State of OA: A Large-Scale Analysis"
            year: 2018
            ---
            """));
        var bib = site.Write("in/refs.bib", """
            @misc{bydoi, title = {Different Title}, year = 2022, doi = {10.48550/arxiv.2110.11346}}
            @misc{byarxiv, title = {Other}, year = 2022, eprint = {2110.11346v3}, archivePrefix = {arXiv}}
            @article{bytitle, title = {The state of {OA} -- a large-scale analysis}, year = 2018}
            @article{otheryear, title = {The state of OA: a large-scale analysis}, year = 2019}
            """);
        var (result, output) = RunImport(site, ImportFormat.Bibtex, bib);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, result.Matched);
        Assert.Contains("matched  publication  prime  (bydoi: Different Title; by doi 10.48550/arxiv.2110.11346)", output, StringComparison.Ordinal);
        Assert.Contains("matched  publication  prime  (byarxiv: Other; by arXiv 2110.11346)", output, StringComparison.Ordinal);
        Assert.Contains("matched  publication  oa  (bytitle:", output, StringComparison.Ordinal);
        Assert.Equal(["content/publications/2019-state-oa-large.md"], result.NewFiles);
    }

    [Fact]
    public void Authors_match_researchers_by_orcid_then_name_or_alias_ignoring_accents_case_and_punctuation()
    {
        using var site = NewSite(("content/researchers/milad-hashemi.md", Hashemi), ("content/researchers/kevin-swersky.md", "---\nname: Kevin Swersky\n---\n"));
        var csl = site.Write("in/items.json", """
            [{"id": "a", "type": "article-journal", "title": "One", "issued": {"date-parts": [["2020"]]},
              "author": [{"family": "Hashemi-Other", "given": "Someone", "ORCID": "https://orcid.org/0000-0002-1825-0097"},
                         {"literal": "KEVIN  SWERSKY"}, {"literal": "m hashemi"}, {"literal": "Junwhan Ahn"}, {"literal": "madonna"}]}]
            """);
        var (result, _) = RunImport(site, ImportFormat.Csl, csl);

        Assert.Equal(0, result.ExitCode);
        var front = ReadContent(site.PathOf(Assert.Single(result.NewFiles))).FrontMatter;
        // The ORCID wins over the spelling; a second match for the same researcher stays a plain name.
        Assert.Equal(["milad-hashemi", "kevin-swersky", "m hashemi", "Junwhan Ahn", "{madonna}"], front.Strings("authors"));
    }

    [Fact]
    public void Researcher_option_turns_the_matching_bib_author_into_the_researchers_id()
    {
        using var site = NewSite(("content/researchers/albert-einstein.md", "---\nname: Albert Einstein\n---\n"));
        var bib = site.Write("in/refs.bib", """
            @article{a, title = {Relativity}, author = {Einstein, A. and Taub, AH}, year = 1950}
            @article{b, title = {Not him}, author = {Einstein, Alfred}, year = 1951}
            """);
        var (result, _) = RunImport(site, ImportFormat.Bibtex, bib, researcher: "albert-einstein");

        Assert.Equal(0, result.ExitCode);
        var fronts = result.NewFiles.Select(f => ReadContent(site.PathOf(f)).FrontMatter).ToList();
        Assert.Equal(["albert-einstein", "AH Taub"], fronts.Single(f => f.Scalar("title") == "Relativity").Strings("authors"));
        Assert.Equal(["Alfred Einstein"], fronts.Single(f => f.Scalar("title") == "Not him").Strings("authors"));
    }

    [Fact]
    public void Usage_errors_exit_2_and_write_nothing()
    {
        using var site = NewSite(("content/researchers/ada.md", "---\nname: Ada\n---\n"));
        var bib = site.Write("in/refs.bib", "@misc{k, title={T}, year=2000}");
        var before = site.Snapshot();

        Assert.Equal(2, RunImport(site, ImportFormat.Bibtex, site.PathOf("in/missing.bib")).Result.ExitCode);
        var (unknown, output) = RunImport(site, ImportFormat.Bibtex, bib, researcher: "grace-hopper");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no content/researchers/grace-hopper.md", output, StringComparison.Ordinal);
        Assert.Equal(2, RunImport(site, ImportFormat.Bibtex, bib, researcher: "Not An Id").Result.ExitCode);
        Assert.Null(ImportRunner.ParseFormat("ris"));
        Assert.Equal(before, site.Snapshot());
    }

    [Fact]
    public void Existing_files_are_never_changed_and_taken_ids_get_a_suffix()
    {
        using var site = NewSite(
            ("content/publications/lovelace-1843-notes-analytical-engine.md", "---\ntitle: Something else entirely\nyear: 1700\n---\nHand edits.\n"),
            ("content/publications/broken.md", "---\ntitle: [unclosed\n---\n"),
            ("content/researchers/milad-hashemi.md", Hashemi));
        var bib = site.Write("in/refs.bib", """
            @article{one, title = {Notes on the Analytical Engine}, author = {Lovelace, Ada}, year = 1843}
            @article{two, title = {Notes on the Analytical Engine, part two}, author = {Lovelace, Ada}, year = 1843}
            """);
        var before = site.Snapshot();
        var (result, output) = RunImport(site, ImportFormat.Bibtex, bib);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["content/publications/lovelace-1843-notes-analytical-engine-2.md", "content/publications/lovelace-1843-notes-analytical-engine-3.md"],
            result.NewFiles);
        foreach (var (path, text) in before)
        {
            Assert.Equal(text, File.ReadAllText(site.PathOf(path)));
        }
        // The unparsable file is left alone; the import only points at bzpeer check.
        Assert.Contains("note: the site's existing content has 1 errors (not caused by this import)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Dry_run_prints_new_matched_and_errors_and_writes_nothing()
    {
        using var site = NewSite(("content/publications/prime.md", Prime));
        var bib = site.Write("in/refs.bib", """
            @misc{known, title = {PRIME}, year = 2022, eprint = {2110.11346}}
            @misc{fresh, title = {Fresh Work}, author = {Doe, Jane}, year = 2024}
            @misc{broken, title = {Broken} year = 2024}
            """);
        var before = site.Snapshot();
        var (result, output) = RunImport(site, ImportFormat.Bibtex, bib, dryRun: true);

        Assert.Equal(before, site.Snapshot());
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["content/publications/doe-2024-fresh-work.md"], result.NewFiles);
        Assert.Contains("Plan (dry run, nothing written)", output, StringComparison.Ordinal);
        Assert.Contains("new      publication  content/publications/doe-2024-fresh-work.md", output, StringComparison.Ordinal);
        Assert.Contains("matched  publication  prime", output, StringComparison.Ordinal);
        Assert.Contains("refs.bib(3,32): error BZP501:", output, StringComparison.Ordinal);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("refs.bib", 3, 32, true), (error.File, error.Line, error.Column, error.IsError));
        Assert.Contains("1 new (1 publication), 1 matched, 0 skipped, 1 errors, 0 warnings; dry run: nothing written", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_work_listed_twice_in_one_file_is_written_once_and_the_second_is_skipped()
    {
        using var site = NewSite();
        var bib = site.Write("in/refs.bib", """
            @article{a, title = {Same Paper}, year = 2020, doi = {10.1234/same}}
            @inproceedings{b, title = {Same paper (conference version)}, year = 2020, doi = {10.1234/SAME}}
            """);
        var (result, output) = RunImport(site, ImportFormat.Bibtex, bib);
        Assert.Single(result.NewFiles);
        Assert.Equal(1, result.Skipped);
        Assert.Contains("skipped  publication  2020-same-paper  (b: Same paper (conference version); same doi", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Written_publication_follows_the_spec_layout_and_keeps_provenance()
    {
        using var site = NewSite(("content/topics/machine-learning.md", "---\nname: Machine Learning\n---\n"));
        var bib = site.Write("in/my refs.bib", """
            @inproceedings{hashemi2018,
              title = {Learning Memory Access Patterns},
              author = {Hashemi, Milad and Swersky, Kevin},
              booktitle = {Proceedings of the 35th International Conference on Machine Learning},
              year = {2018}, month = jul, day = 10,
              keywords = {machine learning, Memory Systems},
              doi = {10.5555/3327144.3327226},
              eprint = {1803.02329}, archivePrefix = {arXiv},
              url = {https://proceedings.mlr.press/v80/hashemi18a.html},
              abstract = {The explosion in workload complexity \& recent slow-down in Moore's law scaling call for new approaches.},
            }
            """);
        var (result, _) = RunImport(site, ImportFormat.Bibtex, bib);
        Assert.Equal(["content/publications/hashemi-2018-learning-memory-access.md", "content/topics/memory-systems.md"], result.NewFiles);
        Assert.Equal("""
            ---
            title: "Learning Memory Access Patterns"
            type: "conference"
            year: 2018
            date: 2018-07-10
            venue: "Proceedings of the 35th International Conference on Machine Learning"
            authors:
              - "Milad Hashemi"
              - "Kevin Swersky"
            topics:
              - "machine-learning"
              - "memory-systems"
            ids:
              doi: "10.5555/3327144.3327226"
              arxiv: "1803.02329"
            links:
              url: "https://proceedings.mlr.press/v80/hashemi18a.html"
            source:
              kind: "bibtex"
              file: "my refs.bib"
              key: "hashemi2018"
            ---
            The explosion in workload complexity & recent slow-down in Moore's law scaling call for new approaches.

            """.Replace("\r\n", "\n", StringComparison.Ordinal), File.ReadAllText(site.PathOf(result.NewFiles[0])));
        Assert.Equal("---\nname: \"Memory Systems\"\n---\n", File.ReadAllText(site.PathOf(result.NewFiles[1])));
    }

    [Fact]
    public void An_imported_entry_whose_title_was_edited_by_hand_still_matches_by_its_source()
    {
        using var site = NewSite();
        var bib = site.Write("in/refs.bib", "@misc{draft, title = {Draft Title}, author = {Doe, Jane}, year = 2024}");
        var first = RunImport(site, ImportFormat.Bibtex, bib).Result;
        var path = site.PathOf(Assert.Single(first.NewFiles));
        File.WriteAllText(path, File.ReadAllText(path).Replace("Draft Title", "The Final, Better Title", StringComparison.Ordinal));

        var (again, output) = RunImport(site, ImportFormat.Bibtex, bib);
        Assert.Empty(again.NewFiles);
        Assert.Contains("by source bibtex refs.bib draft", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_file_into_two_fresh_sites_gives_identical_bytes()
    {
        var bib = "@article{a, title={A}, author={Z, Y}, year=2001}\n@book{b, title={B}, author={X, W}, year=2002, keywords={k1, k2}}";
        using var first = NewSite();
        using var second = NewSite();
        RunImport(first, ImportFormat.Bibtex, first.Write("in/r.bib", bib));
        RunImport(second, ImportFormat.Bibtex, second.Write("in/r.bib", bib));
        Assert.Equal(first.Snapshot(), second.Snapshot());
    }

    [Fact]
    public void Ten_thousand_entry_bibliography_imports_completely_and_a_second_run_adds_nothing()
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            text.Append($"@article{{key{i},\n  title = {{Study number {i} of {{GPU}} caches}},\n  author = {{Author{i % 97}, Given and Coauthor, Some}},\n")
                .Append($"  journal = {{Journal {i % 13}}},\n  year = {1990 + (i % 30)},\n  doi = {{10.5555/bench.{i}}},\n}}\n\n");
        }
        using var site = NewSite();
        var bib = site.Write("in/big.bib", text.ToString());
        var (result, _) = RunImport(site, ImportFormat.Bibtex, bib);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(10_000, result.NewFiles.Count);
        Assert.Equal(10_000, Directory.GetFiles(site.PathOf("content/publications")).Length);
        var again = RunImport(site, ImportFormat.Bibtex, bib).Result;
        Assert.Empty(again.NewFiles);
        Assert.Equal(10_000, again.Matched);
    }
}
