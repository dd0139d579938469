using System.Text.Json;
using BzPeer.Import.Text;

namespace BzPeer.Import.Json;

/// <summary>
/// A public ORCID record (API v3 JSON, as from https://pub.orcid.org/v3.0/ID/record): the person (names,
/// other names, biography, websites), works (one per group; its summary lists no co-authors, so the
/// record's owner is the only author written) and employments (current ones become affiliations).
/// </summary>
internal static class OrcidImporter
{
    public static ParsedImport Import(string text, string fileName)
    {
        var result = new ParsedImport();
        using var document = JsonInput.Parse(text, fileName, result.Diagnostics);
        if (document is null)
        {
            return result;
        }
        var root = document.RootElement;
        var orcid = Identifiers.Orcid(root.Text("orcid-identifier", "path"));
        if (orcid is null)
        {
            result.Diagnostics.Add(ImportDiagnostic.Error(ImportCodes.JsonShape, fileName, new ImportPosition(1, 1),
                "this is not an ORCID record: 'orcid-identifier.path' holds no valid ORCID iD"));
            return result;
        }
        var person = Person(root, orcid, fileName);
        result.Person = person;
        var owner = new ImportedAuthor(person.Name, person.Family, orcid) { Given = person.Given };
        foreach (var group in root.Path("activities-summary", "works", "group").Items())
        {
            // The first summary is the one the owner chose to display for the group.
            var summary = group.Get("work-summary").Items().FirstOrDefault();
            if (summary.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            var work = Work(summary, group, owner, orcid, fileName, result.Diagnostics);
            if (work is not null)
            {
                result.Works.Add(work);
            }
        }
        return result;
    }

    private static ImportedPerson Person(JsonElement root, string orcid, string file)
    {
        var person = root.Get("person");
        var given = person?.Text("name", "given-names", "value");
        var family = person?.Text("name", "family-name", "value");
        var joined = string.Join(' ', new[] { given, family }.OfType<string>());
        var credit = person?.Text("name", "credit-name", "value");
        var name = credit ?? (joined.Length > 0 ? joined : orcid);
        var aliases = new List<string>();
        if (joined.Length > 0)
        {
            aliases.Add(joined);
        }
        aliases.AddRange(person?.Path("other-names", "other-name").Items().Select(o => o.Text("content")).OfType<string>() ?? []);
        var links = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var link in person?.Path("researcher-urls", "researcher-url").Items() ?? [])
        {
            var url = Identifiers.HttpUrl(link.Text("url", "value"));
            if (url is null)
            {
                continue;
            }
            var key = Slug.From(link.Text("url-name") ?? "");
            key = key.Length == 0 ? "website" : key;
            for (var n = 2; links.ContainsKey(key); n++)
            {
                key = $"{Slug.From(link.Text("url-name") ?? "website")}-{n}";
            }
            links[key] = url;
        }
        return new ImportedPerson
        {
            Name = name,
            Family = family,
            Given = given,
            Orcid = orcid,
            Aliases = aliases.Where(a => TextFold.NameKey(a) != TextFold.NameKey(name)).Distinct(StringComparer.Ordinal).ToList(),
            Biography = AbstractText.Clean(person?.Text("biography", "content")),
            Links = links,
            Affiliations = Employments(root),
            Source = new ImportSource("orcid", file, orcid),
        };
    }

    /// <summary>Current employments (no end date); if there is none, the most recent one.</summary>
    private static List<ImportedInstitution> Employments(JsonElement root)
    {
        var employments = root.Path("activities-summary", "employments");
        // v3.0 wraps summaries in affiliation-group/summaries; older records list employment-summary directly.
        var summaries = employments?.Get("employment-summary").Items()
            .Concat(employments?.Get("affiliation-group").Items()
                .SelectMany(g => g.Get("summaries").Items())
                .Select(s => s.Get("employment-summary"))
                .OfType<JsonElement>() ?? [])
            .ToList() ?? [];
        var dated = summaries
            .Select(s => (Summary: s, Ends: s.Get("end-date") is null, Start: StartKey(s)))
            .ToList();
        var chosen = dated.Where(d => d.Ends).ToList();
        if (chosen.Count == 0)
        {
            chosen = dated.OrderByDescending(d => d.Start, StringComparer.Ordinal).Take(1).ToList();
        }
        return chosen
            .OrderByDescending(d => d.Start, StringComparer.Ordinal)
            .Select(d => d.Summary.Get("organization"))
            .Where(o => o?.Text("name") is not null)
            .Select(o =>
            {
                var source = o!.Value.Text("disambiguated-organization", "disambiguation-source");
                var ror = source is not null && source.Equals("ROR", StringComparison.OrdinalIgnoreCase)
                    ? Identifiers.RorKey(o.Value.Text("disambiguated-organization", "disambiguated-organization-identifier"))
                    : null;
                return new ImportedInstitution(o.Value.Text("name")!, ror, o.Value.Text("address", "country"));
            })
            .ToList();
    }

