using BzPeer.Import;
using BzPeer.Import.Json;
using static BzPeer.Tests.Import.ImportTestSupport;

namespace BzPeer.Tests.Import;

public class JsonImporterTests
{
    private static string Fixture(string name) => Path.Combine(RepoRoot(), "tests", "fixtures", "import", name);

    [Fact]
    public void Csl_reads_literal_and_family_given_names_with_particles_and_string_date_parts()
    {
        var parsed = CslImporter.Import("""
            [{
              "id": "x1", "type": "paper-conference", "title": ["Title From An Array"],
              "container-title": ["Proc. of Things"],
              "issued": {"date-parts": [["2019", "07", "05"]]},
              "author": [
                {"literal": "The Consortium"},
                {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"},
                {"family": "King", "given": "Martin Luther", "suffix": "Jr."}
              ],
              "DOI": "https://doi.org/10.1000/XYZ", "URL": "https://doi.org/10.1000/xyz",
              "indexed": {"date-parts": [[2030, 1, 1]]}, "reference": [{"key": "r1"}], "funder": [{"name": "F"}],
              "abstract": "<jats:p>First <jats:italic>part</jats:italic>.</jats:p><jats:p>Second &amp; last.</jats:p>"
            }]
            """, "items.json");
        Assert.Empty(parsed.Diagnostics);
        var work = Assert.Single(parsed.Works);
        Assert.Equal("Title From An Array", work.Title);
        Assert.Equal("conference", work.Type);
        Assert.Equal((2019, "2019-07-05"), (work.Year, work.Date));
        Assert.Equal("Proc. of Things", work.Venue);
        Assert.Equal(["The Consortium", "Ludwig van Beethoven", "Martin Luther King, Jr."], work.Authors.Select(a => a.Name));
        Assert.Equal("10.1000/XYZ", work.Doi);
        Assert.Empty(work.Links); // the URL is the DOI's own resolver link
        Assert.Equal("First part.\n\nSecond & last.", work.Abstract);
        Assert.Equal(new ImportSource("csl", "items.json", "x1"), work.Source);
    }

    [Fact]
    public void Csl_item_problems_are_reported_at_the_items_line_and_the_other_items_are_imported()
    {
        var parsed = CslImporter.Import("[\n  {\"id\": \"ok\", \"title\": \"Fine\", \"issued\": {\"date-parts\": [[2001]]}},\n  {\"id\": \"notitle\", \"issued\": {\"date-parts\": [[2001]]}},\n  {\"id\": \"noyear\", \"title\": \"T\"}\n]", "items.json");
        Assert.Equal(["ok"], parsed.Works.Select(w => w.Source.Key));
        Assert.Equal([(ImportCodes.MissingTitle, 3, 3), (ImportCodes.MissingYear, 4, 3)], parsed.Diagnostics.Select(d => (d.Code, d.Line, d.Column)));
    }

    [Fact]
    public void Csl_title_markup_is_reduced_to_text()
    {
        var parsed = CslImporter.Import("""[{"title": "Growth of <i>E. coli</i> &amp; friends", "issued": {"date-parts": [[2001]]}}]""", "t.json");
        Assert.Equal("Growth of E. coli & friends", Assert.Single(parsed.Works).Title);
    }

    [Fact]
    public void Json_syntax_error_is_reported_at_its_line_and_column()
    {
        var parsed = CslImporter.Import("[\n  {\"id\": \"a\",\n   \"title\": \"T\"\n   \"issued\": {}}\n]", "bad.json");
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal((ImportCodes.JsonSyntax, 4, 4), (error.Code, error.Line, error.Column));
        Assert.Empty(parsed.Works);
    }

    [Fact]
    public void OpenAlex_abstract_inverted_index_is_put_back_in_word_order()
    {
        using var doc = System.Text.Json.JsonDocument.Parse("""{"world.": [1, 3], "Hello": [0], "again": [2]}""");
        Assert.Equal("Hello world. again world.", OpenAlexImporter.AbstractFromInvertedIndex(doc.RootElement));
        Assert.Null(OpenAlexImporter.AbstractFromInvertedIndex(null));
    }

