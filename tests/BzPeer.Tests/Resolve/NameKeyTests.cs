using BzPeer.Resolve;

namespace BzPeer.Tests.Resolve;

public class NameKeyTests
{
    [Theory]
    [InlineData("Évan Z. Liu", "evan z liu")]
    [InlineData("  José   Núñez-García ", "jose nunez garcia")]
    [InlineData("Jürgen Groß", "jurgen gross")]
    [InlineData("Łukasz Øster", "lukasz oster")]
    [InlineData("Nguyễn Thị Minh Khai", "nguyen thi minh khai")]
    [InlineData("E\u0301van", "evan")]
    [InlineData("李 伟", "李 伟")]
    public void Names_compare_ignoring_case_accents_and_punctuation(string name, string key) => Assert.Equal(key, NameKey.Of(name));

    [Theory]
    [InlineData("Ada Lovelace", "ada-lovelace")]
    [InlineData("Ada  Lovelace!.md", "ada-lovelace-md")]
    [InlineData("Çağlar Gülçehre", "caglar-gulcehre")]
    [InlineData("李伟", "")]
    public void Slugs_are_valid_ids(string text, string slug) => Assert.Equal(slug, NameKey.Slug(text));
}
