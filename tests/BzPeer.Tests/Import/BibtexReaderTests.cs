using BzPeer.Import;
using BzPeer.Import.Bibtex;

namespace BzPeer.Tests.Import;

public class BibtexReaderTests
{
    private static BibFile Read(string text) => BibtexReader.Read(text, "refs.bib");

    [Fact]
    public void String_macros_concatenation_and_month_macros_are_expanded()
    {
        var bib = Read("""
            @string{acm = "Association for " # {Computing Machinery}}
            @STRING(proc = {Proceedings of })
            @inproceedings{k1,
              publisher = acm,
              booktitle = proc # "the " # {ACM} # " Conference",
              month = jul,
              year = 2020
            }
            """);
        var entry = Assert.Single(bib.Entries);
        Assert.Empty(bib.Diagnostics);
        Assert.Equal("Association for Computing Machinery", entry["publisher"]);
        Assert.Equal("Proceedings of the ACM Conference", entry["booktitle"]);
        Assert.Equal("July", entry["month"]);
        Assert.Equal("2020", entry["year"]);
        Assert.Equal(2, bib.NonEntryBlocks);
    }

    [Fact]
    public void Braced_and_quoted_values_keep_nested_braces_and_inner_quotes()
    {
        var bib = Read("""
            @article{k,
              title = {A {Nested {Deep}} "quoted" title},
              note = "He said {"hi"} twice",
            }
            """);
        var entry = Assert.Single(bib.Entries);
        Assert.Equal("A {Nested {Deep}} \"quoted\" title", entry["title"]);
        Assert.Equal("He said {\"hi\"} twice", entry["note"]);
    }

    [Fact]
    public void Comments_preambles_and_percent_lines_are_not_entries()
    {
        var bib = Read("""
            % @article{commented, title={Not real}}
            @comment{ @article{alsocommented, title = {Nope}} }
            @preamble{ "\newcommand{\noop}[1]{}" }
            Some prose between entries, even with an e-mail like someone@example.org in it.
            @misc{real,
              % a comment between fields
              title = {Real},
            }
            """);
        var entry = Assert.Single(bib.Entries);
        Assert.Equal("real", entry.Key);
        Assert.Equal("Real", entry["title"]);
        Assert.Empty(bib.Diagnostics);
    }

    [Fact]
    public void Missing_comma_is_reported_at_line_and_column_and_the_next_entries_are_still_read()
    {
        var bib = Read("""
            @article{first, title = {One}, year = 2001}
            @article{broken,
              title = {Two}
              year = 2002,
            }
            @article{third, title = {Three}, year = 2003}
            """);
        Assert.Equal(["first", "third"], bib.Entries.Select(e => e.Key));
        var error = Assert.Single(bib.Diagnostics);
        Assert.True(error.IsError);
        Assert.Equal((4, 3), (error.Line, error.Column));
        Assert.Contains("after the value of field 'title' in entry 'broken'", error.Message, StringComparison.Ordinal);
        Assert.Contains("is a comma missing?", error.Message, StringComparison.Ordinal);
        Assert.Equal("refs.bib(4,3): error BZP501: " + error.Message, error.ToString());
    }

    [Fact]
    public void Unclosed_brace_is_reported_at_the_brace_and_does_not_swallow_the_next_entry()
    {
        var bib = Read("""
            @article{open,
              title = {Never closed,
              year = 2002,

            @article{next, title = {Next}, year = 2003}
            """);
        Assert.Equal(["next"], bib.Entries.Select(e => e.Key));
        var error = Assert.Single(bib.Diagnostics);
        Assert.Equal((2, 11), (error.Line, error.Column));
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entry_without_key_and_unterminated_entry_are_errors()
    {
        var bib = Read("@article{title = {x}}\n@book{ok, title={Fine}}\n@misc{last, title = {x},\n");
        Assert.Equal(["ok"], bib.Entries.Select(e => e.Key));
        Assert.Equal(2, bib.Diagnostics.Count);
        Assert.Equal(1, bib.Diagnostics[0].Line);
        Assert.Contains("no citation key", bib.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(3, bib.Diagnostics[1].Line);
        Assert.Contains("not closed", bib.Diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_macro_is_a_warning_and_the_entry_is_kept()
    {
        var bib = Read("@article{k, journal = jacm, title = {T}}");
        Assert.Single(bib.Entries);
        var warning = Assert.Single(bib.Diagnostics);
        Assert.False(warning.IsError);
        Assert.Equal(ImportCodes.BibUndefinedMacro, warning.Code);
        Assert.Equal((1, 23), (warning.Line, warning.Column));
    }

    [Fact]
    public void Duplicate_field_keeps_the_first_and_duplicate_key_is_not_imported_twice()
    {
        var bib = Read("@article{k, title = {First}, TITLE = {Second}}\n@article{K, title = {Other}}");
        var entry = Assert.Single(bib.Entries);
        Assert.Equal("First", entry["title"]);
        Assert.Equal([ImportCodes.BibDuplicateField, ImportCodes.DuplicateKey], bib.Diagnostics.Select(d => d.Code));
        Assert.Equal(2, bib.Diagnostics[1].Line);
    }

    [Fact]
    public void Parenthesised_entries_and_crlf_line_endings_are_read()
    {
        var bib = Read("@article(k1,\r\n  title = {T},\r\n  year = 1999\r\n)\r\n@book{k2,\r\n title = {B}\r\n  oops = 1}");
        Assert.Single(bib.Entries);
        var error = Assert.Single(bib.Diagnostics);
        Assert.Equal((7, 3), (error.Line, error.Column));
    }
}
