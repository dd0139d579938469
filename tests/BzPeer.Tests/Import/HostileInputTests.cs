using BzPeer.Import;
using BzPeer.Import.Bibtex;
using BzPeer.Import.Json;

namespace BzPeer.Tests.Import;

/// <summary>Imported files are untrusted: malformed or malicious input gives diagnostics, never an exception or a crash.</summary>
public class HostileInputTests
{
    private const string Seed = """
        @string{acm = {ACM}}
        @inproceedings{k1,
          title = {A {\"U}ber {GPU} Study -- part~1},
          author = {M{\"u}ller, J. and van der Berg, Anna and others},
          booktitle = acm # " Conf",
          year = 2020, month = jul,
          doi = {10.1000/abc},
        }
        @article{k2, title = "Quoted {"inner"}", author = {Doe, Jane}, year = {2019}, crossref = {k1}}
        """;

    [Fact]
    public void Randomly_damaged_bibtex_never_throws_and_every_error_has_a_line()
    {
        var random = new Random(20261125);
        const string alphabet = "{}\"@,=#%\\ \n$~-aZ0";
        for (var round = 0; round < 2000; round++)
        {
            var text = new System.Text.StringBuilder(Seed);
            for (var edits = random.Next(1, 6); edits > 0; edits--)
            {
                var at = random.Next(text.Length);
                if (random.Next(2) == 0)
                {
                    text.Remove(at, 1);
                }
                else
                {
                    text.Insert(at, alphabet[random.Next(alphabet.Length)]);
                }
            }
            var parsed = BibtexImporter.Import(text.ToString(), "fuzz.bib");
            Assert.All(parsed.Diagnostics.Where(d => d.Code == ImportCodes.BibSyntax), d => Assert.True(d.Line > 0));
        }
    }

    [Fact]
    public void Deeply_nested_braces_and_accent_chains_do_not_overflow_the_stack()
    {
        var nested = new string('{', 100_000) + "x" + new string('}', 100_000);
        var accents = string.Concat(Enumerable.Repeat("\\'", 100_000)) + "e";
        var parsed = BibtexImporter.Import($"@misc{{k, title = {{{nested}}}, note = {{{accents}}}, year = 2000}}", "deep.bib");
        Assert.Equal("x", Assert.Single(parsed.Works).Title);
        Assert.NotNull(LatexText.ToUnicode(accents));
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("[1, \"two\", null]")]
    [InlineData("{\"title\": 5, \"issued\": \"2020\", \"author\": \"Someone\", \"DOI\": [1]}")]
    [InlineData("[{\"title\": \"T\", \"issued\": {\"date-parts\": \"2020\"}, \"author\": [{\"literal\": \"  \"}, 7]}]")]
    [InlineData("[{\"title\": \"T\", \"issued\": {\"date-parts\": [[\"year\"]], \"raw\": \"circa 1999\"}}]")]
    public void Odd_csl_shapes_give_diagnostics_not_exceptions(string json)
    {
        var parsed = CslImporter.Import(json, "odd.json");
        Assert.True(parsed.Works.Count > 0 || parsed.Diagnostics.Count > 0);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"id\": \"https://openalex.org/W1\", \"title\": \"T\", \"publication_year\": \"x\"}")]
    [InlineData("{\"id\": \"https://openalex.org/W1\", \"title\": \"T\", \"publication_year\": 2020, \"authorships\": [{\"author\": {\"display_name\": \" \"}}, 3], \"abstract_inverted_index\": {\"a\": [\"x\", -1]}}")]
    [InlineData("{\"id\": \"https://openalex.org/A1\", \"display_name_alternatives\": [1, null], \"last_known_institutions\": [{}]}")]
    public void Odd_openalex_shapes_give_diagnostics_not_exceptions(string json)
    {
        var parsed = OpenAlexImporter.Import(json, "odd.json");
        Assert.True(parsed.Works.Count > 0 || parsed.Person is not null || parsed.Diagnostics.Count > 0);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"orcid-identifier\": {\"path\": \"0000-0002-1825-0098\"}}")]
    [InlineData("{\"orcid-identifier\": {\"path\": \"0000-0002-1825-0097\"}, \"person\": 3, \"activities-summary\": {\"works\": {\"group\": [{\"work-summary\": [7]}]}}}")]
    public void Odd_orcid_shapes_give_diagnostics_not_exceptions(string json)
    {
        var parsed = OrcidImporter.Import(json, "odd.json");
        Assert.True(parsed.Person is not null || parsed.Diagnostics.Count > 0);
    }

    [Fact]
    public void Orcid_with_a_bad_checksum_is_not_an_orcid_record()
    {
        var parsed = OrcidImporter.Import("{\"orcid-identifier\": {\"path\": \"0000-0002-1825-0098\"}}", "x.json");
        Assert.Null(parsed.Person);
        Assert.Equal(ImportCodes.JsonShape, Assert.Single(parsed.Diagnostics).Code);
    }
}
