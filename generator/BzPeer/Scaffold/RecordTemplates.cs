using System.Globalization;
using System.Text;

namespace BzPeer.Scaffold;

/// <summary>
/// Commented <c>.yml</c> records for <c>bzpeer new researcher|publication</c>. Each starts with a
/// <c># yaml-language-server: $schema=</c> modeline relative to the record (content/KIND/ID.yml → ../../schemas/),
/// which editors with the YAML language server read to complete and check the keys.
/// </summary>
internal static class RecordTemplates
{
    public const string SchemaFolder = "schemas";

    public static string SchemaLine(string kind) => $"# yaml-language-server: $schema=../../{SchemaFolder}/{kind}.schema.json\n";

    public static string Researcher(string id, string name, string summary, string? affiliation, string body)
    {
        var text = new StringBuilder();
        text.Append(SchemaLine("researcher"));
        text.Append(CultureInfo.InvariantCulture, $"# A researcher. The file name ({id}) is the id other records use; see CONTRIBUTING.md.\n");
        text.Append(CultureInfo.InvariantCulture, $"name: {Quote(name)}   # required\n");
        text.Append(CultureInfo.InvariantCulture, $"summary: {Quote(summary)}   # one line under the name\n");
        text.Append("role: Researcher   # shown with the name\n");
        text.Append(affiliation is null
            ? "affiliations: []   # institution ids from content/institutions/\n"
            : $"affiliations: [{affiliation}]   # institution ids from content/institutions/\n");
        text.Append("open_to_collaborate: false   # shows a badge (and 'contact' once the record is claimed)\n");
        text.Append("claimed: false   # set to true in a pull request by the person themself\n");
        text.Append("# orcid: 0000-0002-1825-0097   # checksum-validated; raises the verification level\n");
        text.Append("# aliases: [A. Example]   # other spellings of the name in author lists\n");
        text.Append("# contact: https://example.org/contact\n");
        text.Append("links: {}   # e.g. { homepage: https://..., scholar: https://..., github: https://... }\n");
        text.Append("body: |\n");
        text.Append(Indent(body));
        return text.ToString();
    }

    public static string Publication(string id, string title, int year, IReadOnlyList<string> authors, string? topic, string body)
    {
        var text = new StringBuilder();
        text.Append(SchemaLine("publication"));
        text.Append(CultureInfo.InvariantCulture, $"# A publication ({id}); see CONTRIBUTING.md.\n");
        text.Append(CultureInfo.InvariantCulture, $"title: {Quote(title)}   # required\n");
        text.Append("type: article   # article|preprint|conference|book|chapter|thesis|report|dataset|software|other\n");
        text.Append(CultureInfo.InvariantCulture, $"year: {year}   # required\n");
        text.Append("# venue: Journal of Examples\n");
        text.Append("# Ordered. A researcher id links to a profile; a plain name is shown as text.\n");
        text.Append("authors:\n");
        foreach (var author in authors)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - {Quote(author)}\n");
        }

        text.Append(topic is null
            ? "topics: []   # topic ids from content/topics/\n"
            : $"topics: [{topic}]   # topic ids from content/topics/\n");
        text.Append("ids: {}   # e.g. { doi: 10.1000/xyz, arxiv: \"2006.16239\" }\n");
        text.Append("links: {}   # e.g. { pdf: https://..., code: https://... }\n");
        text.Append("body: |\n");
        text.Append(Indent(body));
        return text.ToString();
    }

    /// <summary>A double-quoted YAML scalar, so names with ':' or '#' stay one string.</summary>
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Indent(string body) =>
        string.Concat(body.Split('\n').Select(line => line.Length == 0 ? "\n" : "  " + line + "\n"));
}
