using System.Text;
using BzPeer.Model;

namespace BzPeer.Rendering.Formats;

/// <summary>BibTeX export of publications (cite.bib). Values are brace-delimited with TeX specials escaped.</summary>
internal static class BibTex
{
    private static readonly System.Buffers.SearchValues<char> Specials = System.Buffers.SearchValues.Create("\\{}&%$#_~^\n\r");

    public static string Entry(Publication publication)
    {
        var record = publication.Record;
        var (entryType, venueField) = record.Type switch
        {
            "article" => ("article", "journal"),
            "conference" => ("inproceedings", "booktitle"),
            "book" => ("book", "publisher"),
            "chapter" => ("incollection", "booktitle"),
            "thesis" => ("phdthesis", "school"),
            "report" => ("techreport", "institution"),
            _ => ("misc", "howpublished"),
        };
        var fields = new List<(string, string)>
        {
            ("title", publication.Title),
            ("author", string.Join(" and ", publication.Authors.Select(a => a.Name))),
            ("year", publication.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (record.Date is { } date)
        {
            fields.Add(("month", date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (record.Venue is { Length: > 0 } venue)
        {
            fields.Add((venueField, venue));
        }

        if (publication.Doi is { } doi)
        {
            fields.Add(("doi", doi));
        }

        if (publication.Arxiv is { } arxiv)
        {
            fields.Add(("eprint", arxiv));
            fields.Add(("archiveprefix", "arXiv"));
        }

        foreach (var link in record.Links)
        {
            if (link.Key is "pdf" or "url" or "html")
            {
                fields.Add(("url", link.Value));
                break;
            }
        }

        var builder = new StringBuilder();
        builder.Append('@').Append(entryType).Append('{').Append(publication.Id).Append(",\n");
        foreach (var (name, value) in fields)
        {
            builder.Append("  ").Append(name).Append(" = {").Append(Escape(value)).Append("},\n");
        }

        builder.Append("}\n");
        return builder.ToString();
    }

    public static string Entries(IEnumerable<Publication> publications) => string.Join("\n", publications.Select(Entry));

    /// <summary>TeX specials escaped so that no value can close its braces or start a command.</summary>
    internal static string Escape(string value)
    {
        // Most values (titles, names, years) have nothing to escape: no copy for those.
        if (value.AsSpan().IndexOfAny(Specials) < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': builder.Append("\\textbackslash{}"); break;
                case '{': builder.Append("\\{"); break;
                case '}': builder.Append("\\}"); break;
                case '&' or '%' or '$' or '#' or '_': builder.Append('\\').Append(c); break;
                case '~': builder.Append("\\textasciitilde{}"); break;
                case '^': builder.Append("\\textasciicircum{}"); break;
                case '\n' or '\r': builder.Append(' '); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }
}
