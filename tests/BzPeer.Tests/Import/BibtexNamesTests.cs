using BzPeer.Import.Bibtex;

namespace BzPeer.Tests.Import;

public class BibtexNamesTests
{
    [Theory]
    [InlineData("Albert Einstein", "Albert", "", "Einstein", "")]
    [InlineData("Einstein, Albert", "Albert", "", "Einstein", "")]
    [InlineData("Einstein, A.", "A.", "", "Einstein", "")]
    [InlineData("Ludwig van Beethoven", "Ludwig", "van", "Beethoven", "")]
    [InlineData("van Beethoven, Ludwig", "Ludwig", "van", "Beethoven", "")]
    [InlineData("Jean de la Fontaine", "Jean", "de la", "Fontaine", "")]
    [InlineData("de la Fontaine, Jean", "Jean", "de la", "Fontaine", "")]
    [InlineData("King, Jr, Martin Luther", "Martin Luther", "", "King", "Jr")]
    [InlineData("von Neumann, Jr., John", "John", "von", "Neumann", "Jr.")]
    [InlineData("Madonna", "", "", "Madonna", "")]
    [InlineData("{Barnes and Noble, Inc.}", "", "", "Barnes and Noble, Inc.", "")]
    [InlineData("{\\\"O}zt{\\\"u}rk, {\\c C}a{\\u g}lar", "Çağlar", "", "Öztürk", "")]
    [InlineData("Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin", "Charles Louis Xavier Joseph", "de la", "Vallée Poussin", "")]
    [InlineData("{van} Dyke, Dick", "Dick", "", "van Dyke", "")]
    [InlineData("Jichuan~Chang", "Jichuan", "", "Chang", "")]
    public void Names_split_into_first_von_last_jr(string raw, string first, string von, string last, string jr)
    {
        var name = BibtexNames.Parse(raw);
        Assert.Equal((first, von, last, jr), (name.First, name.Von, name.Last, name.Jr));
    }

    [Fact]
    public void Lists_split_on_and_at_brace_depth_zero_and_note_and_others()
    {
        var (names, others) = BibtexNames.ParseList("Einstein, A. AND {Barnes and Noble} and\n  Rosen, N. and others");
        Assert.Equal(["A. Einstein", "Barnes and Noble", "N. Rosen"], names.Select(n => n.Display));
        Assert.True(others);
    }

    [Fact]
    public void Display_puts_jr_after_a_comma() =>
        Assert.Equal("Martin Luther King, Jr", BibtexNames.Parse("King, Jr, Martin Luther").Display);

    [Fact]
    public void Words_that_merely_contain_and_are_not_separators()
    {
        var (names, others) = BibtexNames.ParseList("Sandy Anderson and Andrea Landau");
        Assert.Equal(["Sandy Anderson", "Andrea Landau"], names.Select(n => n.Display));
        Assert.False(others);
    }
}
