using BzPeer.Content;
using BzPeer.Figures;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Figures;

public class VerificationAndTrustTests
{
    [Theory]
    [InlineData("0000-0002-1825-0097", true)]
    [InlineData("https://orcid.org/0000-0002-1825-0097", true)]
    [InlineData("0000-0001-5109-3700", true)]
    [InlineData("0000-0002-1694-233X", true)]
    [InlineData("0000-0002-1694-2339", false)]
    [InlineData("0000-0002-1825-0098", false)]
    [InlineData("0000-0002-1825", false)]
    [InlineData("not an orcid", false)]
    public void Orcid_check_digits_follow_iso_7064_mod_11_2(string value, bool valid) => Assert.Equal(valid, Orcid.IsValid(value));

    [Theory]
    [InlineData("", "", VerificationLevel.L0)]
    [InlineData("", "ids: {doi: 10.1000/x}", VerificationLevel.L1)]
    [InlineData("claimed: true", "", VerificationLevel.L2)]
    [InlineData("claimed: true\norcid: 0000-0002-1825-0097", "", VerificationLevel.L3)]
    [InlineData("orcid: 0000-0002-1825-0097", "", VerificationLevel.L0)]
    public void Verification_levels_follow_the_spec(string researcherKeys, string publicationKeys, VerificationLevel expected)
    {
        using var site = TestSite.Create($"""
            -- content/researchers/ada.md --
            ---
            name: Ada
            {researcherKeys}
            ---
            -- content/publications/p.md --
            ---
            title: P
            year: 2020
            authors: [ada]
            {publicationKeys}
            ---
            """);
        var result = site.Check();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Sorted()));
        Assert.Equal(expected, result.Graph!.ResearchersById["ada"].Figures.Verification);
    }

    [Fact]
    public void Weights_caps_and_tiers_come_from_site_yml()
    {
        using var site = TestSite.Create("""
            -- site.yml --
            title: Lab
            close_collaborator_min_shared: 1
            trust:
              weights: {verification: 0, works: 10, close_collaborators: 0, followers: 0, completeness: 0}
              caps: {works: 3}
              tiers:
                - {name: Seedling, min: 0}
                - {name: Tree, min: 30}
            -- content/researchers/ada.md --
            ---
            name: Ada
            ---
            -- content/publications/p1.md --
            ---
            {title: P1, year: 2020, authors: [ada]}
            ---
            -- content/publications/p2.md --
            ---
            {title: P2, year: 2021, authors: [ada]}
            ---
            -- content/publications/p3.md --
            ---
            {title: P3, year: 2022, authors: [ada]}
            ---
            -- content/publications/p4.md --
            ---
            {title: P4, year: 2023, authors: [ada]}
            ---
            """);
        var result = site.Check();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Sorted()));
        var trust = result.Graph!.ResearchersById["ada"].Figures.Trust;
        Assert.Equal(30, trust.Score);
        Assert.Equal("Tree", trust.Tier);
    }

    [Fact]
    public void Unknown_site_settings_are_errors_with_a_suggestion()
    {
        using var site = TestSite.Create("""
            -- site.yml --
            title: Lab
            base_ulr: https://example.org/
            """);
        var d = TestSite.Single(site.Check(), BzPeer.Diagnostics.DiagnosticCodes.ConfigUnknownKey);
        Assert.Equal("site.yml(2,1)", d.Location.ToString());
        Assert.Equal("Did you mean 'base_url'?", d.Hint);
    }
}
