using System.Text.Json;
using BzPeer.Import.Text;

namespace BzPeer.Import.Json;

/// <summary>
/// CSL-JSON (what Zotero, Manubot, citation.js and Crossref's content negotiation produce): an array of items, or one item.
/// Names are "literal" or family/given (with particles and suffix); dates are date-parts as numbers or strings.
/// Keys outside CSL that raw Crossref records carry (indexed, reference, funder …) are ignored.
/// </summary>
internal static class CslImporter
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
        IReadOnlyList<JsonElement> items = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().ToList(),
            JsonValueKind.Object => [root],
            _ => [],
        };
        var positions = root.ValueKind == JsonValueKind.Array ? JsonInput.TopLevelArrayItemPositions(text) : [new ImportPosition(1, 1)];
        if (items.Count == 0)
        {
            result.Diagnostics.Add(ImportDiagnostic.Error(ImportCodes.JsonShape, fileName, new ImportPosition(1, 1),
                "expected a CSL-JSON array of items (or one item object)"));
        }
        for (var i = 0; i < items.Count; i++)
        {
            var at = i < positions.Count ? positions[i] : ImportPosition.Unknown;
            if (items[i].ValueKind != JsonValueKind.Object)
            {
                result.Diagnostics.Add(ImportDiagnostic.Error(ImportCodes.JsonShape, fileName, at, $"item {i + 1} is not an object; it was not imported"));
                continue;
            }
            var work = ToWork(items[i], i, at, fileName, result.Diagnostics);
            if (work is not null)
            {
                result.Works.Add(work);
            }
        }
        return result;
    }

    private static ImportedWork? ToWork(JsonElement item, int index, ImportPosition at, string file, List<ImportDiagnostic> diagnostics)
    {
        var key = item.Text("id") ?? $"item-{index + 1}";
        var title = item.Text("title");
        if (title is null)
        {
            diagnostics.Add(ImportDiagnostic.Error(ImportCodes.MissingTitle, file, at, $"item '{key}' has no title; it was not imported"));
            return null;
        }
        var issued = item.Get("issued");
        var parts = issued?.Get("date-parts")?.Items().FirstOrDefault();
        var dateParts = parts is { ValueKind: JsonValueKind.Array } p ? p.EnumerateArray().Select(x => ((JsonElement?)x).Int()).ToList() : [];
        var year = dateParts.Count > 0 ? dateParts[0] : null;
        year ??= YearIn(issued?.Get("raw").Text() ?? issued?.Get("literal").Text());
        if (year is null)
        {
            diagnostics.Add(ImportDiagnostic.Error(ImportCodes.MissingYear, file, at,
                $"item '{key}' has no year in 'issued'; it was not imported"));
            return null;
        }
        var date = dateParts.Count >= 3 ? JsonInput.FullDate(year, dateParts[1], dateParts[2]) : null;

        var names = item.Get("author").Items().ToList();
        if (names.Count == 0)
        {
            names = item.Get("editor").Items().ToList();
        }
        var authors = names.Select(Author).OfType<ImportedAuthor>().ToList();

        var doi = Identifiers.Doi(item.Text("DOI"));
        var url = Identifiers.HttpUrl(item.Text("URL"));
        var venue = item.Text("container-title") ?? item.Text("publisher");
        var arxiv = Identifiers.ArxivFromDoi(doi) ?? Identifiers.Arxiv(url);
        if (arxiv is null && venue is not null && venue.Equals("arXiv", StringComparison.OrdinalIgnoreCase))
        {
            arxiv = Identifiers.Arxiv(item.Text("number"));
        }
        var links = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (url is not null && !IsDoiUrl(url, doi))
        {
            links["url"] = url;
        }
        var otherIds = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, name) in new[] { ("PMID", "pmid"), ("PMCID", "pmcid"), ("ISBN", "isbn") })
        {
            if (item.Text(field) is { } value)
            {
                otherIds[name] = value;
            }
        }
        var topics = (item.Text("keyword") ?? "")
            .Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => new ImportedTopic(k)).ToList();

        return new ImportedWork
        {
            // Crossref titles may carry markup ("<i>E. coli</i>"); a title is one line of text.
            Title = AbstractText.Clean(title)?.Replace("\n\n", " ", StringComparison.Ordinal) ?? title,
            Type = WorkType(item.Text("type"), venue, arxiv),
            Year = year.Value,
            Date = date,
            Venue = venue,
            Authors = authors,
            Topics = topics,
            Doi = doi,
            Arxiv = arxiv,
            OtherIds = otherIds,
            Links = links,
            Abstract = AbstractText.Clean(item.Text("abstract")),
            Source = new ImportSource("csl", file, key),
            Position = at,
        };
    }

    private static ImportedAuthor? Author(JsonElement name)
    {
        var orcid = Identifiers.Orcid(name.Text("ORCID"));
        var literal = name.Text("literal");
        if (literal is not null)
        {
            var words = literal.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return new ImportedAuthor(literal, words[^1], orcid) { Given = string.Join(' ', words[..^1]) };
        }
        var family = name.Text("family");
        var given = name.Text("given");
        if (family is null && given is null)
        {
            return null;
        }
        var particle = string.Join(' ', new[] { name.Text("dropping-particle"), name.Text("non-dropping-particle") }.OfType<string>());
        var full = string.Join(' ', new[] { given, particle, family }.Where(s => !string.IsNullOrEmpty(s)));
        var suffix = name.Text("suffix");
        return new ImportedAuthor(suffix is null ? full : $"{full}, {suffix}", family ?? given, orcid) { Given = given };
    }

    private static string WorkType(string? cslType, string? venue, string? arxiv)
    {
        var onArxiv = arxiv is not null && (venue is null || venue.Contains("arxiv", StringComparison.OrdinalIgnoreCase));
        return cslType switch
        {
            _ when onArxiv => "preprint",
            "article-journal" or "article-magazine" or "article-newspaper" or "review" or "review-book" => "article",
            "article" or "manuscript" or "preprint" or "posted-content" => "preprint",
            "paper-conference" or "proceedings-article" => "conference",
            "book" or "monograph" or "edited-book" or "proceedings" => "book",
            "chapter" or "entry" or "entry-dictionary" or "entry-encyclopedia" or "book-chapter" => "chapter",
            "thesis" or "dissertation" => "thesis",
            "report" => "report",
            "dataset" => "dataset",
            "software" => "software",
            _ => "other",
        };
    }

    private static bool IsDoiUrl(string url, string? doi) =>
        doi is not null && Identifiers.Doi(url) is { } fromUrl && Identifiers.DoiKey(fromUrl) == Identifiers.DoiKey(doi);

    private static int? YearIn(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var match = System.Text.RegularExpressions.Regex.Match(text, @"(?<![0-9])[12][0-9]{3}(?![0-9])");
        return match.Success ? int.Parse(match.Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
