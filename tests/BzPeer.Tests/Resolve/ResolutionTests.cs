using BzPeer.Diagnostics;
using BzPeer.Model;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Resolve;

/// <summary>SPEC §2's author resolution rules, one test each, plus topics and institutions.</summary>
public class ResolutionTests
{
    private const string People = """
        -- content/researchers/evan-zheran-liu.md --
        ---
        name: Évan Zheran Liu
        aliases: [Evan Liu, "Evan Z. Liu"]
        affiliations: [stanford]
        ---
        -- content/researchers/milad-hashemi.md --
        ---
        name: Milad Hashemi
        ---
        -- content/institutions/stanford.md --
        ---
        name: Stanford University
        ---
        """;

    private static ContentGraph Resolve(string publications)
    {
        using var site = TestSite.Create(People + "\n" + publications);
        var result = site.Check();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Sorted()));
        return result.Graph!;
    }

    [Fact]
    public void An_exact_id_resolves_to_the_researcher()
    {
        var graph = Resolve("""
            -- content/publications/p.md --
            ---
            title: P
            year: 2020
            authors: [milad-hashemi]
            ---
            """);
        Assert.Same(graph.ResearchersById["milad-hashemi"], Assert.Single(graph.PublicationsById["p"].Authors));
    }

    [Theory]
    [InlineData("Evan Liu")]
    [InlineData("evan z liu")]
    [InlineData("EVAN ZHERAN LIU")]
    [InlineData("Evan Zheran Liu")]
    [InlineData("evan-liu")]
    public void A_name_or_alias_matches_ignoring_case_accents_and_punctuation(string written)
    {
        var graph = Resolve($"""
            -- content/publications/p.md --
            ---
            title: P
            year: 2020
            authors: ["{written}"]
            ---
            """);
        Assert.Same(graph.ResearchersById["evan-zheran-liu"], Assert.Single(graph.PublicationsById["p"].Authors));
    }

    [Fact]
    public void A_name_without_a_profile_becomes_an_external_author_node()
    {
        var graph = Resolve("""
            -- content/publications/p.md --
            ---
            title: P
            year: 2020
            authors: [Junwhan Ahn, milad-hashemi]
            ---
            -- content/publications/q.md --
            ---
            title: Q
            year: 2021
            authors: [JUNWHAN AHN]
            ---
            """);
        var external = Assert.Single(graph.ExternalAuthors);
        Assert.Equal("junwhan-ahn", external.Id);
        Assert.Equal("Junwhan Ahn", external.Name);
        Assert.Equal("x:junwhan-ahn", external.NodeId);
        Assert.Null(external.Url);
        Assert.Equal(2, external.Works.Count);
        Assert.Contains(graph.Edges, e => e.Kind == EdgeKind.Coauthor && e.Weight == 1);
    }

    [Fact]
    public void An_id_like_item_that_matches_nothing_suggests_the_closest_id()
    {
        using var site = TestSite.Create(People + "\n" + """
            -- content/publications/p.md --
            ---
            title: P
            year: 2020
            authors:
              - milad-hashmi
            ---
            """);
        var d = TestSite.Single(site.Check(), DiagnosticCodes.UnknownAuthorId);
        Assert.Equal("content/publications/p.md(5,5)", d.Location.ToString());
        Assert.Equal("Did you mean 'milad-hashemi'?", d.Hint);
    }

    [Fact]
    public void An_explicit_id_in_a_map_must_exist()
    {
        using var site = TestSite.Create(People + "\n" + """
            -- content/publications/p.md --
            ---
            title: P
            year: 2020
            authors:
              - {name: Milad H., id: milad}
            ---
            """);
        var d = TestSite.Single(site.Check(), DiagnosticCodes.UnknownAuthorId);
        Assert.Equal("content/publications/p.md(5,5)", d.Location.ToString());
    }

    [Fact]
    public void Topics_and_institutions_without_a_file_are_derived_with_a_warning()
    {
        using var site = TestSite.Create(People + "\n" + """
            -- content/researchers/kim.md --
            ---
            name: Kim
            affiliations: [eth-zurich]
            ---
            -- content/publications/p.md --
            ---
            title: P
            year: 2020
            topics: [computer-architecture]
            ---
            """);
        var result = site.Check();
        Assert.True(result.Succeeded);
        Assert.Equal(
        [
            "BZP204 content/publications/p.md(4,10)",
            "BZP203 content/researchers/kim.md(3,16)",
        ], TestSite.Codes(result));
        Assert.Equal("Computer architecture", result.Graph!.TopicsById["computer-architecture"].Name);
        Assert.Equal("Eth zurich", result.Graph.InstitutionsById["eth-zurich"].Name);
    }

    [Fact]
    public void An_affiliation_close_to_an_existing_institution_is_a_typo_error()
    {
        using var site = TestSite.Create(People + "\n" + """
            -- content/researchers/kim.md --
            ---
            name: Kim
            affiliations: [stanfrod]
            ---
            """);
        var d = TestSite.Single(site.Check(), DiagnosticCodes.UnknownAffiliationId);
        Assert.Equal("content/researchers/kim.md(3,16)", d.Location.ToString());
        Assert.Equal("Did you mean 'stanford'?", d.Hint);
    }

    [Fact]
    public void Coauthor_edges_are_weighted_by_shared_works()
    {
        var graph = Resolve("""
            -- content/publications/p.md --
            ---
            title: P
            year: 2020
            authors: [milad-hashemi, Evan Liu]
            ---
            -- content/publications/q.md --
            ---
            title: Q
            year: 2021
            authors: [evan-zheran-liu, milad-hashemi]
            ---
            """);
        var edge = Assert.Single(graph.Edges, e => e.Kind == EdgeKind.Coauthor);
        Assert.Equal(2, edge.Weight);
        Assert.Equal(4, graph.Edges.Count(e => e.Kind == EdgeKind.Authored));
        Assert.Single(graph.Edges, e => e.Kind == EdgeKind.Affiliated);
    }
}
