using System.Text;
using BzPeer.Model;
using BzPeer.Output;

namespace BzPeer.Rendering.Formats;

/// <summary>BibTeX export of publications (cite.bib). Values are brace-delimited with TeX specials escaped.</summary>
internal static class BibTex
{
    private static readonly System.Buffers.SearchValues<char> Specials = System.Buffers.SearchValues.Create("\\{}&%$#_~^\n\r");

    /// <summary>One entry as text (the cite box on the work's page): its cite.bib file, decoded.</summary>
    public static string Entry(Publication publication)
    {
        var file = File([publication]);
        var text = Encoding.UTF8.GetString(file.Span);
        file.Release();
        return text;
    }

    /// <summary>
    /// A cite.bib file: the entries, a blank line between them, encoded as they are written. Every work's entry is in
    /// its own file and in each of its authors' (2-3 times a page's), so no string is made of them on the way.
    /// </summary>
    public static FileBytes File(IReadOnlyList<Publication> publications)
    {
        var file = new PageBuffer(publications.Count * 512);
        for (var i = 0; i < publications.Count; i++)
        {
            if (i > 0)
            {
                file.Write("\n");
            }

            Write(file, publications[i]);
        }

        return file.Detach();
    }

    private static void Write(PageBuffer file, Publication publication)
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
        file.Write("@");
        file.Write(entryType);
        file.Write("{");
        file.Write(publication.Id);
        file.Write(",\n");
        Field(file, "title", publication.Title);
        // The names escaped one by one are the list escaped whole: " and " holds nothing to escape.
        file.Write("  author = {");
        for (var i = 0; i < publication.Authors.Count; i++)
        {
            if (i > 0)
            {
                file.Write(" and ");
            }

            file.Write(Escape(publication.Authors[i].Name));
        }

        file.Write("},\n");
        Field(file, "year", publication.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (record.Date is { } date)
        {
            Field(file, "month", date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (record.Venue is { Length: > 0 } venue)
        {
            Field(file, venueField, venue);
        }

        if (publication.Doi is { } doi)
        {
            Field(file, "doi", doi);
        }

        if (publication.Arxiv is { } arxiv)
        {
            Field(file, "eprint", arxiv);
            Field(file, "archiveprefix", "arXiv");
        }

        foreach (var link in record.Links)
        {
            if (link.Key is "pdf" or "url" or "html")
            {
                Field(file, "url", link.Value);
                break;
            }
        }

        file.Write("}\n");
    }

    private static void Field(PageBuffer file, string name, string value)
    {
        file.Write("  ");
        file.Write(name);
        file.Write(" = {");
        file.Write(Escape(value));
        file.Write("},\n");
    }

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