    [Fact]
    public void OpenAlex_list_response_imports_each_work_with_ids_and_orcids()
    {
        var parsed = OpenAlexImporter.Import("""
            {"meta": {"count": 2}, "results": [
              {"id": "https://openalex.org/W1", "title": "Alpha", "publication_year": 2020, "type": "preprint",
               "ids": {"doi": "https://doi.org/10.48550/arxiv.2001.00001", "pmid": "https://pubmed.ncbi.nlm.nih.gov/42"},
               "authorships": [{"author": {"id": "https://openalex.org/A9", "display_name": "Ana Lima", "orcid": "https://orcid.org/0000-0002-1825-0097"}}]},
              {"id": "https://openalex.org/W2", "display_name": "Beta", "publication_year": null}
            ]}
            """, "works.json");
        var work = Assert.Single(parsed.Works);
        Assert.Equal(("W1", "2001.00001", "preprint"), (work.OpenAlexId, work.Arxiv, work.Type));
        Assert.Equal("42", work.OtherIds["pmid"]);
        Assert.Equal(("Ana Lima", "0000-0002-1825-0097", "A9"), (work.Authors[0].Name, work.Authors[0].Orcid, work.Authors[0].OpenAlexId));
        Assert.Equal(ImportCodes.MissingYear, Assert.Single(parsed.Diagnostics).Code);
    }

    [Fact]
    public void Orcid_record_gives_person_current_employment_with_ror_and_dated_works()
    {
        var parsed = OrcidImporter.Import(File.ReadAllText(Fixture("orcid-minimal.json")), "orcid.json");
        var person = parsed.Person!;
        Assert.Equal(("Josiah Carberry", "0000-0002-1825-0097"), (person.Name, person.Orcid));
        Assert.Equal(["J. S. Carberry"], person.Aliases);
        Assert.Equal("Studies psychoceramics & cracked pots.", person.Biography);
        Assert.Equal(new Dictionary<string, string> { ["homepage"] = "https://carberry.example.org" }, person.Links);
        var employer = Assert.Single(person.Affiliations);
        Assert.Equal(("Brown University", "05gq02987", "US"), (employer.Name, employer.RorKey, employer.Country));

        Assert.Equal(["Toward a Unified Theory of High-Energy Metaphysics", "Cracked Pots as Signals"], parsed.Works.Select(w => w.Title));
        var first = parsed.Works[0];
        Assert.Equal(("article", "2008-08-13", "Journal of Psychoceramics", "10.5555/12345678"), (first.Type, first.Date, first.Venue, first.Doi));
        Assert.Equal(("preprint", "1234.56789"), (parsed.Works[1].Type, parsed.Works[1].Arxiv));
        Assert.All(parsed.Works, w => Assert.Equal("Josiah Carberry", Assert.Single(w.Authors).Name));
        var undated = Assert.Single(parsed.Diagnostics);
        Assert.Contains("put-code 14", undated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Orcid_import_with_researcher_option_creates_that_researcher_and_links_the_works()
    {
        using var site = NewSite(("content/institutions/brown.md", "---\nname: Brown\nror: https://ror.org/05gq02987\n---\n"));
        var (result, _) = RunImport(site, ImportFormat.Orcid, Fixture("orcid-minimal.json"), researcher: "josiah");

        Assert.Equal(1, result.ExitCode); // the undated work
        var (person, bio) = ReadContent(site.PathOf("content/researchers/josiah.md"));
        Assert.Equal(["brown"], person.Strings("affiliations")); // matched by ROR, no new institution file
        Assert.Equal("0000-0002-1825-0097", person.Scalar("orcid"));
        Assert.Equal("Studies psychoceramics & cracked pots.\n", bio);
        Assert.DoesNotContain(result.NewFiles, f => f.StartsWith("content/institutions/", StringComparison.Ordinal));
        var works = result.NewFiles.Where(f => f.StartsWith("content/publications/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, works.Count);
        Assert.All(works, w => Assert.Equal(["josiah"], ReadContent(site.PathOf(w)).FrontMatter.Strings("authors")));
    }

    [Fact]
    public void Orcid_import_for_an_existing_researcher_leaves_their_file_and_uses_their_id()
    {
        const string handWritten = "---\nname: \"Dr. J. Carberry\"\norcid: 0000-0002-1825-0097\n---\nMy own words.\n";
        using var site = NewSite(("content/researchers/carberry.md", handWritten));
        var (result, output) = RunImport(site, ImportFormat.Orcid, Fixture("orcid-minimal.json"));

        Assert.Equal(handWritten, File.ReadAllText(site.PathOf("content/researchers/carberry.md")));
        Assert.Contains("matched  researcher   carberry  (Josiah Carberry; by ORCID 0000-0002-1825-0097", output, StringComparison.Ordinal);
        Assert.DoesNotContain(result.NewFiles, f => f.StartsWith("content/researchers/", StringComparison.Ordinal));
        Assert.DoesNotContain(result.NewFiles, f => f.StartsWith("content/institutions/", StringComparison.Ordinal));
        Assert.All(result.NewFiles, w => Assert.Equal(["carberry"], ReadContent(site.PathOf(w)).FrontMatter.Strings("authors")));
    }
}
