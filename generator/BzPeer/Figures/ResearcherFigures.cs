using BzPeer.Model;

namespace BzPeer.Figures;

/// <summary>Verification levels of SPEC §5, from no persistent identifier (L0) to claimed with a valid ORCID iD (L3).</summary>
public enum VerificationLevel
{
    L0,
    L1,
    L2,
    L3,
}

/// <summary>The derived figures shown in a profile's trust snapshot (docs/trust.md explains each).</summary>
public sealed record ResearcherFigures(
    int Works,
    IReadOnlyList<Topic> Topics,
    IReadOnlyList<Collaboration> CloseCollaborators,
    VerificationLevel Verification,
    TrustScore Trust);

/// <summary>The score with every term that makes it up, so a page can show how it was computed.</summary>
public sealed record TrustScore(int Score, string Tier, double Uncapped, IReadOnlyList<TrustTerm> Terms);

/// <summary>One term: <c>Points = min(Input, Cap) × Weight</c>.</summary>
public sealed record TrustTerm(string Key, string Label, string Explanation, double Input, double Cap, double Weight, double Points);
