using BzPeer.Configuration;
using BzPeer.Model;

namespace BzPeer.Figures;

/// <summary>Computes SPEC §5's derived figures for every researcher. Deterministic; documented in docs/trust.md.</summary>
internal static class FigureCalculator
{
    public static void Compute(ContentGraph graph)
    {
        // Each researcher's figures read the frozen graph and write only that researcher.
        var config = graph.Config;
        Parallel.ForEach(graph.Researchers, researcher => researcher.Figures = For(researcher, config));
    }

    internal static ResearcherFigures For(Researcher researcher, SiteConfig config)
    {
        var topics = researcher.Works
            .SelectMany(w => w.Topics)
            .GroupBy(t => t)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key.Name, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Id, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();
        var close = researcher.Coauthors.Where(c => c.SharedWorks >= config.CloseCollaboratorMinShared).ToList();
        var level = Verification(researcher);
        var trust = Trust(researcher, level, researcher.Works.Count, close.Count, config.Trust);
        return new ResearcherFigures(researcher.Works.Count, topics, close, level, trust);
    }

    internal static VerificationLevel Verification(Researcher researcher)
    {
        var record = researcher.Record;
        if (record.Claimed)
        {
            return record.Orcid is not null ? VerificationLevel.L3 : VerificationLevel.L2;
        }

        return researcher.Works.Any(w => w.Doi is { Length: > 0 } || w.Arxiv is { Length: > 0 }) ? VerificationLevel.L1 : VerificationLevel.L0;
    }

    /// <summary>Which parts of a profile count towards completeness, with their labels.</summary>
    internal static IReadOnlyList<(string Label, bool Present)> CompletenessItems(Researcher researcher)
    {
        var record = researcher.Record;
        return
        [
            ("summary", !string.IsNullOrWhiteSpace(record.Summary)),
            ("affiliation", researcher.Affiliations.Count > 0),
            ("ORCID iD", record.Orcid is not null),
            ("biography", !string.IsNullOrWhiteSpace(record.Body)),
            ("links", record.Links.Count > 0),
            ("contact", record.Contact is not null),
        ];
    }

    internal static TrustScore Trust(Researcher researcher, VerificationLevel level, int works, int closeCollaborators, TrustSettings settings)
    {
        var items = CompletenessItems(researcher);
        var present = items.Count(i => i.Present);
        var completeness = (double)present / items.Count;
        var missing = items.Where(i => !i.Present).Select(i => i.Label).ToList();
        var terms = new List<TrustTerm>
        {
            Term("verification", "Verification", $"level L{(int)level} of 3", (int)level, 3, settings.VerificationWeight),
            Term("works", "Works", $"{works} works", works, settings.WorksCap, settings.WorksWeight),
            Term("close_collaborators", "Close collaborators", $"{closeCollaborators} close collaborators", closeCollaborators,
                settings.CloseCollaboratorsCap, settings.CloseCollaboratorsWeight),
            Term("followers", "Followers", $"{researcher.Record.Followers} followers", researcher.Record.Followers, settings.FollowersCap, settings.FollowersWeight),
            Term("completeness", "Profile completeness",
                $"{present} of {items.Count} parts" + (missing.Count > 0 ? $" (missing: {string.Join(", ", missing)})" : ""),
                completeness, 1, settings.CompletenessWeight),
        };
        var uncapped = terms.Sum(t => t.Points);
        var score = (int)Math.Clamp(Math.Round(uncapped, MidpointRounding.AwayFromZero), 0, 100);
        var tier = settings.Tiers.Last(t => t.Min <= score).Name;
        return new TrustScore(score, tier, uncapped, terms);
    }

    private static TrustTerm Term(string key, string label, string explanation, double input, double cap, double weight) =>
        new(key, label, explanation, input, cap, weight, Math.Round(Math.Min(input, cap) * weight, 2));
}
