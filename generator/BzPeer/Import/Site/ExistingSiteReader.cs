using System.Globalization;
using BzPeer.Import.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BzPeer.Import.Site;

/// <summary>
/// Builds the <see cref="ExistingSite"/> index from the front matter of the files in <c>content/</c>.
/// It reads only the keys matching needs and is lenient: a file it cannot parse is reported as a
/// warning (bzpeer check reports it properly) and its id stays taken.
/// </summary>
internal static class ExistingSiteReader
{
    private static readonly string[] ContentExtensions = [".md", ".yml", ".yaml"];

    public static ExistingSite Read(string siteDirectory, List<ImportDiagnostic> diagnostics)
    {
        var taken = new TakenIds();
        var publications = new List<ExistingPublication>();
        var researchers = new List<ExistingResearcher>();
        var institutions = new List<ExistingInstitution>();
        var topics = new List<ExistingTopic>();
        foreach (var folder in new[] { "researchers", "publications", "topics", "institutions" })
        {
            var directory = Path.Combine(siteDirectory, "content", folder);
            if (!Directory.Exists(directory))
            {
                continue;
            }
            foreach (var path in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
            {
                var id = Path.GetFileNameWithoutExtension(path);
                taken.For(folder).Add(id);
                if (!ContentExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }
                var relative = $"content/{folder}/{Path.GetFileName(path)}";
                var map = ReadFrontMatter(path, relative, diagnostics);
                if (map is null)
                {
                    continue;
                }
                switch (folder)
                {
                    case "publications":
                        var ids = map.Map("ids");
                        publications.Add(new ExistingPublication(id, map.Scalar("title"), map.Int("year"),
                            Identifiers.Doi(ids?.Scalar("doi")), Identifiers.Arxiv(ids?.Scalar("arxiv")),
                            Identifiers.OpenAlex(ids?.Scalar("openalex"))));
                        break;
                    case "researchers":
                        researchers.Add(new ExistingResearcher(id, map.Scalar("name"), map.Strings("aliases"),
                            Identifiers.Orcid(map.Scalar("orcid")), Identifiers.OpenAlex(map.Map("links")?.Scalar("openalex"))));
                        break;
                    case "institutions":
                        institutions.Add(new ExistingInstitution(id, map.Scalar("name"), map.Scalar("ror")));
                        break;
                    default:
                        topics.Add(new ExistingTopic(id, map.Scalar("name")));
                        break;
                }
            }
        }
        return new ExistingSite(publications, researchers, institutions, topics, taken);
    }

    private static YamlMappingNode? ReadFrontMatter(string path, string relative, List<ImportDiagnostic> diagnostics)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException error)
        {
            diagnostics.Add(ImportDiagnostic.Warning(ImportCodes.ExistingFileUnreadable, relative, ImportPosition.Unknown,
                $"could not read the file ({error.Message}); its id is kept as taken"));
            return null;
        }
        var yaml = Path.GetExtension(path).Equals(".md", StringComparison.OrdinalIgnoreCase) ? FrontMatterOf(text) : text;
        if (yaml is null)
        {
            return null;
        }
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (YamlException error)
        {
            diagnostics.Add(ImportDiagnostic.Warning(ImportCodes.ExistingFileUnreadable, relative,
                new ImportPosition((int)error.Start.Line + 1, (int)error.Start.Column),
                $"the front matter does not parse ({error.Message}); nothing in it is matched, but its id is kept as taken"));
            return null;
        }
    }

    private static string? FrontMatterOf(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return null;
        }
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() is "---" or "...")
            {
                return string.Join('\n', lines[1..i]);
            }
        }
        return null;
    }

    private static YamlNode? Node(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(this YamlMappingNode map, string key) =>
        map.Node(key) is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;

    private static YamlMappingNode? Map(this YamlMappingNode map, string key) => map.Node(key) as YamlMappingNode;

    private static int? Int(this YamlMappingNode map, string key) =>
        int.TryParse(map.Scalar(key), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static IReadOnlyList<string> Strings(this YamlMappingNode map, string key) => map.Node(key) switch
    {
        YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value).OfType<string>().ToList(),
        YamlScalarNode { Value: { Length: > 0 } one } => [one],
        _ => [],
    };
}
