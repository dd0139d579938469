namespace BzPeer.Import;

/// <summary>The formats <c>bzpeer import</c> reads.</summary>
internal enum ImportFormat
{
    Bibtex,
    Csl,
    OpenAlex,
    Orcid,
}

/// <summary>Where an imported record came from; written to front matter as the <c>source</c> key.</summary>
/// <param name="Kind">bibtex, csl, openalex or orcid.</param>
/// <param name="File">The imported file's name (no folders, so the value does not depend on where the import ran).</param>
/// <param name="Key">The record's key in that file: BibTeX citation key, CSL id, OpenAlex id, ORCID put-code.</param>
internal sealed record ImportSource(string Kind, string File, string? Key);

/// <summary>A 1-based line and column in the imported file (0 when unknown).</summary>
internal readonly record struct ImportPosition(int Line, int Column)
{
    public static readonly ImportPosition Unknown = new(0, 0);
}

/// <summary>An author as the source names them, with whatever identifiers it gives.</summary>
/// <param name="Name">Display name, "Given von Family, Jr" order ("Albert Einstein").</param>
/// <param name="Family">Family name without particles, for ids; null when the source gives one literal string.</param>
internal sealed record ImportedAuthor(string Name, string? Family, string? Orcid = null, string? OpenAlexId = null)
{
    /// <summary>Given names (or initials), used to match "A. Einstein" to "Albert Einstein" for <c>--researcher</c>.</summary>
    public string? Given { get; init; }
}

internal sealed record ImportedTopic(string Name, string? OpenAlexId = null);

internal sealed record ImportedInstitution(string Name, string? RorKey = null, string? Country = null, string? Url = null, string? OpenAlexId = null);

/// <summary>A publication read from an external file, in BzPeer's vocabulary but not yet matched or given an id.</summary>
internal sealed class ImportedWork
{
    public required string Title { get; init; }

    /// <summary>One of SPEC's types: article|preprint|conference|book|chapter|thesis|report|dataset|software|other.</summary>
    public required string Type { get; init; }

    public required int Year { get; init; }

    /// <summary>yyyy-MM-dd when the source gives a full date.</summary>
    public string? Date { get; init; }

    public string? Venue { get; init; }

    public IReadOnlyList<ImportedAuthor> Authors { get; init; } = [];

    /// <summary>The source lists more authors than it names ("and others").</summary>
    public bool MoreAuthors { get; init; }

    public IReadOnlyList<ImportedTopic> Topics { get; init; } = [];

    public string? Doi { get; init; }

    public string? Arxiv { get; init; }

    public string? OpenAlexId { get; init; }

    /// <summary>Other identifiers (pmid, pmcid …), written under <c>ids</c> after doi, arxiv and openalex.</summary>
    public IReadOnlyDictionary<string, string> OtherIds { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Links { get; init; } = new Dictionary<string, string>();

    public string? Abstract { get; init; }

    public required ImportSource Source { get; init; }

    public ImportPosition Position { get; init; }
}

/// <summary>A person the imported file is about (an ORCID record, an OpenAlex author).</summary>
internal sealed class ImportedPerson
{
    public required string Name { get; init; }

    public string? Family { get; init; }

    public string? Given { get; init; }

    public string? Orcid { get; init; }

    public string? OpenAlexId { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public string? Biography { get; init; }

    public IReadOnlyDictionary<string, string> Links { get; init; } = new Dictionary<string, string>();

    /// <summary>Current affiliations first.</summary>
    public IReadOnlyList<ImportedInstitution> Affiliations { get; init; } = [];

    public required ImportSource Source { get; init; }
}

/// <summary>What a parser read from one file: records plus the problems it found, each at its line.</summary>
internal sealed class ParsedImport
{
    public List<ImportedWork> Works { get; } = [];

    public ImportedPerson? Person { get; set; }

    public List<ImportDiagnostic> Diagnostics { get; } = [];
}
