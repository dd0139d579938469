using System.Text;
using BzPeer.Model;
using BzPeer.Output;

namespace BzPeer.Rendering.Formats;

/// <summary>BibTeX export of publications (cite.bib). Values are brace-delimited with TeX specials escaped.</summary>
internal static class BibTex
{
    private static readonly System.Buffers.SearchValues<char> Specials = System.Buffers.SearchValues.Create("\\{}&%$#_~^\n\r");

    /// <summary>One entry as text (shown on the work's page).</summary>
    public static string Entry(Publication publication)
    {
        var builder = new StringBuilder(512);
        Write(new TextSink(builder), publication);
        return builder.ToString();
    }

    /// <summary>
    /// A cite.bib file: the entries, a blank line between them, encoded as they are written. Every work's entry is in
    /// its own file and in each of its authors' (2-3 times a page's), so no string is made of them on the way.
    /// </summary>
    public static FileBytes File(IReadOnlyList<Publication> publications)
    {
        var file = new PageBuffer(publications.Count * 512);
        var sink = new FileSink(file);
        for (var i = 0; i < publications.Count; i++)
        {
            if (i > 0)
            {
                sink.Write("\n");
            }

            Write(sink, publications[i]);
        }

        return file.Detach();
    }

    private static void Write<TSink>(TSink sink, Publication publication) where TSink : ISink
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
        sink.Write("@");
        sink.Write(entryType);
        sink.Write("{");
        sink.Write(publication.Id);
        sink.Write(",\n");
        Field(sink, "title", publication.Title);
        // The names escaped one by one are the list escaped whole: " and " holds nothing to escape.
        sink.Write("  author = {");
        for (var i = 0; i < publication.Authors.Count; i++)
        {
            if (i > 0)
            {
                sink.Write(" and ");
            }

            sink.Write(Escape(publication.Authors[i].Name));
        }

        sink.Write("},\n");
        Field(sink, "year", publication.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (record.Date is { } date)
        {
            Field(sink, "month", date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (record.Venue is { Length: > 0 } venue)
        {
            Field(sink, venueField, venue);
        }

        if (publication.Doi is { } doi)
        {
            Field(sink, "doi", doi);
        }

        if (publication.Arxiv is { } arxiv)
        {
            Field(sink, "eprint", arxiv);
            Field(sink, "archiveprefix", "arXiv");
        }

        foreach (var link in record.Links)
        {
            if (link.Key is "pdf" or "url" or "html")
            {
                Field(sink, "url", link.Value);
                break;
            }
        }

        sink.Write("}\n");
    }

    private static void Field<TSink>(TSink sink, string name, string value) where TSink : ISink
    {
        sink.Write("  ");
        sink.Write(name);
        sink.Write(" = {");
        sink.Write(Escape(value));
        sink.Write("},\n");
    }

    /// <summary>Where an entry is written: a string for a page, a file's UTF-8 bytes for cite.bib.</summary>
    private interface ISink
    {
        void Write(ReadOnlySpan<char> text);
    }

    private readonly struct TextSink(StringBuilder builder) : ISink
    {
        public void Write(ReadOnlySpan<char> text) => builder.Append(text);
    }

    private readonly struct FileSink(PageBuffer file) : ISink
    {
        public void Write(ReadOnlySpan<char> text) => file.Write(text);
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
