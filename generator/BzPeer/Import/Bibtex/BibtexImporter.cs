using System.Globalization;
using System.Text.RegularExpressions;
using BzPeer.Import.Text;

namespace BzPeer.Import.Bibtex;

/// <summary>Turns the entries of a .bib file into <see cref="ImportedWork"/> records (crossref inheritance, types, ids).</summary>
internal static partial class BibtexImporter
{
    /// <summary>Fields a child does not inherit through crossref: they identify the parent, not the child.</summary>
    private static readonly HashSet<string> NotInherited = new(StringComparer.OrdinalIgnoreCase)
    {
        "title", "shorttitle", "doi", "eprint", "archiveprefix", "eprinttype", "arxiv", "url", "abstract", "pdf", "html",
        "code", "slides", "pmid", "pmcid", "crossref", "ids", "date",
    };

    /// <summary>al-folio and friends keep links to the paper's material in these fields.</summary>
    private static readonly string[] LinkFields = ["url", "html", "pdf", "code", "slides", "poster", "video", "website", "blog", "supp"];

    public static ParsedImport Import(string text, string fileName)
    {
        var bib = BibtexReader.Read(text, fileName);
        var result = new ParsedImport();
        result.Diagnostics.AddRange(bib.Diagnostics);
        var byKey = new Dictionary<string, BibEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in bib.Entries)
        {
            byKey.TryAdd(entry.Key, entry);
        }
        foreach (var entry in bib.Entries)
        {
            var work = ToWork(entry, byKey, fileName, result.Diagnostics);
            if (work is not null)
            {
                result.Works.Add(work);
            }
        }
        return result;
    }

    private static ImportedWork? ToWork(BibEntry entry, Dictionary<string, BibEntry> byKey, string file, List<ImportDiagnostic> diagnostics)
    {
        var fields = new FieldView(entry, Parent(entry, byKey, file, diagnostics));
        var title = fields.Text("title");
        if (string.IsNullOrWhiteSpace(title))
        {
            diagnostics.Add(ImportDiagnostic.Error(ImportCodes.MissingTitle, file, entry.Position,
                $"entry '{entry.Key}' has no title; it was not imported (add a title field)"));
            return null;
        }
        var year = Year(entry, fields, file, diagnostics);
        if (year is null)
        {
            return null;
        }

        var (names, others) = BibtexNames.ParseList(fields.Raw("author") ?? fields.Raw("editor") ?? "");
        var authors = names.Select(n => new ImportedAuthor(n.Display, n.Last.Length > 0 ? n.Last : null) { Given = n.First }).ToList();

        var doi = Identifiers.Doi(fields.Verbatim("doi"));
        var arxiv = ArxivId(fields, doi);
        var links = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in LinkFields)
        {
            var url = Identifiers.HttpUrl(fields.Verbatim(name));
            if (url is not null)
            {
                links[name] = url;
            }
        }
        var otherIds = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "pmid", "pmcid", "isbn" })
        {
            var value = fields.Verbatim(name);
            if (!string.IsNullOrWhiteSpace(value))
            {
                otherIds[name] = value;
            }
        }
        var keywords = fields.Text("keywords");
        var topics = keywords is null
            ? []
            : keywords.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(k => new ImportedTopic(k)).ToList();

        return new ImportedWork
        {
            Title = title,
            Type = WorkType(entry.Type, fields, arxiv),
            Year = year.Value,
            Date = Date(fields, year.Value),
            Venue = Venue(entry.Type, fields, arxiv),
            Authors = authors,
            MoreAuthors = others,
            Topics = topics,
            Doi = doi,
            Arxiv = arxiv,
            OtherIds = otherIds,
            Links = links,
            Abstract = fields.Paragraphs("abstract"),
            Source = new ImportSource("bibtex", file, entry.Key),
            Position = entry.Position,
        };
    }

    private static BibEntry? Parent(BibEntry entry, Dictionary<string, BibEntry> byKey, string file, List<ImportDiagnostic> diagnostics)
    {
        var crossref = entry["crossref"];
        if (crossref is null)
        {
            return null;
        }
        var key = LatexText.Verbatim(crossref);
        if (byKey.TryGetValue(key, out var parent) && !ReferenceEquals(parent, entry))
        {
            return parent;
        }
        diagnostics.Add(ImportDiagnostic.Warning(ImportCodes.BibMissingCrossref, file, entry.Field("crossref")!.Position,
            $"entry '{entry.Key}' has crossref '{key}' but no entry has that key; nothing was inherited"));
        return null;
    }

    private static int? Year(BibEntry entry, FieldView fields, string file, List<ImportDiagnostic> diagnostics)
    {
        foreach (var name in new[] { "year", "date" })
        {
            var value = fields.Verbatim(name);
            if (value is null)
            {
                continue;
            }
            var match = YearPattern().Match(value);
            if (match.Success)
            {
                return int.Parse(match.Value, CultureInfo.InvariantCulture);
            }
            diagnostics.Add(ImportDiagnostic.Error(ImportCodes.MissingYear, file, fields.Position(name) ?? entry.Position,
                $"entry '{entry.Key}' has {name} '{value}', which holds no four-digit year; it was not imported"));
            return null;
        }
        var fromKey = YearPattern().Matches(entry.Key);
        if (fromKey.Count == 1)
        {
            diagnostics.Add(ImportDiagnostic.Warning(ImportCodes.YearGuessed, file, entry.Position,
                $"entry '{entry.Key}' has no year; {fromKey[0].Value} was taken from its citation key (add a year field to be sure)"));
            return int.Parse(fromKey[0].Value, CultureInfo.InvariantCulture);
        }
        diagnostics.Add(ImportDiagnostic.Error(ImportCodes.MissingYear, file, entry.Position,
            $"entry '{entry.Key}' has no year; it was not imported (add a year field)"));
        return null;
    }

    private static string? Date(FieldView fields, int year)
    {
        var date = fields.Verbatim("date");
        if (date is not null && FullDatePattern().IsMatch(date))
        {
            return date;
        }
        var month = Month(fields.Text("month"));
        var dayText = fields.Verbatim("day");
        if (month is null || dayText is null || !int.TryParse(dayText, NumberStyles.None, CultureInfo.InvariantCulture, out var day))
        {
            return null;
        }
        return day >= 1 && day <= DateTime.DaysInMonth(year, month.Value)
            ? $"{year:D4}-{month.Value:D2}-{day:D2}"
            : null;
    }

    /// <summary>"May", "may", "5", "05" → 5; null for ranges like "10--15 Jul" that name no single month reliably.</summary>
    internal static int? Month(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var t = text.Trim().TrimEnd('.');
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number is >= 1 and <= 12 ? number : null;
        }
        string[] names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        var index = Array.FindIndex(names, n => t.StartsWith(n, StringComparison.OrdinalIgnoreCase));
        return index >= 0 && t.All(char.IsAsciiLetter) ? index + 1 : null;
    }

    private static string? ArxivId(FieldView fields, string? doi)
    {
        var eprint = fields.Verbatim("eprint");
        var prefix = fields.Verbatim("archiveprefix") ?? fields.Verbatim("eprinttype");
        if (eprint is not null && (prefix is null || prefix.Equals("arxiv", StringComparison.OrdinalIgnoreCase)))
        {
            var id = Identifiers.Arxiv(eprint);
            if (id is not null)
            {
                return id;
            }
        }
        var fromDoi = Identifiers.ArxivFromDoi(doi) ?? Identifiers.Arxiv(fields.Verbatim("arxiv"));
        if (fromDoi is not null)
        {
            return fromDoi;
        }
        foreach (var name in new[] { "journal", "url", "note", "howpublished" })
        {
            var value = fields.Verbatim(name);
            var match = value is null ? Match.Empty : ArxivMention().Match(value);
            if (match.Success)
            {
                return Identifiers.Arxiv(match.Groups[1].Value);
            }
        }
        return null;
    }

    private static string WorkType(string bibType, FieldView fields, string? arxiv)
    {
        var journal = fields.Text("journal") ?? fields.Text("journaltitle");
        var onArxiv = arxiv is not null && (journal is null || journal.Contains("arxiv", StringComparison.OrdinalIgnoreCase));
        return bibType switch
        {
            "article" when onArxiv => "preprint",
            "article" or "periodical" or "suppperiodical" => "article",
            "inproceedings" or "conference" => "conference",
            "book" or "mvbook" or "booklet" or "proceedings" or "mvproceedings" or "collection" or "mvcollection" => "book",
            "inbook" or "incollection" or "bookinbook" or "suppbook" or "suppcollection" => "chapter",
            "phdthesis" or "mastersthesis" or "thesis" => "thesis",
            "techreport" or "report" => "report",
            "dataset" or "data" => "dataset",
            "software" or "codefragment" => "software",
            "unpublished" or "misc" or "online" or "electronic" or "preprint" when onArxiv || bibType == "preprint" => "preprint",
            _ => "other",
        };
    }

    private static string? Venue(string bibType, FieldView fields, string? arxiv)
    {
        string[] order = bibType is "phdthesis" or "mastersthesis" or "thesis" ? ["school", "institution", "publisher"]
            : bibType is "techreport" or "report" ? ["institution", "publisher", "series"]
            : ["journal", "journaltitle", "booktitle", "eventtitle", "series", "publisher", "organization", "institution", "school", "howpublished"];
        foreach (var name in order)
        {
            var value = fields.Text(name);
            if (!string.IsNullOrWhiteSpace(value) && Identifiers.HttpUrl(value) is null)
            {
                // al-folio's sample writes "Phys. Rev.," — the trailing comma is noise, not part of the name.
                return value.TrimEnd(',', ';', ' ');
            }
        }
        return arxiv is not null ? "arXiv" : null;
    }

    [GeneratedRegex(@"(?<![0-9])(1[5-9]|20|21)[0-9]{2}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex FullDatePattern();

    [GeneratedRegex(@"arxiv(?:\.org/abs/|:\s*|\s+)([0-9]{4}\.[0-9]{4,5})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArxivMention();

    /// <summary>An entry's fields with crossref inheritance applied (parent's title becomes the child's booktitle).</summary>
    private sealed class FieldView(BibEntry entry, BibEntry? parent)
    {
        public string? Raw(string name)
        {
            var own = entry[name];
            if (own is not null || parent is null)
            {
                return own;
            }
            if (name == "booktitle")
            {
                return parent["booktitle"] ?? parent["title"];
            }
            return NotInherited.Contains(name) ? null : parent[name];
        }

        public ImportPosition? Position(string name) => (entry.Field(name) ?? parent?.Field(name))?.Position;

        public string? Text(string name) => Raw(name) is { } raw ? NullIfEmpty(LatexText.ToUnicode(raw)) : null;

        public string? Paragraphs(string name) => Raw(name) is { } raw ? NullIfEmpty(LatexText.ToUnicodeParagraphs(raw)) : null;

        public string? Verbatim(string name) => Raw(name) is { } raw ? NullIfEmpty(LatexText.Verbatim(raw)) : null;

        private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
    }
}
