using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using BzPeer.Diagnostics;

namespace BzPeer.Content;

/// <summary>
/// Stage 2 of a build: reads every file under <c>content/{researchers,publications,topics,institutions}/</c>
/// in parallel into records. Never throws for bad content; every problem is a diagnostic.
/// </summary>
public static partial class ContentLoader
{
    private static readonly string[] Extensions = [".md", ".yml", ".yaml"];

    public static LoadedContent Load(string siteDirectory, DiagnosticBag diagnostics)
    {
        var siteRoot = Path.GetFullPath(siteDirectory);
        var files = ContentKinds.All.SelectMany(kind => Discover(siteRoot, kind, diagnostics)).ToList();
        var documents = new ConcurrentDictionary<string, SourceDocument>(StringComparer.Ordinal);
        var records = new ContentRecord?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var file = files[i];
            var document = SourceReader.Read(file.FullPath, file.RelativePath, diagnostics);
            if (document is null)
            {
                return;
            }

            documents[document.Path] = document;
            records[i] = ReadRecord(file.Kind, file.Id, document, diagnostics);
        });

        var byKind = new Dictionary<ContentKind, List<ContentRecord>>();
        foreach (var kind in ContentKinds.All)
        {
            byKind[kind] = [];
        }

        // files are in (kind, id, extension) order, so a duplicate id is reported on the later file.
        var seen = new Dictionary<(ContentKind, string), string>();
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            if (seen.TryGetValue((file.Kind, file.Id), out var first))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateId, new SourceLocation(file.RelativePath, 1, 1),
                    $"The {file.Kind.ToString().ToLowerInvariant()} id '{file.Id}' is already defined by {first}.",
                    "Keep one file per id: merge the two and delete the other.");
                continue;
            }

            seen[(file.Kind, file.Id)] = file.RelativePath;
            if (records[i] is { } record)
            {
                byKind[file.Kind].Add(record);
            }
        }

        return new LoadedContent(
            byKind[ContentKind.Researcher].Cast<ResearcherRecord>().ToList(),
            byKind[ContentKind.Publication].Cast<PublicationRecord>().ToList(),
            byKind[ContentKind.Topic].Cast<TopicRecord>().ToList(),
            byKind[ContentKind.Institution].Cast<InstitutionRecord>().ToList(),
            new SortedDictionary<string, SourceDocument>(documents, StringComparer.Ordinal));
    }

    /// <summary>Reads one already-decoded document; used by the loader and by <c>serve</c> for a single changed file.</summary>
    internal static ContentRecord? ReadRecord(ContentKind kind, string id, SourceDocument document, DiagnosticBag diagnostics)
    {
        var frontMatter = FrontMatter.Split(document, diagnostics);
        if (frontMatter is null)
        {
            return null;
        }

        var map = YamlParser.ParseMapping(frontMatter.Yaml, document.Path, frontMatter.YamlLineOffset, diagnostics);
        if (map is null)
        {
            return null;
        }

        var fields = new FieldReader(map, document.Path, frontMatter.YamlLineOffset, diagnostics);
        var body = frontMatter.Body;
        return kind switch
        {
            ContentKind.Researcher => RecordReaders.Researcher(id, fields, body, frontMatter.BodyLine),
            ContentKind.Publication => RecordReaders.Publication(id, fields, body, frontMatter.BodyLine),
            ContentKind.Topic => RecordReaders.Topic(id, fields, body, frontMatter.BodyLine),
            _ => RecordReaders.Institution(id, fields, body, frontMatter.BodyLine),
        };
    }

    public static bool IsValidId(string id) => IdShape().IsMatch(id);

    /// <summary>A valid id made from any text: lowercase ASCII, accents dropped, other characters as single hyphens.</summary>
    public static string Slugify(string text) => Resolve.NameKey.Slug(text);

    internal sealed record ContentFile(ContentKind Kind, string Id, string FullPath, string RelativePath);

    private static IEnumerable<ContentFile> Discover(string siteRoot, ContentKind kind, DiagnosticBag diagnostics)
    {
        var folder = Path.Combine(siteRoot, "content", kind.Folder());
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var found = new List<ContentFile>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.TopDirectoryOnly))
        {
            var name = Path.GetFileName(path);
            var relative = $"content/{kind.Folder()}/{name}";
            if (name.StartsWith('.'))
            {
                continue;
            }

            var extension = Path.GetExtension(name).ToLowerInvariant();
            if (!Extensions.Contains(extension, StringComparer.Ordinal))
            {
                diagnostics.Warning(DiagnosticCodes.UnexpectedFile, SourceLocation.File(relative),
                    $"'{name}' is not a content file and is ignored.", "Content files end in .md or .yml.");
                continue;
            }

            if (!IsInside(siteRoot, path))
            {
                diagnostics.Error(DiagnosticCodes.UnreadableFile, SourceLocation.File(relative),
                    "The file is a link to somewhere outside the site folder.", "Copy the file into the site instead of linking to it.");
                continue;
            }

            var id = Path.GetFileNameWithoutExtension(name);
            if (!IsValidId(id))
            {
                diagnostics.Error(DiagnosticCodes.InvalidFileName, SourceLocation.File(relative),
                    $"'{id}' is not a valid id: file names must be lowercase letters, digits and hyphens.",
                    $"Rename the file to '{Slugify(id)}{extension}'.");
                continue;
            }

            found.Add(new ContentFile(kind, id, path, relative));
        }

        return found.OrderBy(f => f.Id, StringComparer.Ordinal).ThenBy(f => f.RelativePath, StringComparer.Ordinal);
    }

    /// <summary>False when a symbolic link leads outside the site: content must not read the builder's other files.</summary>
    private static bool IsInside(string siteRoot, string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is null)
        {
            return true;
        }

        var target = info.ResolveLinkTarget(returnFinalTarget: true);
        if (target is null || !target.Exists)
        {
            return false;
        }

        var root = siteRoot.EndsWith(Path.DirectorySeparatorChar) ? siteRoot : siteRoot + Path.DirectorySeparatorChar;
        return target.FullName.StartsWith(root, StringComparison.Ordinal);
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex IdShape();
}
