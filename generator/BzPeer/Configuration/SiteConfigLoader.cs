using BzPeer.Content;
using BzPeer.Diagnostics;

namespace BzPeer.Configuration;

/// <summary>Reads <c>site.yml</c> strictly: unknown keys are errors (with a suggestion); free-form data goes under <c>extra</c>.</summary>
internal static class SiteConfigLoader
{
    public const string FileName = "site.yml";

    private static readonly string[] TopLevelKeys =
        ["title", "description", "base_url", "repo", "branch", "language", "close_collaborator_min_shared", "trust", "graph", "extra"];

    public static SiteConfig Load(string siteDirectory, DiagnosticBag diagnostics, string? baseUrlOverride = null)
    {
        var fullPath = System.IO.Path.Combine(siteDirectory, FileName);
        var config = new SiteConfig();
        if (File.Exists(fullPath))
        {
            var document = SourceReader.Read(fullPath, FileName, diagnostics);
            var map = document is null ? null : YamlParser.Parse(document.Text.AsMemory(), FileName, 0, diagnostics);
            if (map is not null)
            {
                config = Read(new FieldReader(map, FileName, 0, diagnostics), diagnostics);
            }
        }
        else
        {
            diagnostics.Warning(DiagnosticCodes.SiteNotFound, SourceLocation.File(FileName),
                "There is no site.yml; using the defaults.", "Create site.yml with at least 'title' and 'base_url'.");
        }

        if (baseUrlOverride is not null)
        {
            var normalised = NormaliseBaseUrl(baseUrlOverride);
            if (normalised is null)
            {
                diagnostics.Error(DiagnosticCodes.ConfigInvalidValue, SourceLocation.File("--base-url"),
                    $"'{baseUrlOverride}' is not an absolute http(s) URL.", "Pass e.g. --base-url https://example.org/lab/");
            }
            else
            {
                config = config with { BaseUrl = normalised };
            }
        }

        return config;
    }

    private static SiteConfig Read(FieldReader fields, DiagnosticBag diagnostics)
    {
        ReportUnknownKeys(fields, TopLevelKeys, diagnostics, "");
        var config = new SiteConfig();
        config = config with
        {
            Title = fields.String("title")?.Value ?? config.Title,
            Description = fields.String("description")?.Value ?? "",
            Repo = RepoUrl(fields),
            Branch = fields.String("branch")?.Value ?? config.Branch,
            Language = fields.String("language")?.Value ?? config.Language,
            CloseCollaboratorMinShared = fields.Int("close_collaborator_min_shared", min: 1, max: 1000)?.Value ?? config.CloseCollaboratorMinShared,
        };

        var baseUrl = fields.String("base_url");
        if (baseUrl is { } b)
        {
            var normalised = NormaliseBaseUrl(b.Value);
            if (normalised is null)
            {
                diagnostics.Error(DiagnosticCodes.ConfigInvalidValue, b.At, $"base_url '{b.Value}' is not an absolute http(s) URL.",
                    "Write e.g. 'base_url: https://example.github.io/lab/'.");
            }
            else
            {
                config = config with { BaseUrl = normalised };
            }
        }

        if (fields.Node("graph") is { } graphNode)
        {
            config = config with { Graph = ReadGraph(Sub(fields, graphNode, "graph", diagnostics), diagnostics) };
        }

        if (fields.Node("trust") is { } trustNode)
        {
            config = config with { Trust = ReadTrust(Sub(fields, trustNode, "trust", diagnostics), fields, diagnostics) };
        }

        if (fields.Node("extra") is { } extraNode)
        {
            config = config with
            {
                Extra = FieldReader.ToPlain(extraNode) as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>(),
            };
        }

        return config;
    }

