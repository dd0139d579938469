using System.Globalization;
using System.Text;
using BzPeer.Graph;
using FsCheck;
using FsCheck.Fluent;

namespace BzPeer.Tests.Graph;

/// <summary>Graph JSON positions: one decimal, written from whole tenths (GraphJson.FormatCoordinate).</summary>
public sealed class CoordinateFormatTests
{
    // What coordinates were written as before: the double rounded to one decimal, then formatted with a pattern.
    private static string Reference(float value) =>
        Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Format(float value)
    {
        Span<byte> text = stackalloc byte[64];
        return Encoding.ASCII.GetString(text[..GraphJson.FormatCoordinate(value, text)]);
    }

    [Fact]
    public void Gives_the_same_text_as_rounding_and_formatting_the_double()
    {
        // Positions of every scale, and many exact midpoints (x.x5), where rounding away from zero matters.
        var gen = from mantissa in Gen.Choose(-2_000_000, 2_000_000)
                  from scale in Gen.Elements(1f, 10f, 20f, 100f, 1000f, 1e5f)
                  select mantissa / scale;

        Prop.ForAll(gen.ToArbitrary(), value => Format(value) == Reference(value))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(20000));
    }

    [Theory]
    [InlineData(0f, "0.0")]
    [InlineData(-0.04f, "-0.0")]
    [InlineData(0.05f, "0.1")]
    [InlineData(-0.05f, "-0.1")]
    [InlineData(0.35f, "0.3")]        // 0.35f is a little below 0.35
    [InlineData(-1234.56f, "-1234.6")]
    [InlineData(float.NaN, "NaN")]
    public void Examples(float value, string expected)
    {
        Assert.Equal(expected, Format(value));
        Assert.Equal(Reference(value), Format(value));
    }

    [Theory]
    [InlineData(3e20f)]               // too large for whole tenths in a long: the pattern path
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.MaxValue)]
    public void Values_past_whole_tenths_take_the_general_form(float value) => Assert.Equal(Reference(value), Format(value));
}
