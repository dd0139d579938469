using System.Text;
using System.Xml;
using BzPeer.Output;

namespace BzPeer.Rendering.Formats;

internal static class Sitemap
{
    /// <summary>sitemap.xml listing every indexable page (site-relative paths, sorted).</summary>
    public static FileBytes Write(IEnumerable<string> pages, SiteUrls urls)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        var buffer = new PooledBuffer(64 * 1024);
        using var stream = new PooledBufferStream(buffer);
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var page in pages.Order(StringComparer.Ordinal))
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", urls.Absolute(page));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.Detach();
    }

    public static byte[] Robots(SiteUrls urls) =>
        Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\nDisallow: {urls.Path("embed/")}\n\nSitemap: {urls.Absolute("sitemap.xml")}\n");
}
