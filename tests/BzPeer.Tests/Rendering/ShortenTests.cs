using BzPeer.Rendering;
using FsCheck;
using FsCheck.Fluent;

namespace BzPeer.Tests.Rendering;

/// <summary>Page descriptions: white space collapsed, cut with an ellipsis (ViewFactory.Shorten).</summary>
public sealed class ShortenTests
{
    // What descriptions were before Shorten stopped reading at the cut: split on white space, joined, then cut.
    private static string Reference(string text, int max)
    {
        var single = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return single.Length <= max ? single : single[..(max - 1)].TrimEnd() + "…";
    }

    [Fact]
    public void Collapses_and_cuts_exactly_as_splitting_and_joining_the_whole_text_would()
    {
        var gen = from count in Gen.Choose(0, 80)
                  from parts in Gen.ArrayOf(Gen.Elements("a", "bc", "ü", " ", "  ", "\n", "\t", "\u00a0", "\U0001F600", "word"), count)
                  from max in Gen.Choose(1, 40)
                  select (Text: string.Concat(parts), Max: max);

        Prop.ForAll(gen.ToArbitrary(), c => ViewFactory.Shorten(c.Text, c.Max) == Reference(c.Text, c.Max))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }

    [Theory]
    [InlineData("  Short   text \n", 200, "Short text")]
    [InlineData("exactly ten", 11, "exactly ten")]
    [InlineData("one two three", 8, "one two…")]
    [InlineData("one two three", 9, "one two…")]
    public void Examples(string text, int max, string expected) => Assert.Equal(expected, ViewFactory.Shorten(text, max));

    [Fact]
    public void Text_that_needs_no_change_is_returned_as_it_is()
    {
        var text = "Already single spaced.";
        Assert.Same(text, ViewFactory.Shorten(text, 200));
    }
}
