using System.Text.RegularExpressions;

namespace BzPeer.Import.Text;

/// <summary>
/// Normalises persistent identifiers as they appear in the wild (URLs, prefixes, mixed case) to the
/// form written to content files, and to the key used to compare them.
/// </summary>
internal static partial class Identifiers
{
    /// <summary>"https://doi.org/10.1/ABC", "doi:10.1/ABC" → "10.1/ABC"; null when it is not a DOI.</summary>
    public static string? Doi(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var match = DoiPattern().Match(raw.Trim());
        return match.Success ? match.Groups[1].Value.TrimEnd('.', ',', ';') : null;
    }

    /// <summary>DOIs are case-insensitive: the comparison key is the lower-cased DOI.</summary>
    public static string DoiKey(string doi) => doi.ToLowerInvariant();

    /// <summary>
    /// "arXiv:2006.16239v2", "https://arxiv.org/abs/2006.16239", "hep-th/9901001" → the id without version;
    /// null when it is not an arXiv id.
    /// </summary>
    public static string? Arxiv(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var match = ArxivPattern().Match(raw.Trim());
        return match.Success ? match.Groups["id"].Value : null;
    }

    /// <summary>arXiv DOIs (10.48550/arXiv.NNNN) carry the arXiv id.</summary>
    public static string? ArxivFromDoi(string? doi)
    {
        if (doi is null)
        {
            return null;
        }
        const string prefix = "10.48550/arxiv.";
        return doi.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? Arxiv(doi[prefix.Length..]) : null;
    }

    /// <summary>"https://orcid.org/0000-0002-1825-0097" → "0000-0002-1825-0097" when the checksum is valid, else null.</summary>
    public static string? Orcid(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var match = OrcidPattern().Match(raw.Trim());
        if (!match.Success)
        {
            return null;
        }
        var orcid = match.Value.ToUpperInvariant();
        return OrcidChecksumIsValid(orcid) ? orcid : null;
    }

    /// <summary>ISO 7064 11,2, the same check the build applies (<see cref="Content.Orcid"/>).</summary>
    public static bool OrcidChecksumIsValid(string orcid) => Content.Orcid.HasValidChecksum(orcid.ToUpperInvariant());

    /// <summary>"https://ror.org/05ppvf150" or "05ppvf150" → "05ppvf150"; null when it is not a ROR id.</summary>
    public static string? RorKey(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var match = RorPattern().Match(raw.Trim());
        return match.Success ? match.Groups[1].Value.ToLowerInvariant() : null;
    }

    public static string RorUrl(string key) => "https://ror.org/" + key;

    /// <summary>"https://openalex.org/W2741809807" → "W2741809807".</summary>
    public static string? OpenAlex(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var match = OpenAlexPattern().Match(raw.Trim());
        return match.Success ? match.Groups[1].Value.ToUpperInvariant() : null;
    }

    /// <summary>Absolute http(s) URLs only: relative paths mean nothing outside their original site, other schemes are unsafe.</summary>
    public static string? HttpUrl(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var trimmed = raw.Trim();
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? trimmed
            : null;
    }

    [GeneratedRegex(@"(?:^|doi\.org/|doi:\s*)(10\.\d{4,9}/\S+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DoiPattern();

    [GeneratedRegex(@"^(?:arxiv:\s*|https?://(?:www\.)?arxiv\.org/(?:abs|pdf)/)?(?<id>\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?(?:\.pdf)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArxivPattern();

    [GeneratedRegex(@"\d{4}-\d{4}-\d{4}-\d{3}[\dXx]", RegexOptions.CultureInvariant)]
    private static partial Regex OrcidPattern();

    [GeneratedRegex(@"^(?:https?://ror\.org/)?(0[a-z0-9]{6}\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RorPattern();

    [GeneratedRegex(@"^(?:https?://openalex\.org/)?([WAISTPC]\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpenAlexPattern();
}