    private static string StartKey(JsonElement summary) =>
        string.Join('-', new[] { "year", "month", "day" }.Select(p => summary.Text("start-date", p, "value") ?? "00"));

    private static ImportedWork? Work(JsonElement summary, JsonElement group, ImportedAuthor owner, string orcid, string file,
        List<ImportDiagnostic> diagnostics)
    {
        var putCode = summary.Text("put-code") ?? "?";
        var title = summary.Text("title", "title", "value");
        if (title is null)
        {
            diagnostics.Add(ImportDiagnostic.Error(ImportCodes.MissingTitle, file, ImportPosition.Unknown,
                $"work put-code {putCode} has no title; it was not imported"));
            return null;
        }
        var year = summary.Path("publication-date", "year", "value").Int();
        if (year is null)
        {
            diagnostics.Add(ImportDiagnostic.Error(ImportCodes.MissingYear, file, ImportPosition.Unknown,
                $"work put-code {putCode} (\"{title}\") has no publication year; it was not imported"));
            return null;
        }
        var month = summary.Path("publication-date", "month", "value").Int();
        var day = summary.Path("publication-date", "day", "value").Int();
        string? doi = null, arxiv = null;
        var otherIds = new SortedDictionary<string, string>(StringComparer.Ordinal);
        // The group's external ids are the union over its summaries; the summary's own come first.
        var externalIds = summary.Path("external-ids", "external-id").Items().Concat(group.Path("external-ids", "external-id").Items());
        foreach (var id in externalIds)
        {
            if (id.Text("external-id-relationship") is { } relation && !relation.Equals("self", StringComparison.OrdinalIgnoreCase))
            {
                continue; // "part-of" ids belong to the book or journal, not to this work
            }
            var value = id.Text("external-id-value");
            switch (id.Text("external-id-type")?.ToLowerInvariant())
            {
                case "doi":
                    doi ??= Identifiers.Doi(value);
                    break;
                case "arxiv":
                    arxiv ??= Identifiers.Arxiv(value);
                    break;
                case "pmid" when value is not null:
                    otherIds.TryAdd("pmid", value);
                    break;
                case "pmc" when value is not null:
                    otherIds.TryAdd("pmcid", value);
                    break;
            }
        }
        arxiv ??= Identifiers.ArxivFromDoi(doi);
        var links = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Identifiers.HttpUrl(summary.Text("url", "value")) is { } url && Identifiers.Doi(url) is null)
        {
            links["url"] = url;
        }
        return new ImportedWork
        {
            Title = title,
            Type = WorkType(summary.Text("type"), arxiv),
            Year = year.Value,
            Date = JsonInput.FullDate(year, month, day),
            Venue = summary.Text("journal-title", "value"),
            Authors = [owner],
            Doi = doi,
            Arxiv = arxiv,
            OtherIds = otherIds,
            Links = links,
            Source = new ImportSource("orcid", file, $"{orcid}/work/{putCode}"),
        };
    }

    private static string WorkType(string? orcidType, string? arxiv) =>
        orcidType?.ToUpperInvariant().Replace('-', '_') switch
        {
            "PREPRINT" => "preprint",
            _ when arxiv is not null && orcidType?.ToUpperInvariant() is null or "OTHER" => "preprint",
            "JOURNAL_ARTICLE" or "MAGAZINE_ARTICLE" or "NEWSPAPER_ARTICLE" or "REVIEW" or "JOURNAL_ISSUE" => "article",
            "CONFERENCE_PAPER" or "CONFERENCE_ABSTRACT" or "CONFERENCE_POSTER" or "CONFERENCE_PRESENTATION" => "conference",
            "BOOK" or "EDITED_BOOK" or "BOOK_REVIEW" => "book",
            "BOOK_CHAPTER" or "ENCYCLOPEDIA_ENTRY" or "DICTIONARY_ENTRY" => "chapter",
            "DISSERTATION" or "DISSERTATION_THESIS" or "SUPERVISED_STUDENT_PUBLICATION" => "thesis",
            "REPORT" or "WORKING_PAPER" or "RESEARCH_TECHNIQUE" or "STANDARDS_AND_POLICY" => "report",
            "DATA_SET" or "DATA_MANAGEMENT_PLAN" => "dataset",
            "SOFTWARE" => "software",
            _ => "other",
        };
}
