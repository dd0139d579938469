using System.Text.RegularExpressions;

namespace BzPeer.Scaffold;

/// <summary>The outcome of a <c>bzpeer new</c> command: the files written (site-relative), or why nothing was.</summary>
internal sealed record ScaffoldResult(IReadOnlyList<string> Written, string? Refusal)
{
    public bool Succeeded => Refusal is null;

    public static ScaffoldResult Refused(string reason) => new([], reason);
}

/// <summary>Writes starter sites and new records. Never overwrites: every refusal leaves the disk untouched.</summary>
internal static partial class Scaffolder
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    public static bool IsValidId(string id) => id.Length <= 100 && IdPattern().IsMatch(id);

    /// <summary>Writes the starter site into <paramref name="directory"/>, which must be missing or empty.</summary>
    public static ScaffoldResult NewSite(string directory, string? schemaSource = null)
    {
        var full = Path.GetFullPath(directory);
        if (File.Exists(full) || (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any()))
        {
            return ScaffoldResult.Refused($"'{directory}' is not empty; 'bzpeer new site' only writes into a new or empty folder.");
        }

        var written = new List<string>();
        foreach (var (path, text) in StarterSite.Files)
        {
            Write(full, path, text);
            written.Add(path);
        }

        written.AddRange(CopySchemas(full, schemaSource ?? DefaultSchemaSource));
        return new ScaffoldResult(written, null);
    }

    public static ScaffoldResult NewResearcher(string id, string site, string? schemaSource = null) =>
        NewRecord("researchers", id, site, schemaSource,
            () => RecordTemplates.Researcher(id, NameFromId(id), summary: "One line about your research.", affiliation: null,
                body: "A short biography, in Markdown (may be empty)."));

    public static ScaffoldResult NewPublication(string id, string site, string? schemaSource = null) =>
        NewRecord("publications", id, site, schemaSource,
            () => RecordTemplates.Publication(id, NameFromId(id), year: 2025, authors: ["Author Name"], topic: null,
                body: "The abstract, in Markdown (may be empty)."));

    /// <summary>The built-in schemas ship next to the assembly (and so inside the dotnet tool).</summary>
    private static string DefaultSchemaSource => Path.Combine(AppContext.BaseDirectory, RecordTemplates.SchemaFolder);

    private static ScaffoldResult NewRecord(string folder, string id, string site, string? schemaSource, Func<string> text)
    {
        if (!IsValidId(id))
        {
            return ScaffoldResult.Refused($"'{id}' is not a valid id: use lowercase letters a-z, digits and single hyphens (e.g. 'ada-lovelace').");
        }

        var root = Path.GetFullPath(site);
        if (!Directory.Exists(root))
        {
            return ScaffoldResult.Refused($"The site folder '{site}' does not exist.");
        }

        var existing = new[] { ".md", ".yml", ".yaml" }
            .Select(ext => $"content/{folder}/{id}{ext}")
            .FirstOrDefault(path => File.Exists(Path.Combine(root, path)));
        if (existing is not null)
        {
            return ScaffoldResult.Refused($"{existing} already exists; edit it, or pick another id.");
        }

        var relative = $"content/{folder}/{id}.yml";
        Write(root, relative, text());
        var written = new List<string> { relative };
        written.AddRange(CopySchemas(root, schemaSource ?? DefaultSchemaSource));
        return new ScaffoldResult(written, null);
    }

    /// <summary>Copies missing schemas into SITE/schemas/ so the records' relative modelines resolve in an editor.</summary>
    private static IEnumerable<string> CopySchemas(string root, string source)
    {
        if (!Directory.Exists(source))
        {
            return [];
        }

        var copied = new List<string>();
        foreach (var file in Directory.GetFiles(source, "*.schema.json").Order(StringComparer.Ordinal))
        {
            var relative = $"{RecordTemplates.SchemaFolder}/{Path.GetFileName(file)}";
            var target = Path.Combine(root, relative);
            if (!File.Exists(target))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
                copied.Add(relative);
            }
        }

        return copied;
    }

    /// <summary>"ada-lovelace" → "Ada Lovelace": a placeholder the user replaces.</summary>
    private static string NameFromId(string id) =>
        string.Join(' ', id.Split('-').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    private static void Write(string root, string relative, string text)
    {
        var full = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // CreateNew: a file that appeared since the checks above is never clobbered.
        using var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write);
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
        writer.Write(text);
    }
}
