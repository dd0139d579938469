using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using BzPeer.Model;
using BzPeer.Output;

namespace BzPeer.Rendering.Formats;

/// <summary>
/// search.json: one compact row per page for the search box — <c>[kind, title, detail, url]</c> with url relative
/// to the site root (theme/js/search.js prefixes the base path).
/// </summary>
internal static class SearchIndex
{
    public static FileBytes Write(ContentGraph graph)
    {
        var buffer = new PooledBuffer(64 * 1024);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteStartArray("items");
            foreach (var r in graph.Researchers)
            {
                Row(json, "researcher", r.Name, string.Join(", ", r.Record.Aliases.Prepend(r.Affiliations.FirstOrDefault()?.Name ?? "")
                    .Where(s => s.Length > 0)), r.Url);
            }

            foreach (var p in graph.Publications)
            {
                Row(json, "publication", p.Title, $"{p.Year} · {string.Join(", ", p.Authors.Take(3).Select(a => a.Name))}", p.Url);
            }

            foreach (var t in graph.Topics)
            {
                Row(json, "topic", t.Name, Count(t.Publications.Count, "work"), t.Url);
            }

            foreach (var i in graph.Institutions)
            {
                Row(json, "institution", i.Name, Count(i.Members.Count, "researcher"), i.Url);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.Detach();
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    private static void Row(Utf8JsonWriter json, string kind, string title, string detail, string url)
    {
        json.WriteStartArray();
        json.WriteStringValue(kind);
        json.WriteStringValue(title);
        json.WriteStringValue(detail);
        json.WriteStringValue(url);
        json.WriteEndArray();
    }
}
