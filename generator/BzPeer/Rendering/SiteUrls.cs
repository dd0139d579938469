using BzPeer.Configuration;
using BzPeer.Model;

namespace BzPeer.Rendering;

/// <summary>Every URL the site prints, from one base path, so sub-path sites (GitHub project pages) work everywhere.</summary>
internal sealed class SiteUrls(SiteConfig config)
{
    public string BasePath { get; } = config.BasePath;

    /// <summary>Root-relative URL ("/lab/researchers/ada/") of a site-relative path ("researchers/ada/").</summary>
    public string Path(string relative) => BasePath + relative.TrimStart('/');

    public string Absolute(string relative) => config.AbsoluteUrl(relative);

    public string? Page(Entity entity) => entity.Url is { } url ? Path(url) : null;

    public string Assets => Path("assets/");

    public static string SliceRelative(Entity entity) => $"graph/{Folder(entity.Kind)}/{entity.Id}.json";

    public static string EmbedRelative(Entity entity) => $"embed/{Folder(entity.Kind)}/{entity.Id}/";

    public static string Folder(NodeKind kind) => kind switch
    {
        NodeKind.Researcher => "researchers",
        NodeKind.Publication => "publications",
        NodeKind.Topic => "topics",
        NodeKind.Institution => "institutions",
        _ => "external",
    };

    /// <summary>Where the record's file can be edited in the repository, when site.yml names one.</summary>
    public string? Edit(string sourcePath) =>
        config.Repo is { } repo ? $"{repo}/edit/{Uri.EscapeDataString(config.Branch)}/{sourcePath}" : null;
}
