using BzPeer.Diagnostics;

namespace BzPeer.Content;

/// <summary>Turns the fields of one content file into a record of its kind, reporting every bad value.</summary>
internal static class RecordReaders
{
    public static readonly string[] PublicationTypes =
        ["article", "preprint", "conference", "book", "chapter", "thesis", "report", "dataset", "software", "other"];

    private static readonly string[] DoiPrefixes = ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"];

    public static ResearcherRecord? Researcher(string id, FieldReader f, string body, int bodyLine)
    {
        var name = f.String("name", required: true, requiredHint: "Add 'name: Full Name' to the front matter.");
        var summary = f.String("summary")?.Value;
        var role = f.String("role")?.Value is { Length: > 0 } r ? r : "Researcher";
        var affiliations = f.StringList("affiliations");
        var open = f.Bool("open_to_collaborate", false);
        var claimed = f.Bool("claimed", false);
        var orcid = ReadOrcid(f);
        var aliases = f.StringList("aliases").Select(a => a.Value).Where(a => a.Length > 0).ToList();
        var followers = f.Int("followers", min: 0)?.Value ?? 0;
        var contact = SafeUrl(f, f.String("contact"), "contact");
        var links = SafeLinks(f, "links");
        body = ReadYmlBody(f, body);
        var extra = f.Extra();
        return name is null
            ? null
            : new ResearcherRecord(id, f.Path, body, bodyLine, extra, name.Value.Value, summary, role, affiliations, open, claimed, orcid,
                aliases, followers, contact, links);
    }

    public static PublicationRecord? Publication(string id, FieldReader f, string body, int bodyLine)
    {
        var title = f.String("title", required: true, requiredHint: "Add 'title: The Title' to the front matter.");
        var type = ReadType(f);
        var year = f.Int("year", required: true, min: 1000, max: 3000);
        var date = f.Date("date")?.Value;
        var venue = f.String("venue")?.Value;
        var authors = ReadAuthors(f);
        var topics = f.StringList("topics");
        var ids = f.StringMap("ids").Select(e => new KeyValuePair<string, string>(e.Key, NormaliseIdentifier(e.Key, e.Value.Value))).ToList();
        var links = SafeLinks(f, "links");
        body = ReadYmlBody(f, body);
        var extra = f.Extra();
        return title is null || year is null
            ? null
            : new PublicationRecord(id, f.Path, body, bodyLine, extra, title.Value.Value, type, year.Value.Value, date, venue, authors, topics, ids, links);
    }

    public static TopicRecord Topic(string id, FieldReader f, string body, int bodyLine)
    {
        var name = f.String("name")?.Value;
        body = ReadYmlBody(f, body);
        return new TopicRecord(id, f.Path, body, bodyLine, f.Extra(), name);
    }

    public static InstitutionRecord Institution(string id, FieldReader f, string body, int bodyLine)
    {
        var name = f.String("name")?.Value;
        var country = f.String("country")?.Value;
        var url = SafeUrl(f, f.String("url"), "url");
        var ror = SafeUrl(f, f.String("ror"), "ror");
        body = ReadYmlBody(f, body);
        return new InstitutionRecord(id, f.Path, body, bodyLine, f.Extra(), name, country, url, ror);
    }

    private static string ReadType(FieldReader f)
    {
        var type = f.String("type");
        if (type is null)
        {
            return "other";
        }

        var value = type.Value.Value.ToLowerInvariant();
        if (Array.IndexOf(PublicationTypes, value) >= 0)
        {
            return value;
        }

        f.Diagnostics.Error(DiagnosticCodes.UnknownPublicationType, type.Value.At, $"Unknown publication type '{type.Value.Value}'.",
            Suggestions.Closest(value, PublicationTypes) is { } close
                ? $"Did you mean '{close}'? Types: {string.Join(", ", PublicationTypes)}."
                : $"Use one of: {string.Join(", ", PublicationTypes)}.");
        return "other";
    }

    private static List<AuthorItem> ReadAuthors(FieldReader f)
    {
        var node = f.Node("authors");
        var authors = new List<AuthorItem>();
        switch (node)
        {
            case null:
                break;
            case YamlList list:
                foreach (var item in list.Items)
                {
                    if (FieldReader.IsNull(item))
                    {
                        continue;
                    }

                    if (item is YamlScalar scalar)
                    {
                        authors.Add(new AuthorItem(null, f.Kept(scalar.Value), f.At(item)));
                    }
                    else if (item is YamlMap map)
                    {
                        var inner = f.Nested(map);
                        var id = inner.String("id")?.Value;
                        var name = inner.String("name")?.Value;
                        if (id is null && name is null)
                        {
                            f.Diagnostics.Error(DiagnosticCodes.MissingRequiredKey, f.At(item), "An author entry needs 'name' or 'id'.",
                                "Write '- {name: Ada Lovelace}' or '- {id: ada-lovelace}'.");
                        }
                        else
                        {
                            authors.Add(new AuthorItem(id, name, f.At(item)));
                        }
                    }
                    else
                    {
                        f.Diagnostics.Error(DiagnosticCodes.WrongType, f.At(item), "An author must be a researcher id, a name, or '{name: …, id: …}'.");
                    }
                }

                break;
            default:
                f.Diagnostics.Error(DiagnosticCodes.WrongType, f.At(node), "'authors' must be a list.", "Write 'authors:' followed by lines '  - researcher-id' or '  - Plain Name'.");
                break;
        }

        return authors;
    }

    private static string? ReadOrcid(FieldReader f)
    {
        var orcid = f.String("orcid");
        if (orcid is null)
        {
            return null;
        }

        var normalised = Orcid.Normalise(orcid.Value.Value);
        if (normalised is null || !Orcid.HasValidChecksum(normalised))
        {
            f.Diagnostics.Error(DiagnosticCodes.InvalidOrcid, orcid.Value.At,
                normalised is null
                    ? $"'{orcid.Value.Value}' is not an ORCID iD."
                    : $"The ORCID iD '{normalised}' has a wrong check digit.",
                "Copy the iD from the person's ORCID page: 16 characters like 0000-0002-1825-0097.");
            return null;
        }

        return normalised;
    }

    private static string? SafeUrl(FieldReader f, Located<string>? value, string key)
    {
        if (value is null)
        {
            return null;
        }

        if (LinkPolicy.IsSafe(value.Value.Value))
        {
            return value.Value.Value;
        }

        f.Diagnostics.Error(DiagnosticCodes.UnsafeLink, value.Value.At, $"'{key}' is not an allowed link.",
            "Links must be http(s), mailto or relative URLs.");
        return null;
    }

    private static List<KeyValuePair<string, string>> SafeLinks(FieldReader f, string key)
    {
        var links = new List<KeyValuePair<string, string>>();
        foreach (var entry in f.StringMap(key))
        {
            if (SafeUrl(f, entry.Value, $"{key}.{entry.Key}") is { } url)
            {
                links.Add(new(entry.Key, url));
            }
        }

        return links;
    }

    private static string NormaliseIdentifier(string kind, string value)
    {
        var text = value.Trim();
        if (kind == "doi")
        {
            foreach (var prefix in DoiPrefixes)
            {
                if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return text[prefix.Length..];
                }
            }
        }
        else if (kind == "arxiv" && text.StartsWith("arXiv:", StringComparison.OrdinalIgnoreCase))
        {
            return text[6..];
        }

        return text;
    }

    /// <summary>A pure .yml record carries its Markdown under <c>body:</c>.</summary>
    private static string ReadYmlBody(FieldReader f, string body) => f.String("body")?.Value ?? body;
}
