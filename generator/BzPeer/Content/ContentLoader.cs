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

    public static LoadedContent Load(string siteDirectory, DiagnosticBag diagnostics) => ContentStore.Load(siteDirectory).Assemble(diagnostics);

    /// <summary>Reads one already-decoded document; used by the loader and by <c>serve</c> for a single changed file.</summary>
    internal static ContentRecord? ReadRecord(ContentKind kind, string id, SourceDocument document, DiagnosticBag diagnostics)
    {
        var frontMatter = FrontMatter.Split(document, diagnostics);
        if (frontMatter is null)
        {
            return null;
        }

        var map = YamlParser.Parse(frontMatter.Yaml, document.Path, frontMatter.YamlLineOffset, diagnostics);
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

    /// <summary>Every file under the four content folders, as site-relative paths.</summary>
    internal static IEnumerable<string> Enumerate(string siteRoot)
    {
        foreach (var kind in ContentKinds.All)
        {
            var folder = Path.Combine(siteRoot, "content", kind.Folder());
            if (Directory.Exists(folder))
            {
                foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.TopDirectoryOnly))
                {
                    yield return $"content/{kind.Folder()}/{Path.GetFileName(path)}";
                }
            }
        }
    }

    /// <summary>
    /// What a site-relative path is: a content file to read (with its kind and id), or null — after reporting
    /// why, for files in a content folder that cannot be content — for anything else.
    /// </summary>
    /// <param name="folders">Answers for content/ and content/KIND/ already checked during one load (every file shares them).</param>
    internal static ContentFile? Classify(string siteRoot, string relative, DiagnosticBag diagnostics,
        System.Collections.Concurrent.ConcurrentDictionary<string, bool>? folders = null)
    {
        var parts = relative.Split('/');
        if (parts.Length != 3 || parts[0] != "content" || !ContentKinds.All.Any(k => k.Folder() == parts[1]))
        {
            return null;
        }

        var kind = ContentKinds.All.First(k => k.Folder() == parts[1]);
        var name = parts[2];
        if (name.StartsWith('.'))
        {
            return null;
        }

        var path = Path.Combine(siteRoot, relative);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!Extensions.Contains(extension, StringComparer.Ordinal))
        {
            diagnostics.Warning(DiagnosticCodes.UnexpectedFile, SourceLocation.File(relative),
                $"'{name}' is not a content file and is ignored.", "Content files end in .md or .yml.");
            return null;
        }

        if (!FolderIsInside(siteRoot, Path.Combine(siteRoot, parts[0]), folders) || !FolderIsInside(siteRoot, Path.Combine(siteRoot, parts[0], parts[1]), folders) || !IsInside(siteRoot, path))
        {
            diagnostics.Error(DiagnosticCodes.UnreadableFile, SourceLocation.File(relative),
                "The file is a link to somewhere outside the site folder.", "Copy the file into the site instead of linking to it.");
            return null;
        }

        var id = Path.GetFileNameWithoutExtension(name);
        if (!IsValidId(id))
        {
            diagnostics.Error(DiagnosticCodes.InvalidFileName, SourceLocation.File(relative),
                $"'{id}' is not a valid id: file names must be lowercase letters, digits and hyphens.",
                $"Rename the file to '{Slugify(id)}{extension}'.");
            return null;
        }

        return new ContentFile(kind, id, path, relative);
    }

    /// <summary>
    /// False when a symbolic link leads outside the site: content must not read the builder's other files.
    /// Called for the file and for each folder above it (content/, content/KIND/), since a linked folder leaks too.
    /// </summary>
    private static bool FolderIsInside(string siteRoot, string folder, System.Collections.Concurrent.ConcurrentDictionary<string, bool>? folders) =>
        folders is null ? IsInside(siteRoot, folder) : folders.GetOrAdd(folder, f => IsInside(siteRoot, f));

    private static bool IsInside(string siteRoot, string path)
    {
        // One readlink for the common case (not a link), whatever the path is.
        FileSystemInfo info = new FileInfo(path);
        if (info.LinkTarget is null)
        {
            return true;
        }

        if (Directory.Exists(path))
        {
            info = new DirectoryInfo(path);
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
