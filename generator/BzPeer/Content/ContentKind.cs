namespace BzPeer.Content;

/// <summary>The four kinds of content file, each in its own folder under <c>content/</c>.</summary>
public enum ContentKind
{
    Researcher,
    Publication,
    Topic,
    Institution,
}

public static class ContentKinds
{
    public static readonly ContentKind[] All = [ContentKind.Researcher, ContentKind.Publication, ContentKind.Topic, ContentKind.Institution];

    /// <summary>The folder under content/ and the URL segment: researchers, publications, topics, institutions.</summary>
    public static string Folder(this ContentKind kind) => kind switch
    {
        ContentKind.Researcher => "researchers",
        ContentKind.Publication => "publications",
        ContentKind.Topic => "topics",
        ContentKind.Institution => "institutions",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
