using System.Globalization;
using System.Text;
using BzPeer.Model;

namespace BzPeer.Diff;

/// <summary>
/// The compared fields of each entity as canonical text, in a fixed order, so two versions of a record can be
/// compared field by field. Cross-links are compared as resolved node ids, not as the text written in the file.
/// </summary>
internal static class EntityFields
{
    public static IReadOnlyList<(string Field, string Value)> Of(Entity entity) => entity switch
    {
        Researcher r =>
        [
            ("name", r.Name),
            ("summary", r.Record.Summary ?? ""),
            ("role", r.Record.Role),
            ("affiliations", Ids(r.Affiliations)),
            ("open_to_collaborate", Bool(r.Record.OpenToCollaborate)),
            ("claimed", Bool(r.Record.Claimed)),
            ("orcid", r.Record.Orcid ?? ""),
            ("aliases", string.Join("\n", r.Record.Aliases)),
            ("followers", r.Record.Followers.ToString(CultureInfo.InvariantCulture)),
            ("contact", r.Record.Contact ?? ""),
            ("links", Pairs(r.Record.Links)),
            ("body", r.Record.Body),
            ("extra", Plain(r.Record.Extra)),
        ],
        Publication p =>
        [
            ("title", p.Title),
            ("type", p.Record.Type),
            ("year", p.Year.ToString(CultureInfo.InvariantCulture)),
            ("date", p.Record.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""),
            ("venue", p.Record.Venue ?? ""),
            ("authors", Ids(p.Authors)),
            ("topics", Ids(p.Topics)),
            ("ids", Pairs(p.Record.Ids)),
            ("links", Pairs(p.Record.Links)),
            ("body", p.Record.Body),
            ("extra", Plain(p.Record.Extra)),
        ],
        Topic t =>
        [
            ("name", t.Name),
            ("body", t.Record?.Body ?? ""),
            ("extra", Plain(t.Record?.Extra)),
        ],
        Institution i =>
        [
            ("name", i.Name),
            ("country", i.Record?.Country ?? ""),
            ("url", i.Record?.Url ?? ""),
            ("ror", i.Record?.Ror ?? ""),
            ("body", i.Record?.Body ?? ""),
            ("extra", Plain(i.Record?.Extra)),
        ],
        _ => [("name", entity.Name)],
    };

    /// <summary>The names of the fields whose values differ, in field order.</summary>
    public static IReadOnlyList<string> Changed(Entity before, Entity after) =>
        Of(before).Zip(Of(after)).Where(p => !string.Equals(p.First.Value, p.Second.Value, StringComparison.Ordinal))
            .Select(p => p.First.Field).ToList();

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Ids(IEnumerable<Entity> entities) => string.Join("\n", entities.Select(e => e.NodeId));

    private static string Pairs(IEnumerable<KeyValuePair<string, string>> pairs) => string.Join("\n", pairs.Select(p => $"{p.Key}={p.Value}"));

    private static string Plain(IReadOnlyDictionary<string, object?>? extra)
    {
        var text = new StringBuilder();
        Append(text, extra);
        return text.ToString();
    }

    /// <summary>Extra values are plain YAML data (strings, lists, sorted maps); write them in one canonical form.</summary>
    private static void Append(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append('"').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                text.Append('{');
                foreach (var (key, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    Append(text, key);
                    text.Append(':');
                    Append(text, item);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case System.Collections.IEnumerable list:
                text.Append('[');
                foreach (var item in list)
                {
                    Append(text, item);
                    text.Append(',');
                }

                text.Append(']');
                break;
            default:
                text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
