using System.Globalization;
using BzPeer.Model;
using BzPeer.Rendering.Views;

namespace BzPeer.Rendering.Formats;

/// <summary>Google Scholar's Highwire-style citation_* meta tags for a publication page.</summary>
internal static class ScholarMeta
{
    public static List<MetaTag> For(Publication publication, SiteUrls urls)
    {
        var record = publication.Record;
        var tags = new List<MetaTag> { new("citation_title", publication.Title) };
        tags.AddRange(publication.Authors.Select(a => new MetaTag("citation_author", a.Name)));
        tags.Add(new("citation_publication_date", record.Date?.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)
            ?? publication.Year.ToString(CultureInfo.InvariantCulture)));
        if (record.Venue is { Length: > 0 } venue)
        {
            var name = record.Type switch
            {
                "conference" => "citation_conference_title",
                "thesis" => "citation_dissertation_institution",
                "report" => "citation_technical_report_institution",
                "book" or "chapter" => "citation_publisher",
                _ => "citation_journal_title",
            };
            tags.Add(new(name, venue));
        }

        if (publication.Doi is { } doi)
        {
            tags.Add(new("citation_doi", doi));
        }

        if (publication.Arxiv is { } arxiv)
        {
            tags.Add(new("citation_arxiv_id", arxiv));
        }

        foreach (var link in record.Links)
        {
            if (link.Key == "pdf")
            {
                var pdf = link.Value.Contains("://", StringComparison.Ordinal) ? link.Value : urls.Absolute(link.Value);
                tags.Add(new("citation_pdf_url", pdf));
            }
        }

        tags.Add(new("citation_abstract_html_url", urls.Absolute(publication.Url)));
        return tags;
    }
}
