using System.Globalization;
using System.Text;
using System.Xml;
using BzPeer.Output;
using BzPeer.Model;

namespace BzPeer.Rendering.Formats;

/// <summary>Atom feeds of works (the site's newest, and each researcher's: "Follow"). Dates come from the content, never the clock.</summary>
internal static class AtomFeed
{
    /// <summary>
    /// Entries per feed, newest first. A feed reader polls the whole file to learn what is new: a prolific author's
    /// feed of every work (a thousand entries, a megabyte) would be fetched again and again for the last few.
    /// </summary>
    public const int MaxEntries = 50;

    public static FileBytes Write(string title, string selfRelative, string pageRelative, IReadOnlyList<Publication> works, SiteUrls urls, Func<Publication, string> summary)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        var buffer = new PooledBuffer(64 * 1024);
        using var stream = new PooledBufferStream(buffer);
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            Text(xml, "title", title);
            xml.WriteElementString("id", urls.Absolute(selfRelative));
            xml.WriteElementString("updated", works.Count == 0 ? "1970-01-01T00:00:00Z" : Date(works.Max(w => DateOf(w))));
            Link(xml, "self", urls.Absolute(selfRelative), "application/atom+xml");
            Link(xml, "alternate", urls.Absolute(pageRelative), "text/html");
            xml.WriteStartElement("generator");
            xml.WriteAttributeString("version", BuildInfo.Version);
            xml.WriteString("BzPeer");
            xml.WriteEndElement();
            foreach (var work in works)
            {
                xml.WriteStartElement("entry");
                Text(xml, "title", work.Title);
                xml.WriteElementString("id", urls.Absolute(work.Url));
                Link(xml, "alternate", urls.Absolute(work.Url), "text/html");
                xml.WriteElementString("updated", Date(DateOf(work)));
                xml.WriteElementString("published", Date(DateOf(work)));
                foreach (var author in work.Authors)
                {
                    xml.WriteStartElement("author");
                    Text(xml, "name", author.Name);
                    if (author.Url is { } url)
                    {
                        xml.WriteElementString("uri", urls.Absolute(url));
                    }

                    xml.WriteEndElement();
                }

                var text = summary(work);
                if (text.Length > 0)
                {
                    Text(xml, "summary", text);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.Detach();
    }

    /// <summary>
    /// An element of content text. XML 1.0 cannot hold most control characters (U+0001-U+001F but tab and line
    /// breaks) nor a lone surrogate, and XmlWriter throws on them; a YAML escape such as <c>"\x02"</c> puts one in a name
    /// or title, so each becomes U+FFFD here rather than ending the build.
    /// </summary>
    private static void Text(XmlWriter xml, string name, string value) => xml.WriteElementString(name, XmlSafe(value));

    internal static string XmlSafe(string text)
    {
        StringBuilder? safe = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                safe?.Append(c);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                safe?.Append(c).Append(text[i + 1]);
                i++;
            }
            else
            {
                safe ??= new StringBuilder(text.Length).Append(text, 0, i);
                safe.Append('\uFFFD');
            }
        }

        return safe?.ToString() ?? text;
    }

    private static DateOnly DateOf(Publication work) => work.Record.Date ?? new DateOnly(work.Year, 1, 1);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
