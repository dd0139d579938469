namespace BzPeer.Bench.Corpus;

/// <summary>How big a corpus is. <c>N</c> means N researchers and 5N publications.</summary>
internal sealed record CorpusSize(string Name, int Researchers, int Publications)
{
    public static readonly CorpusSize Small = new("small", 200, 1_000);
    public static readonly CorpusSize Medium = new("medium", 2_000, 10_000);
    public static readonly CorpusSize Large = new("large", 10_000, 50_000);

    /// <summary>About 200 topics and 100 institutions; fewer only for tiny custom corpora.</summary>
    public int Topics => Math.Clamp(Publications / 5, 10, 200);

    public int Institutions => Math.Clamp(Researchers / 2, 5, 100);

    public static bool TryParse(string text, out CorpusSize size)
    {
        switch (text)
        {
            case "small": size = Small; return true;
            case "medium": size = Medium; return true;
            case "large": size = Large; return true;
        }
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n)
            && n is >= 1 and <= 1_000_000)
        {
            size = new CorpusSize(n.ToString(System.Globalization.CultureInfo.InvariantCulture), n, n * 5);
            return true;
        }
        size = Small;
        return false;
    }
}

/// <summary>One generated site, held in memory so both the BzPeer and the Hugo writer render the same data.</summary>
internal sealed class Corpus
{
    public required CorpusSize Size { get; init; }
    public required ulong Seed { get; init; }
    public required IReadOnlyList<CorpusTopic> Topics { get; init; }
    public required IReadOnlyList<CorpusInstitution> Institutions { get; init; }
    public required IReadOnlyList<CorpusResearcher> Researchers { get; init; }
    public required IReadOnlyList<CorpusPublication> Publications { get; init; }
}

internal sealed class CorpusTopic
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
}

internal sealed class CorpusInstitution
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Country { get; init; }
    public required string Url { get; init; }
    public required string Ror { get; init; }
    public required string Description { get; init; }
}

internal sealed class CorpusResearcher
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Summary { get; init; }
    public required string Role { get; init; }
    public required IReadOnlyList<string> Affiliations { get; init; }
    public required bool OpenToCollaborate { get; init; }
    public required bool Claimed { get; init; }
    public string? Orcid { get; init; }
    public required IReadOnlyList<string> Aliases { get; init; }
    public required int Followers { get; init; }
    public string? Contact { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> Links { get; init; }
    public required string Bio { get; init; }
}

/// <summary>How an author item is spelled in the publication's front matter.</summary>
internal enum AuthorStyle
{
    /// <summary>A researcher id: <c>- milad-hashemi</c>.</summary>
    Id,

    /// <summary>A plain name: an external author, or a researcher's name or alias that BzPeer must match.</summary>
    Name,

    /// <summary>A mapping: <c>- { name: "Milad Hashemi", id: milad-hashemi }</c>.</summary>
    NameAndId,
}

/// <summary>One author item. <see cref="ResearcherId"/> is who it resolves to (null: an external author).</summary>
internal sealed record CorpusAuthor(AuthorStyle Style, string Text, string DisplayName, string? ResearcherId);

internal sealed class CorpusPublication
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Type { get; init; }
    public required int Year { get; init; }

    /// <summary>yyyy-MM-dd, or null when only the year is known.</summary>
    public string? Date { get; init; }

    public required string Venue { get; init; }
    public required IReadOnlyList<CorpusAuthor> Authors { get; init; }
    public required IReadOnlyList<string> Topics { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> Ids { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> Links { get; init; }
    public required string Abstract { get; init; }
}
