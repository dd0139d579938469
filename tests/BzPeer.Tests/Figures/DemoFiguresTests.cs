using BzPeer.Figures;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Figures;

/// <summary>The reference researcher's derived figures on the demo data, computed as SPEC §5 says.</summary>
public class DemoFiguresTests
{
    private static readonly Lazy<BuildResult> Demo = new(() =>
    {
        using var site = TestSite.Demo();
        return site.Check();
    });

    [Fact]
    public void The_demo_site_checks_with_no_error_and_no_warning()
    {
        Assert.Empty(Demo.Value.Diagnostics.Sorted());
    }

    [Fact]
    public void The_reference_researcher_has_six_works_and_five_topics()
    {
        var figures = Demo.Value.Graph!.ResearchersById["milad-hashemi"].Figures;
        Assert.Equal(6, figures.Works);
        Assert.Equal(
            ["Machine learning", "Statistical machine learning", "Artificial intelligence", "Hardware architecture", "Programming languages"],
            figures.Topics.Select(t => t.Name));
    }

    [Fact]
    public void Close_collaborators_are_coauthors_with_at_least_two_shared_works()
    {
        var figures = Demo.Value.Graph!.ResearchersById["milad-hashemi"].Figures;
        Assert.Equal(
            ["kevin-swersky:5", "parthasarathy-ranganathan:3", "amir-yazdanbakhsh:2", "daniel-tarlow:2", "evan-zheran-liu:2", "martin-maas:2"],
            figures.CloseCollaborators.Select(c => $"{c.Author.Id}:{c.SharedWorks}"));
    }

    [Fact]
    public void The_reference_researcher_is_unclaimed_at_verification_L1_in_the_emerging_tier()
    {
        var researcher = Demo.Value.Graph!.ResearchersById["milad-hashemi"];
        Assert.False(researcher.Record.Claimed);
        Assert.Equal(VerificationLevel.L1, researcher.Figures.Verification);
        Assert.Equal("Emerging", researcher.Figures.Trust.Tier);
        // 10 (L1) + 6 works + 6 close collaborators + 0 followers + 20 × 1/6 completeness (summary only) = 25.33
        Assert.Equal(25, researcher.Figures.Trust.Score);
        Assert.Equal(["verification", "works", "close_collaborators", "followers", "completeness"], researcher.Figures.Trust.Terms.Select(t => t.Key));
        Assert.Equal([10, 6, 6, 0, 3.33], researcher.Figures.Trust.Terms.Select(t => t.Points));
    }
}
