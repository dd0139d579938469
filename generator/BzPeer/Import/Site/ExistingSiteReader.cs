using BzPeer.Content;
using BzPeer.Diagnostics;
using BzPeer.Import.Text;

namespace BzPeer.Import.Site;

/// <summary>
/// Builds the <see cref="ExistingSite"/> index with the build's own content loader, so the importer sees
/// the site exactly as <c>bzpeer build</c> does. Ids are taken from the folder listing as well, so a
/// file the loader rejects (bad YAML, bad name) is still never overwritten.
/// </summary>
internal static class ExistingSiteReader
{
    /// <summary>Reads the site; <paramref name="problems"/> is the number of errors the loader found in existing content.</summary>
    public static ExistingSite Read(string siteDirectory, out int problems)
    {
        var diagnostics = new DiagnosticBag();
        var content = ContentLoader.Load(siteDirectory, diagnostics);
        problems = diagnostics.ErrorCount;

        var taken = new TakenIds();
        foreach (var kind in ContentKinds.All)
        {
            var directory = Path.Combine(siteDirectory, "content", kind.Folder());
            if (Directory.Exists(directory))
            {
                taken.For(kind.Folder()).UnionWith(Directory.EnumerateFiles(directory).Select(Path.GetFileNameWithoutExtension).OfType<string>());
            }
        }

        var publications = content.Publications.Select(p => new ExistingPublication(p.Id, p.Title, p.Year,
            Identifiers.Doi(IdValue(p.Ids, "doi")), Identifiers.Arxiv(IdValue(p.Ids, "arxiv")), Identifiers.OpenAlex(IdValue(p.Ids, "openalex")),
            SourceOf(p.Extra)));
        var researchers = content.Researchers.Select(r => new ExistingResearcher(r.Id, r.Name, r.Aliases, Identifiers.Orcid(r.Orcid),
            Identifiers.OpenAlex(IdValue(r.Links, "openalex"))));
        var institutions = content.Institutions.Select(i => new ExistingInstitution(i.Id, i.Name, i.Ror));
        var topics = content.Topics.Select(t => new ExistingTopic(t.Id, t.Name));
        return new ExistingSite(publications, researchers, institutions, topics, taken);
    }

    /// <summary>The <c>source</c> key an earlier import wrote, if the file still has it.</summary>
    private static ImportSource? SourceOf(IReadOnlyDictionary<string, object?> extra) =>
        extra.TryGetValue("source", out var value) && value is IDictionary<string, object?> source
            && source.TryGetValue("kind", out var kind) && kind is string k
            && source.TryGetValue("file", out var file) && file is string f
            ? new ImportSource(k, f, source.TryGetValue("key", out var key) ? key as string : null)
            : null;

    private static string? IdValue(IReadOnlyList<KeyValuePair<string, string>> pairs, string key) =>
        pairs.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
}
