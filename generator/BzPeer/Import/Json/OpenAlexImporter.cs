using System.Text.Json;
using BzPeer.Import.Text;

namespace BzPeer.Import.Json;

/// <summary>
/// OpenAlex API records: a work (W…), an author (A…), or a list response ({"results": [...]}) of either.
/// Works give authorships with ORCIDs, topics, ids and the abstract as an inverted index;
/// authors give the person, their alternative names and their last known institutions (with ROR ids).
/// </summary>
internal static class OpenAlexImporter
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
        var records = root.Get("results") is { ValueKind: JsonValueKind.Array } results ? results.EnumerateArray().ToList()
            : root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList()
            : [root];
        var index = 0;
        foreach (var record in records)
        {
            index++;
            var id = Identifiers.OpenAlex(record.Text("id"));
            if (id is not null && id.StartsWith('A'))
            {
                if (result.Person is not null)
                {
                    result.Diagnostics.Add(ImportDiagnostic.Error(ImportCodes.JsonShape, fileName, ImportPosition.Unknown,
                        $"record {index} is a second author ({id}); import one author record per run"));
                    continue;
                }
                result.Person = Person(record, id, fileName);
            }
            else if (id is not null && id.StartsWith('W'))
            {
                var work = Work(record, id, fileName, result.Diagnostics);
                if (work is not null)
                {
                    result.Works.Add(work);
                }
            }
            else
            {
                result.Diagnostics.Add(ImportDiagnostic.Error(ImportCodes.JsonShape, fileName, ImportPosition.Unknown,
                    $"record {index} is neither an OpenAlex work (https://openalex.org/W…) nor an author (https://openalex.org/A…); it was not imported"));
            }
        }
        return result;
    }

    private static ImportedWork? Work(JsonElement work, string id, string file, List<ImportDiagnostic> diagnostics)
    {
        var title = work.Text("title") ?? work.Text("display_name");
        if (title is null)
        {
            diagnostics.Add(ImportDiagnostic.Error(ImportCodes.MissingTitle, file, ImportPosition.Unknown, $"work {id} has no title; it was not imported"));
            return null;
        }
        var year = work.Get("publication_year").Int();
        if (year is null)
        {
            diagnostics.Add(ImportDiagnostic.Error(ImportCodes.MissingYear, file, ImportPosition.Unknown,
                $"work {id} has no publication_year; it was not imported"));
            return null;
        }
        var authors = work.Get("authorships").Items()
            .Select(a => a.Get("author"))
            .Where(a => a?.Text("display_name") is not null)
            .Select(a =>
            {
                var name = a!.Value.Text("display_name")!;
                var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return new ImportedAuthor(name, words[^1], Identifiers.Orcid(a.Value.Text("orcid")), Identifiers.OpenAlex(a.Value.Text("id")))
                {
                    Given = string.Join(' ', words[..^1]),
                };
            })
            .ToList();
        var primary = work.Get("primary_location");
        var links = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var doi = Identifiers.Doi(work.Text("doi") ?? work.Text("ids", "doi"));
        if (Identifiers.HttpUrl(primary?.Text("landing_page_url")) is { } landing && !(doi is not null && Identifiers.Doi(landing) is not null))
        {
            links["url"] = landing;
        }
        if (Identifiers.HttpUrl(primary?.Text("pdf_url")) is { } pdf)
        {
            links["pdf"] = pdf;
        }
        var arxiv = Identifiers.ArxivFromDoi(doi)
            ?? work.Get("locations").Items().Select(l => Identifiers.Arxiv(l.Text("landing_page_url"))).FirstOrDefault(a => a is not null);
        var otherIds = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (work.Text("ids", "pmid") is { } pmid)
        {
            otherIds["pmid"] = pmid.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];
        }
        if (work.Text("ids", "pmcid") is { } pmcid)
        {
            var number = pmcid.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];
            otherIds["pmcid"] = number.StartsWith("PMC", StringComparison.OrdinalIgnoreCase) ? number : "PMC" + number;
        }
        var topics = work.Get("topics").Items()
            .Where(t => t.Text("display_name") is not null)
            .Select(t => new ImportedTopic(t.Text("display_name")!, Identifiers.OpenAlex(t.Text("id"))))
            .ToList();
        var source = primary?.Get("source");
        var venue = source?.Text("display_name");
        return new ImportedWork
        {
            Title = title,
            Type = WorkType(work.Text("type_crossref"), work.Text("type"), source?.Text("type"), arxiv),
            Year = year.Value,
            Date = DateOf(work.Text("publication_date")),
            Venue = venue,
            Authors = authors,
            Topics = topics,
            Doi = doi,
            Arxiv = arxiv,
            OpenAlexId = id,
            OtherIds = otherIds,
            Links = links,
            Abstract = AbstractFromInvertedIndex(work.Get("abstract_inverted_index")),
            Source = new ImportSource("openalex", file, id),
        };
    }

    /// <summary>OpenAlex ships abstracts as word → positions; put each word back at its positions.</summary>
    internal static string? AbstractFromInvertedIndex(JsonElement? index)
    {
        if (index is not { ValueKind: JsonValueKind.Object } map)
        {
            return null;
        }
        var words = new SortedDictionary<int, string>();
        foreach (var entry in map.EnumerateObject())
        {
            foreach (var position in entry.Value.Items())
            {
                if (position.ValueKind == JsonValueKind.Number && position.TryGetInt32(out var at) && at >= 0)
                {
                    words[at] = entry.Name;
                }
            }
        }
        return words.Count == 0 ? null : AbstractText.Paragraphs(string.Join(' ', words.Values));
    }

    private static ImportedPerson Person(JsonElement author, string id, string file)
    {
        var name = author.Text("display_name") ?? id;
        var aliases = author.Get("display_name_alternatives").Items()
            .Select(a => ((JsonElement?)a).Text())
            .OfType<string>()
            .Where(a => TextFold.NameKey(a) != TextFold.NameKey(name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var institutions = author.Get("last_known_institutions").Items()
            .Concat(author.Get("last_known_institution") is { ValueKind: JsonValueKind.Object } single ? [single] : [])
            .Where(i => i.Text("display_name") is not null)
            .Select(i => new ImportedInstitution(i.Text("display_name")!, Identifiers.RorKey(i.Text("ror")), i.Text("country_code"),
                null, Identifiers.OpenAlex(i.Text("id"))))
            .ToList();
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new ImportedPerson
        {
            Name = name,
            Family = words[^1],
            Given = string.Join(' ', words[..^1]),
            Orcid = Identifiers.Orcid(author.Text("orcid") ?? author.Text("ids", "orcid")),
            OpenAlexId = id,
            Aliases = aliases,
            Links = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["openalex"] = "https://openalex.org/" + id },
            Affiliations = institutions,
            Source = new ImportSource("openalex", file, id),
        };
    }

    private static string WorkType(string? crossrefType, string? type, string? sourceType, string? arxiv) =>
        (crossrefType, type) switch
        {
            (_, "preprint") or ("posted-content", _) => "preprint",
            _ when arxiv is not null && sourceType == "repository" => "preprint",
            ("proceedings-article", _) => "conference",
            ("book-chapter", _) or (_, "book-chapter") => "chapter",
            ("book" or "monograph" or "edited-book" or "reference-book", _) or (_, "book") => "book",
            ("dissertation", _) or (_, "dissertation") => "thesis",
            ("report", _) or (_, "report") => "report",
            ("dataset", _) or (_, "dataset") => "dataset",
            (_, "software") => "software",
            ("journal-article", _) or (_, "article" or "review" or "letter" or "editorial") => "article",
            _ => "other",
        };

    private static string? DateOf(string? text) =>
        text is { Length: 10 } && DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out _) ? text : null;
}
