using BzPeer.Content;
using BzPeer.Diagnostics;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Content;

/// <summary>A load keeps one string per repeated short value (<see cref="StringPool"/>); what the records say is unchanged.</summary>
public class SharedValuesTests
{
    [Fact]
    public void Records_of_one_load_share_repeated_short_values_and_keep_long_ones_apart()
    {
        var longVenue = new string('v', 80);
        using var site = TestSite.Create($$"""
            -- content/publications/one.md --
            ---
            title: One
            year: 2020
            venue: {{longVenue}}
            authors: [grace-hopper, "  Alan Turing "]
            topics: [compilers]
            links: {code: "https://example.org/one"}
            ---
            -- content/publications/two.md --
            ---
            title: Two
            year: 2021
            venue: {{longVenue}}
            authors: [grace-hopper, {name: Alan Turing}]
            topics: [compilers]
            links: {code: "https://example.org/two"}
            ---
            """);

        var content = ContentLoader.Load(site.Root, new DiagnosticBag());
        var (one, two) = (content.Publications[0], content.Publications[1]);

        Assert.Equal(["grace-hopper", "Alan Turing"], one.Authors.Select(a => a.Name));
        Assert.Equal(["grace-hopper", "Alan Turing"], two.Authors.Select(a => a.Name));
        Assert.Same(one.Authors[0].Name, two.Authors[0].Name);
        Assert.Same(one.Authors[1].Name, two.Authors[1].Name);
        Assert.Same(one.Topics[0].Value, two.Topics[0].Value);
        Assert.Same(one.Links[0].Key, two.Links[0].Key);
        Assert.Equal(longVenue, one.Venue);
        Assert.Equal(longVenue, two.Venue);
        Assert.NotSame(one.Venue, two.Venue);
    }
}
