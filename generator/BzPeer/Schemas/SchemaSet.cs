using NJsonSchema;

namespace BzPeer.Schemas;

/// <summary>The JSON Schemas shipped in <c>schemas/</c> next to the assembly, each parsed once per process.</summary>
public static class SchemaSet
{
    public const string Researcher = "researcher";
    public const string Publication = "publication";
    public const string Topic = "topic";
    public const string Institution = "institution";
    public const string Site = "site";
    public const string Graph = "graph";

    public static readonly string[] Names = [Researcher, Publication, Topic, Institution, Site, Graph];

    private static readonly Dictionary<string, Lazy<JsonSchema>> Schemas =
        Names.ToDictionary(n => n, n => new Lazy<JsonSchema>(() => Parse(FilePath(n))), StringComparer.Ordinal);

    /// <summary>The folder holding the shipped <c>*.schema.json</c> files (for <c>bzpeer new</c> and editors).</summary>
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "schemas");

    public static string FilePath(string name) => Path.Combine(Directory, $"{name}.schema.json");

    public static JsonSchema Get(string name) => Schemas[name].Value;

    /// <summary>The schema for a content file by its folder (<c>content/researchers/…</c>), or null for anything else.</summary>
    public static string? ForContentPath(string relativePath)
    {
        var parts = relativePath.Split('/');
        return parts.Length == 3 && parts[0] == "content"
            ? parts[1] switch
            {
                "researchers" => Researcher,
                "publications" => Publication,
                "topics" => Topic,
                "institutions" => Institution,
                _ => null,
            }
            : null;
    }

    // The schemas are our own files, shipped with the tool; a broken one is a packaging bug, so let it throw.
    private static JsonSchema Parse(string path) => JsonSchema.FromJsonAsync(File.ReadAllText(path), path).GetAwaiter().GetResult();
}
