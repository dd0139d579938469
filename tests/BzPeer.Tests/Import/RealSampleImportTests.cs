using BzPeer.Import;
using Xunit.Abstractions;
using static BzPeer.Tests.Import.ImportTestSupport;

namespace BzPeer.Tests.Import;

/// <summary>
/// Imports the real files in ../shared/import-samples (copied unchanged from public repositories; never
/// committed here). When that folder is absent each test says so in its output and returns.
/// </summary>
public class RealSampleImportTests(ITestOutputHelper output)
{
    [Fact]
    public void Al_folio_bibliography_imports_every_entry()
    {
        var file = Sample(output, "bibtex/al-folio_papers.bib");
        if (file is null)
        {
            return;
        }
        using var site = NewSite();
        var (result, text) = RunImport(site, ImportFormat.Bibtex, file);
        output.WriteLine(text);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, result.Errors);
        var publications = site.ContentFiles().Where(f => f.StartsWith("content/publications/", StringComparison.Ordinal)).ToList();
        Assert.Equal(7, publications.Count);
        var epr = ReadContent(site.PathOf("content/publications/einstein-1935-quantum-mechanical-description.md")).FrontMatter;
        Assert.Equal("Can Quantum-Mechanical Description of Physical Reality Be Considered Complete?", epr.Scalar("title"));
        Assert.Equal(["A. Einstein", "B. Podolsky", "N. Rosen"], epr.Strings("authors"));
        Assert.Equal("10.1103/PhysRev.47.777", epr.Map("ids")!.Scalar("doi"));
        Assert.Equal("Phys. Rev.", epr.Scalar("venue"));
        var german = ReadContent(site.PathOf("content/publications/einstein-1905-molekularkinetischen-theorie-warme.md")).FrontMatter;
        Assert.StartsWith("Über die von der molekularkinetischen Theorie der Wärme", german.Scalar("title"));
        var letters = ReadContent(site.PathOf("content/publications/einstein-1967-letters-wave-mechanics.md")).FrontMatter;
        Assert.Contains("Erwin Schrödinger", letters.Strings("authors"));
    }

    [Fact]
    public void Ml_for_systems_bibliography_imports_all_but_the_broken_entries_and_reports_them_by_line()
    {
        var file = Sample(output, "bibtex/ml-for-systems-taxonomy_bibliography.bib");
        if (file is null)
        {
            return;
        }
        var lines = File.ReadAllLines(file);
        var entryCount = lines.Count(l => l.TrimStart().StartsWith('@'));
        using var site = NewSite();
        var (result, text) = RunImport(site, ImportFormat.Bibtex, file);
        output.WriteLine(text);

        Assert.Equal(1, result.ExitCode);
        var syntaxErrors = text.Split('\n').Where(l => l.Contains("error BZP501", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(syntaxErrors);
        // Each error is reported at the line of the field after the missing comma, e.g. "annote = …" after "series = {ASPLOS '13}".
        foreach (var error in syntaxErrors)
        {
            var line = int.Parse(error.Split('(')[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Matches(@"^\s*(annote|annote)\s*=", lines[line - 1]);
            Assert.DoesNotMatch(@",\s*$", lines[line - 2]);
        }
        var publications = site.ContentFiles().Count(f => f.StartsWith("content/publications/", StringComparison.Ordinal));
        Assert.Equal(entryCount - syntaxErrors.Count, publications);
        Assert.Equal(syntaxErrors.Count, result.Errors);
    }

    [Fact]
    public void Csl_samples_import_with_authors_and_identifiers()
    {
        var dir = Sample(output, "csl-json");
        if (dir is null)
        {
            return;
        }
        using var site = NewSite();
        foreach (var file in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            var (result, text) = RunImport(site, ImportFormat.Csl, file);
            output.WriteLine(text);
            Assert.Equal(0, result.ExitCode);
        }
        var deepReview = site.ContentFiles().Where(f => f.Contains("ching-2018-opportunities-obstacles-deep", StringComparison.Ordinal)).ToList();
        // The same paper is in two of the files (once raw from Crossref, once via PubMed): imported once, matched by DOI.
        Assert.Single(deepReview);
        var paper = ReadContent(site.PathOf(deepReview[0])).FrontMatter;
        Assert.Equal("10.1098/rsif.2017.0387", paper.Map("ids")!.Scalar("doi"));
        Assert.Equal("Travers Ching", paper.Strings("authors")[0]);
        Assert.True(paper.Strings("authors").Count > 30);
        var joss = ReadContent(site.PathOf("content/publications/smith-2017-journal-open-source.md")).FrontMatter;
        Assert.Equal("1707.02264", joss.Map("ids")!.Scalar("arxiv"));
        Assert.Equal("Arfon M Smith", joss.Strings("authors")[0]);
        Assert.Equal("2017-07-07", joss.Scalar("date"));
        var (thesisFront, thesisBody) = ReadContent(site.PathOf("content/publications/himmelstein-2017-hetnet-awakens-understanding.md"));
        Assert.Equal("10.6084/m9.figshare.4724797", thesisFront.Map("ids")!.Scalar("doi"));
        Assert.DoesNotContain("<b>", thesisBody, StringComparison.Ordinal);
        Assert.Contains("Biological & Medical Informatics", thesisBody, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenAlex_work_and_author_import_with_authors_identifiers_topics_and_institutions()
    {
        var work = Sample(output, "openalex/openalex-python_W2741809807.json");
        if (work is null)
        {
            return;
        }
        using var site = NewSite();
        var (authorResult, authorText) = RunImport(site, ImportFormat.OpenAlex, Sample(output, "openalex/openalex-python_A5023888391.json")!);
        output.WriteLine(authorText);
        Assert.Equal(0, authorResult.ExitCode);
        var (workResult, workText) = RunImport(site, ImportFormat.OpenAlex, work);
        output.WriteLine(workText);
        Assert.Equal(0, workResult.ExitCode);

        var priem = ReadContent(site.PathOf("content/researchers/jason-priem.md")).FrontMatter;
        Assert.Equal("0000-0001-6187-6610", priem.Scalar("orcid"));
        Assert.Equal(["ourresearch"], priem.Strings("affiliations"));
        Assert.Equal("https://ror.org/02nr0ka47", ReadContent(site.PathOf("content/institutions/ourresearch.md")).FrontMatter.Scalar("ror"));

        var (paper, abstractText) = ReadContent(site.PathOf("content/publications/piwowar-2018-state-oa-large.md"));
        Assert.Equal("10.7717/peerj.4375", paper.Map("ids")!.Scalar("doi"));
        Assert.Equal("W2741809807", paper.Map("ids")!.Scalar("openalex"));
        var authors = paper.Strings("authors");
        Assert.Equal(9, authors.Count);
        Assert.Equal("Heather Piwowar", authors[0]);
        Assert.Equal("jason-priem", authors[1]); // matched to the researcher imported from the author record, by ORCID
        Assert.Equal(3, paper.Strings("topics").Count);
        Assert.StartsWith("Despite growing interest in Open Access (OA) to scholarly literature,", abstractText);
        Assert.EndsWith("inform OA policy and practice.\n", abstractText);
    }

    [Fact]
    public void Orcid_record_imports_the_person_works_and_employments()
    {
        var file = Sample(output, "orcid/pyorcidator_sample_0000-0003-4423-4370.json");
        if (file is null)
        {
            return;
        }
        using var site = NewSite();
        var (result, text) = RunImport(site, ImportFormat.Orcid, file, researcher: "charles-tapley-hoyt");
        output.WriteLine(text);
        Assert.Equal(0, result.ExitCode);

        var (person, bio) = ReadContent(site.PathOf("content/researchers/charles-tapley-hoyt.md"));
        Assert.Equal("Charles Tapley Hoyt", person.Scalar("name"));
        Assert.Equal("0000-0003-4423-4370", person.Scalar("orcid"));
        Assert.Contains("Charlie Hoyt", person.Strings("aliases"));
        Assert.Equal(["harvard-medical-school"], person.Strings("affiliations"));
        Assert.Contains("open scientist", bio, StringComparison.Ordinal);
        var publications = site.ContentFiles().Where(f => f.StartsWith("content/publications/", StringComparison.Ordinal)).ToList();
        Assert.InRange(publications.Count, 20, 26);
        var withDoi = publications.Select(p => ReadContent(site.PathOf(p)).FrontMatter).Where(f => f.Map("ids")?.Scalar("doi") is not null).ToList();
        Assert.NotEmpty(withDoi);
        Assert.All(withDoi, f => Assert.Equal(["charles-tapley-hoyt"], f.Strings("authors")));
    }

    [Fact]
    public void Importing_every_sample_a_second_time_adds_nothing()
    {
        var dir = SamplesDir();
        if (dir is null)
        {
            output.WriteLine("import samples folder absent; nothing to check");
            return;
        }
        var runs = new (ImportFormat Format, string File)[]
        {
            (ImportFormat.Bibtex, "bibtex/al-folio_papers.bib"),
            (ImportFormat.Bibtex, "bibtex/ml-for-systems-taxonomy_bibliography.bib"),
            (ImportFormat.Csl, "csl-json/manubot_arxiv-joss-csl_raw.json"),
            (ImportFormat.Csl, "csl-json/manubot_crossref-deep-review-csl_raw.json"),
            (ImportFormat.Csl, "csl-json/manubot_datacite-thesis-csl_raw.json"),
            (ImportFormat.Csl, "csl-json/manubot_input-bibliography.json"),
            (ImportFormat.OpenAlex, "openalex/openalex-python_A5023888391.json"),
            (ImportFormat.OpenAlex, "openalex/openalex-python_W2741809807.json"),
            (ImportFormat.Orcid, "orcid/pyorcidator_sample_0000-0003-4423-4370.json"),
        };
        using var site = NewSite();
        foreach (var (format, file) in runs)
        {
            RunImport(site, format, Path.Combine(dir, file));
        }
        var before = site.Snapshot();
        foreach (var (format, file) in runs)
        {
            var (result, text) = RunImport(site, format, Path.Combine(dir, file));
            output.WriteLine(text);
            Assert.Empty(result.NewFiles);
        }
        Assert.Equal(before, site.Snapshot());
    }
}
