using BzPeer.Import.Bibtex;

namespace BzPeer.Tests.Import;

public class LatexTextTests
{
    [Theory]
    [InlineData("{\\\"o}", "ö")]
    [InlineData("\\\"{o}", "ö")]
    [InlineData("\\\"o", "ö")]
    [InlineData("{\\\"U}ber", "Über")]
    [InlineData("\\'{e}t\\'e", "été")]
    [InlineData("{\\'\\i}", "í")]
    [InlineData("\\'{\\i}", "í")]
    [InlineData("Fran{\\c c}ois", "François")]
    [InlineData("Fran\\c{c}ois", "François")]
    [InlineData("Stra{\\ss}e", "Straße")]
    [InlineData("{\\o}ystein", "øystein")]
    [InlineData("\\v{S}koda", "Škoda")]
    [InlineData("Erd\\H{o}s", "Erdős")]
    [InlineData("{\\L}ukasz", "Łukasz")]
    [InlineData("\\AA{}ngstr\\\"om", "Ångström")]
    [InlineData("\\~{n}", "ñ")]
    [InlineData("\\^{e}", "ê")]
    [InlineData("\\`a", "à")]
    [InlineData("\\k{a}", "ą")]
    [InlineData("\\r{u}", "ů")]
    [InlineData("\\={o}", "ō")]
    [InlineData("\\.{z}", "ż")]
    [InlineData("\\u{g}", "ğ")]
    public void Accents_and_special_letters_become_unicode(string latex, string expected) =>
        Assert.Equal(expected, LatexText.ToUnicode(latex));

    [Theory]
    [InlineData("Research \\& Development", "Research & Development")]
    [InlineData("50\\% faster", "50% faster")]
    [InlineData("\\$5 and a \\#hash and a\\_b", "$5 and a #hash and a_b")]
    [InlineData("{The {GPU} Book}", "The GPU Book")]
    [InlineData("\\emph{Deep} \\textbf{learning} \\textit{now}", "Deep learning now")]
    [InlineData("pages 1--10 --- wow", "pages 1–10 — wow")]
    [InlineData("``quoted'' text", "“quoted” text")]
    [InlineData("Alan~Turing", "Alan Turing")]
    [InlineData("a \\href{https://x.org}{link} here", "a link here")]
    [InlineData("Time $O(n^{2})$ bound", "Time $O(n^{2})$ bound")]
    [InlineData("  multi\n   line\tvalue ", "multi line value")]
    [InlineData("\\unknowncommand{kept} text", "kept text")]
    [InlineData("stray } brace", "stray brace")]
    public void Commands_braces_and_punctuation_become_plain_text(string latex, string expected) =>
        Assert.Equal(expected, LatexText.ToUnicode(latex));

    [Fact]
    public void Paragraph_breaks_survive_in_abstracts() =>
        Assert.Equal("First para line.\n\nSecond para.", LatexText.ToUnicodeParagraphs("First para\n line.\n\n  Second {para}."));

    [Fact]
    public void Verbatim_values_keep_dashes_and_drop_braces_and_escapes() =>
        Assert.Equal("https://x.org/a--b_c%20", LatexText.Verbatim("{https://x.org/a--b\\_c\\%20}"));
}
