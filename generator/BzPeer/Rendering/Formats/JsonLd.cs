using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BzPeer.Model;

namespace BzPeer.Rendering.Formats;

/// <summary>schema.org JSON-LD for publications (ScholarlyArticle), profiles (Person) and institutions (Organization).</summary>
internal static class JsonLd
{
    private static readonly JsonSerializerOptions Options = new()
    {
        // Escapes <, >, & and U+2028/2029: the JSON cannot end its <script> element early.
        Encoder = JavaScriptEncoder.Default,
        WriteIndented = false,
    };

    public static RawHtml Publication(Publication publication, SiteUrls urls, string abstractText)
    {
        var node = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ScholarlyArticle",
            ["@id"] = urls.Absolute(publication.Url),
            ["headline"] = Truncate(publication.Title, 110),
            ["name"] = publication.Title,
            ["url"] = urls.Absolute(publication.Url),
            ["datePublished"] = publication.Record.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                ?? publication.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["author"] = new JsonArray(publication.Authors.Select(a => (JsonNode)Person(a, urls)).ToArray()),
        };
        if (abstractText.Length > 0)
        {
            node["abstract"] = abstractText;
        }

        if (publication.Record.Venue is { Length: > 0 } venue)
        {
            node["isPartOf"] = new JsonObject { ["@type"] = "Periodical", ["name"] = venue };
        }

        if (publication.Topics.Count > 0)
        {
            node["about"] = new JsonArray(publication.Topics.Select(t => (JsonNode)new JsonObject { ["@type"] = "Thing", ["name"] = t.Name }).ToArray());
        }

        var sameAs = new JsonArray();
        if (publication.Doi is { } doi)
        {
            sameAs.Add($"https://doi.org/{doi}");
            node["identifier"] = new JsonObject { ["@type"] = "PropertyValue", ["propertyID"] = "DOI", ["value"] = doi };
        }

        if (publication.Arxiv is { } arxiv)
        {
            sameAs.Add($"https://arxiv.org/abs/{arxiv}");
        }

        if (sameAs.Count > 0)
        {
            node["sameAs"] = sameAs;
        }

        return Script(node);
    }

    public static RawHtml Researcher(Researcher researcher, SiteUrls urls)
    {
        var node = Person(researcher, urls);
        node["@context"] = "https://schema.org";
        node["@id"] = urls.Absolute(researcher.Url);
        if (researcher.Record.Summary is { Length: > 0 } summary)
        {
            node["description"] = summary;
        }

        node["jobTitle"] = researcher.Record.Role;
        if (researcher.Affiliations.Count > 0)
        {
            node["affiliation"] = new JsonArray(researcher.Affiliations.Select(i => (JsonNode)Organization(i, urls)).ToArray());
        }

        var sameAs = new JsonArray();
        if (researcher.Record.Orcid is { } orcid)
        {
            sameAs.Add($"https://orcid.org/{orcid}");
        }

        foreach (var link in researcher.Record.Links)
        {
            if (link.Value.StartsWith("http", StringComparison.Ordinal))
            {
                sameAs.Add(link.Value);
            }
        }

        if (sameAs.Count > 0)
        {
            node["sameAs"] = sameAs;
        }

        if (researcher.Figures.Topics.Count > 0)
        {
            node["knowsAbout"] = new JsonArray(researcher.Figures.Topics.Select(t => (JsonNode)t.Name).ToArray());
        }

        return Script(node);
    }

    public static RawHtml Institution(Institution institution, SiteUrls urls)
    {
        var node = Organization(institution, urls);
        node["@context"] = "https://schema.org";
        node["@id"] = urls.Absolute(institution.Url);
        return Script(node);
    }

    private static JsonObject Person(Author author, SiteUrls urls)
    {
        var node = new JsonObject { ["@type"] = "Person", ["name"] = author.Name };
        if (author.Url is { } url)
        {
            node["url"] = urls.Absolute(url);
        }

        return node;
    }

    private static JsonObject Organization(Institution institution, SiteUrls urls)
    {
        var node = new JsonObject { ["@type"] = "Organization", ["name"] = institution.Name, ["url"] = urls.Absolute(institution.Url) };
        var record = institution.Record;
        if (record?.Ror is { } ror)
        {
            node["sameAs"] = ror;
        }

        if (record?.Country is { } country)
        {
            node["address"] = new JsonObject { ["@type"] = "PostalAddress", ["addressCountry"] = country };
        }

        return node;
    }

    private static RawHtml Script(JsonObject node) =>
        new($"<script type=\"application/ld+json\">{node.ToJsonString(Options)}</script>");

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
