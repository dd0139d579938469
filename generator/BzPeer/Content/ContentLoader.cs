using System.IO.Enumeration;
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
    internal static ContentRecord? ReadRecord(ContentKind kind, string id, SourceDocument document, DiagnosticBag diagnostics, StringPool? pool = null)
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

        var fields = new FieldReader(map, document.Path, frontMatter.YamlLineOffset, diagnostics, pool);
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

    /// <summary>A file a listing found: its site-relative path, and false when its directory entry says it is not a symbolic link.</summary>
    internal readonly record struct ListedFile(string Relative, bool MayBeLink);

    /// <summary>Every file under the four content folders, as site-relative paths.</summary>
    internal static IEnumerable<string> Enumerate(string siteRoot) => List(siteRoot).Select(f => f.Relative);

    /// <summary>
    /// Every file under the four content folders (as <c>Directory.EnumerateFiles</c> lists them), each marked when
    /// it may be a symbolic link. A directory entry's type tells without a system call per file: what a listing that
    /// skips links returns is not a link, and only the rest of the full listing needs a readlink.
    /// </summary>
    internal static List<ListedFile> List(string siteRoot)
    {
        var files = new List<ListedFile>();
        foreach (var kind in ContentKinds.All)
        {
            var folder = Path.Combine(siteRoot, "content", kind.Folder());
            if (!Directory.Exists(folder))
            {
                continue;
            }

            var prefix = $"content/{kind.Folder()}/";
            var plain = new HashSet<string>(StringComparer.Ordinal);
            foreach (var relative in Listing(folder, prefix, PlainFiles, static (ref _) => true))
            {
                plain.Add(relative);
                files.Add(new ListedFile(relative, MayBeLink: false));
            }

            var known = plain.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var relative in Listing(folder, prefix, AllFiles, (ref entry) => !known.Contains(Relative(prefix, entry.FileName, stackalloc char[prefix.Length + entry.FileName.Length]))))
            {
                files.Add(new ListedFile(relative, MayBeLink: true));
            }
        }

        return files;
    }

    // Directory.EnumerateFiles(folder, "*", TopDirectoryOnly) lists with these (hidden files included); the first also skips links.
    private static readonly EnumerationOptions AllFiles = new() { AttributesToSkip = 0, RecurseSubdirectories = false, IgnoreInaccessible = false };
    private static readonly EnumerationOptions PlainFiles = new() { AttributesToSkip = FileAttributes.ReparsePoint, RecurseSubdirectories = false, IgnoreInaccessible = false };

    private static FileSystemEnumerable<string> Listing(string folder, string prefix, EnumerationOptions options, FileSystemEnumerable<string>.FindPredicate include) =>
        new(folder, (ref entry) => string.Concat(prefix, entry.FileName), options)
        {
            ShouldIncludePredicate = (ref entry) => !entry.IsDirectory && include(ref entry),
        };

    private static ReadOnlySpan<char> Relative(string prefix, ReadOnlySpan<char> name, Span<char> buffer)
    {
        prefix.CopyTo(buffer);
        name.CopyTo(buffer[prefix.Length..]);
        return buffer;
    }

    /// <summary>
    /// What a site-relative path is: a content file to read (with its kind and id), or null — after reporting
    /// why, for files in a content folder that cannot be content — for anything else.
    /// </summary>
    /// <param name="folders">Answers for content/ and content/KIND/ already checked during one load (every file shares them).</param>
    /// <param name="mayBeLink">False when a listing just saw that the file itself is not a symbolic link.</param>
    internal static ContentFile? Classify(string siteRoot, string relative, DiagnosticBag diagnostics,
        System.Collections.Concurrent.ConcurrentDictionary<string, bool>? folders = null, bool mayBeLink = true)
    {
        // Exactly content/KIND/NAME, NAME possibly empty.
        var path = relative.AsSpan();
        var first = path.IndexOf('/');
        var second = first < 0 ? -1 : path[(first + 1)..].IndexOf('/') + first + 1;
        if (first < 0 || second <= first || path[(second + 1)..].Contains('/') || !path[..first].SequenceEqual("content"))
        {
            return null;
        }

        var folder = path[(first + 1)..second];
        var kindIndex = ContentFolders.Length - 1;
        while (kindIndex >= 0 && !folder.SequenceEqual(ContentFolders[kindIndex]))
        {
            kindIndex--;
        }

        if (kindIndex < 0)
        {
            return null;
        }

        var kind = ContentKinds.All[kindIndex];
        var name = path[(second + 1)..];
        if (name.StartsWith('.'))
        {
            return null;
        }

        var extension = CanonicalExtension(Path.GetExtension(name));
        if (extension is null)
        {
            diagnostics.Warning(DiagnosticCodes.UnexpectedFile, SourceLocation.File(relative),
                $"'{name}' is not a content file and is ignored.", "Content files end in .md or .yml.");
            return null;
        }

        var fullPath = Path.Combine(siteRoot, relative);
        if (!FolderIsInside(siteRoot, "content", folders) || !FolderIsInside(siteRoot, FolderKeys[kindIndex], folders) || (mayBeLink && !IsInside(siteRoot, fullPath)))
        {
            diagnostics.Error(DiagnosticCodes.UnreadableFile, SourceLocation.File(relative),
                "The file is a link to somewhere outside the site folder.", "Copy the file into the site instead of linking to it.");
            return null;
        }

        var id = Path.GetFileNameWithoutExtension(name).ToString();
        if (!IsValidId(id))
        {
            diagnostics.Error(DiagnosticCodes.InvalidFileName, SourceLocation.File(relative),
                $"'{id}' is not a valid id: file names must be lowercase letters, digits and hyphens.",
                $"Rename the file to '{Slugify(id)}{extension}'.");
            return null;
        }

        return new ContentFile(kind, id, fullPath, relative);
    }

    private static readonly string[] ContentFolders = ContentKinds.All.Select(k => k.Folder()).ToArray();

    private static readonly string[] FolderKeys = ContentKinds.All.Select(k => $"content/{k.Folder()}").ToArray();

    /// <summary>
    /// The extension as one of <see cref="Extensions"/>, or null. The same answer as lowering the extension
    /// (invariant culture) and looking it up: no character outside ASCII lowers to one of their letters.
    /// </summary>
    private static string? CanonicalExtension(ReadOnlySpan<char> extension)
    {
        foreach (var known in Extensions)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(extension, known))
            {
                return known;
            }
        }

        return null;
    }

    /// <summary>
    /// False when a symbolic link leads outside the site: content must not read the builder's other files.
    /// Called for the file and for each folder above it (content/, content/KIND/), since a linked folder leaks too.
    /// </summary>
    /// <param name="folder">The folder, relative to the site (content or content/KIND), and the key of its answer in <paramref name="folders"/>.</param>
    private static bool FolderIsInside(string siteRoot, string folder, System.Collections.Concurrent.ConcurrentDictionary<string, bool>? folders) =>
        folders is null
            ? IsInside(siteRoot, Path.Combine(siteRoot, folder))
            : folders.GetOrAdd(folder, static (f, root) => IsInside(root, Path.Combine(root, f)), siteRoot);

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
