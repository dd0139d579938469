using System.Text.Encodings.Web;
using System.Text.Json;
using System.Buffers;
using System.Text;
using BzPeer.Model;

namespace BzPeer.Rendering.Formats;

/// <summary>schema.org JSON-LD for publications (ScholarlyArticle), profiles (Person) and institutions (Organization).</summary>
internal static class JsonLd
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Escapes <, >, & and U+2028/2029: the JSON cannot end its <script> element early.
        Encoder = JavaScriptEncoder.Default,
        Indented = false,
    };

    /// <summary>One buffer and writer per thread, reset for each page: a build writes one of these per page.</summary>
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? t_writer;

    public static RawHtml Publication(Publication publication, SiteUrls urls, string abstractText) => Script(json =>
    {
        json.WriteString("@context", "https://schema.org");
        json.WriteString("@type", "ScholarlyArticle");
        json.WriteString("@id", urls.Absolute(publication.Url));
        json.WriteString("headline", Truncate(publication.Title, 110));
        json.WriteString("name", publication.Title);
        json.WriteString("url", urls.Absolute(publication.Url));
        json.WriteString("datePublished", publication.Record.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            ?? publication.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Objects(json, "author", publication.Authors, author => Person(json, author, urls));
        if (abstractText.Length > 0)
        {
            json.WriteString("abstract", abstractText);
        }

        if (publication.Record.Venue is { Length: > 0 } venue)
        {
            json.WriteStartObject("isPartOf");
            json.WriteString("@type", "Periodical");
            json.WriteString("name", venue);
            json.WriteEndObject();
        }

        if (publication.Topics.Count > 0)
        {
            Objects(json, "about", publication.Topics, topic =>
            {
                json.WriteString("@type", "Thing");
                json.WriteString("name", topic.Name);
            });
        }

        var (doi, arxiv) = (publication.Doi, publication.Arxiv);
        if (doi is not null)
        {
            json.WriteStartObject("identifier");
            json.WriteString("@type", "PropertyValue");
            json.WriteString("propertyID", "DOI");
            json.WriteString("value", doi);
            json.WriteEndObject();
        }

        if (doi is not null || arxiv is not null)
        {
            json.WriteStartArray("sameAs");
            if (doi is not null)
            {
                json.WriteStringValue($"https://doi.org/{doi}");
            }

            if (arxiv is not null)
            {
                json.WriteStringValue($"https://arxiv.org/abs/{arxiv}");
            }

            json.WriteEndArray();
        }
    });

    public static RawHtml Researcher(Researcher researcher, SiteUrls urls) => Script(json =>
    {
        Person(json, researcher, urls);
        json.WriteString("@context", "https://schema.org");
        json.WriteString("@id", urls.Absolute(researcher.Url));
        if (researcher.Record.Summary is { Length: > 0 } summary)
        {
            json.WriteString("description", summary);
        }

        json.WriteString("jobTitle", researcher.Record.Role);
        if (researcher.Affiliations.Count > 0)
        {
            Objects(json, "affiliation", researcher.Affiliations, institution => Organization(json, institution, urls));
        }

        var links = researcher.Record.Links.Where(l => l.Value.StartsWith("http", StringComparison.Ordinal)).ToList();
        if (researcher.Record.Orcid is not null || links.Count > 0)
        {
            json.WriteStartArray("sameAs");
            if (researcher.Record.Orcid is { } orcid)
            {
                json.WriteStringValue($"https://orcid.org/{orcid}");
            }

            foreach (var link in links)
            {
                json.WriteStringValue(link.Value);
            }

            json.WriteEndArray();
        }

        if (researcher.Figures.Topics.Count > 0)
        {
            json.WriteStartArray("knowsAbout");
            foreach (var topic in researcher.Figures.Topics)
            {
                json.WriteStringValue(topic.Name);
            }

            json.WriteEndArray();
        }
    });

    public static RawHtml Institution(Institution institution, SiteUrls urls) => Script(json =>
    {
        Organization(json, institution, urls);
        json.WriteString("@context", "https://schema.org");
        json.WriteString("@id", urls.Absolute(institution.Url));
    });

    /// <summary>A Person's members (the caller opens and closes the object).</summary>
    private static void Person(Utf8JsonWriter json, Author author, SiteUrls urls)
    {
        json.WriteString("@type", "Person");
        json.WriteString("name", author.Name);
        if (author.Url is { } url)
        {
            json.WriteString("url", urls.Absolute(url));
        }
    }

    /// <summary>An Organization's members (the caller opens and closes the object).</summary>
    private static void Organization(Utf8JsonWriter json, Institution institution, SiteUrls urls)
    {
        json.WriteString("@type", "Organization");
        json.WriteString("name", institution.Name);
        json.WriteString("url", urls.Absolute(institution.Url));
        var record = institution.Record;
        if (record?.Ror is { } ror)
        {
            json.WriteString("sameAs", ror);
        }

        if (record?.Country is { } country)
        {
            json.WriteStartObject("address");
            json.WriteString("@type", "PostalAddress");
            json.WriteString("addressCountry", country);
            json.WriteEndObject();
        }
    }

    /// <summary>An array named <paramref name="name"/> of one object per item, whose members <paramref name="members"/> writes.</summary>
    private static void Objects<T>(Utf8JsonWriter json, string name, IEnumerable<T> items, Action<T> members)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            members(item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The object that <paramref name="members"/> writes, in a script element.</summary>
    private static RawHtml Script(Action<Utf8JsonWriter> members)
    {
        var (buffer, json) = t_writer ??= NewWriter();
        buffer.ResetWrittenCount();
        buffer.Write("<script type=\"application/ld+json\">"u8);
        json.Reset(buffer);
        json.WriteStartObject();
        members(json);
        json.WriteEndObject();
        json.Flush();
        buffer.Write("</script>"u8);
        return new RawHtml(buffer.WrittenSpan.ToArray());
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) NewWriter()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        return (buffer, new Utf8JsonWriter(buffer, Options));
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