    private static string? RepoUrl(FieldReader fields)
    {
        var repo = fields.String("repo");
        if (repo is null)
        {
            return null;
        }

        if (!Uri.TryCreate(repo.Value.Value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            fields.Diagnostics.Error(DiagnosticCodes.ConfigInvalidValue, repo.Value.At, $"repo '{repo.Value.Value}' is not an https URL.",
                "Write e.g. 'repo: https://github.com/lab/site'.");
            return null;
        }

        return repo.Value.Value.TrimEnd('/');
    }

    private static FieldReader? Sub(FieldReader parent, YamlValue node, string key, DiagnosticBag diagnostics)
    {
        if (node is YamlMap map)
        {
            return new FieldReader(map, parent.Path, 0, diagnostics);
        }

        diagnostics.Error(DiagnosticCodes.ConfigWrongType, parent.At(node), $"'{key}' must be a map of settings.");
        return null;
    }

    private static GraphSettings ReadGraph(FieldReader? fields, DiagnosticBag diagnostics)
    {
        var graph = new GraphSettings();
        if (fields is null)
        {
            return graph;
        }

        ReportUnknownKeys(fields, ["slice_radius", "publication_slice_radius", "slice_max_nodes", "max_authors_for_coauthor_edges"], diagnostics, "graph.");
        return graph with
        {
            SliceRadius = fields.Int("slice_radius", min: 1, max: 5)?.Value ?? graph.SliceRadius,
            PublicationSliceRadius = fields.Int("publication_slice_radius", min: 1, max: 5)?.Value ?? graph.PublicationSliceRadius,
            SliceMaxNodes = fields.Int("slice_max_nodes", min: 2, max: 5000)?.Value ?? graph.SliceMaxNodes,
            MaxAuthorsForCoauthorEdges = fields.Int("max_authors_for_coauthor_edges", min: 2, max: 10000)?.Value ?? graph.MaxAuthorsForCoauthorEdges,
        };
    }

    private static TrustSettings ReadTrust(FieldReader? fields, FieldReader root, DiagnosticBag diagnostics)
    {
        var trust = TrustSettings.Default;
        if (fields is null)
        {
            return trust;
        }

        ReportUnknownKeys(fields, ["weights", "caps", "tiers"], diagnostics, "trust.");
        if (fields.Node("weights") is YamlMap weightsMap)
        {
            var weights = new FieldReader(weightsMap, root.Path, 0, diagnostics);
            ReportUnknownKeys(weights, ["verification", "works", "close_collaborators", "followers", "completeness"], diagnostics, "trust.weights.");
            trust = trust with
            {
                VerificationWeight = Number(weights, "verification") ?? trust.VerificationWeight,
                WorksWeight = Number(weights, "works") ?? trust.WorksWeight,
                CloseCollaboratorsWeight = Number(weights, "close_collaborators") ?? trust.CloseCollaboratorsWeight,
                FollowersWeight = Number(weights, "followers") ?? trust.FollowersWeight,
                CompletenessWeight = Number(weights, "completeness") ?? trust.CompletenessWeight,
            };
        }

        if (fields.Node("caps") is YamlMap capsMap)
        {
            var caps = new FieldReader(capsMap, root.Path, 0, diagnostics);
            ReportUnknownKeys(caps, ["works", "close_collaborators", "followers"], diagnostics, "trust.caps.");
            trust = trust with
            {
                WorksCap = caps.Int("works", min: 0)?.Value ?? trust.WorksCap,
                CloseCollaboratorsCap = caps.Int("close_collaborators", min: 0)?.Value ?? trust.CloseCollaboratorsCap,
                FollowersCap = caps.Int("followers", min: 0)?.Value ?? trust.FollowersCap,
            };
        }

        if (fields.Node("tiers") is { } tiersNode)
        {
            trust = trust with { Tiers = ReadTiers(tiersNode, root, diagnostics) ?? trust.Tiers };
        }

        return trust;
    }

    private static List<TrustTier>? ReadTiers(YamlValue node, FieldReader root, DiagnosticBag diagnostics)
    {
        if (node is not YamlList sequence || sequence.Items.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.ConfigWrongType, root.At(node), "'trust.tiers' must be a list of '{name: …, min: …}' entries.");
            return null;
        }

        var tiers = new List<TrustTier>();
        foreach (var item in sequence.Items)
        {
            if (item is not YamlMap map)
            {
                diagnostics.Error(DiagnosticCodes.ConfigWrongType, root.At(item), "Each tier must be '{name: …, min: …}'.");
                return null;
            }

            var tier = new FieldReader(map, root.Path, 0, diagnostics);
            var name = tier.String("name", required: true);
            var min = tier.Int("min", required: true, min: 0, max: 100);
            if (name is null || min is null)
            {
                return null;
            }

            tiers.Add(new TrustTier(name.Value.Value, min.Value.Value));
        }

        if (tiers[0].Min != 0 || tiers.Zip(tiers.Skip(1)).Any(p => p.First.Min >= p.Second.Min))
        {
            diagnostics.Error(DiagnosticCodes.ConfigInvalidValue, root.At(node), "Tiers must start at min 0 and be in increasing order of 'min'.");
            return null;
        }

        return tiers;
    }

    private static double? Number(FieldReader fields, string key)
    {
        var value = fields.String(key);
        if (value is null)
        {
            return null;
        }

        if (double.TryParse(value.Value.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= 0)
        {
            return number;
        }

        fields.Diagnostics.Error(DiagnosticCodes.ConfigWrongType, value.Value.At, $"'{key}' must be a number ≥ 0, not '{value.Value.Value}'.");
        return null;
    }

    private static void ReportUnknownKeys(FieldReader fields, string[] known, DiagnosticBag diagnostics, string prefix)
    {
        foreach (var key in fields.KeyNames())
        {
            if (!known.Contains(key.Value, StringComparer.Ordinal))
            {
                diagnostics.Error(DiagnosticCodes.ConfigUnknownKey, key.At, $"Unknown setting '{prefix}{key.Value}'.",
                    Suggestions.Closest(key.Value, known) is { } close
                        ? $"Did you mean '{prefix}{close}'?"
                        : "Put your own data under 'extra:'.");
            }
        }
    }

    /// <summary>Absolute http(s) URL ending in '/', or null.</summary>
    internal static string? NormaliseBaseUrl(string value)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return null;
        }

        var text = uri.GetLeftPart(UriPartial.Path);
        return text.EndsWith('/') ? text : text + "/";
    }
}
