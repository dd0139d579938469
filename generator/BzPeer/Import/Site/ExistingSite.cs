using BzPeer.Import.Text;

namespace BzPeer.Import.Site;

/// <param name="Source">The provenance the importer wrote (<see cref="ImportSource"/>), so an entry whose title was edited by hand still matches.</param>
internal sealed record ExistingPublication(string Id, string? Title, int? Year, string? Doi, string? Arxiv, string? OpenAlexId, ImportSource? Source = null);

internal sealed record ExistingResearcher(string Id, string? Name, IReadOnlyList<string> Aliases, string? Orcid, string? OpenAlexId);

internal sealed record ExistingInstitution(string Id, string? Name, string? Ror);

internal sealed record ExistingTopic(string Id, string? Name);

/// <summary>
/// What the site's <c>content/</c> already holds, indexed the way the importer matches records:
/// publications by DOI, arXiv id, OpenAlex id, then normalised title + year; researchers by ORCID,
/// then name or alias; institutions by ROR, then name; topics by id or name. Also the ids already
/// taken per kind (every file name, even of files that do not parse, so nothing is ever overwritten).
/// </summary>
internal sealed class ExistingSite
{
    private readonly Dictionary<string, string> _publicationByDoi = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _publicationByArxiv = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _publicationByOpenAlex = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, int), string> _publicationByTitleYear = new();
    private readonly Dictionary<ImportSource, string> _publicationBySource = new();
    private readonly Dictionary<string, string> _researcherByOrcid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _researcherByOpenAlex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _researchersByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _institutionByRor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _institutionByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _topicByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExistingResearcher> _researchers = new(StringComparer.Ordinal);

    public ExistingSite(
        IEnumerable<ExistingPublication> publications,
        IEnumerable<ExistingResearcher> researchers,
        IEnumerable<ExistingInstitution> institutions,
        IEnumerable<ExistingTopic> topics,
        TakenIds takenIds)
    {
        Taken = takenIds;
        // Records are added in ordinal id order so that when two share a key the first id wins, every time.
        foreach (var p in publications.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            AddPublication(p.Id, p.Title, p.Year, p.Doi, p.Arxiv, p.OpenAlexId, p.Source);
        }
        foreach (var r in researchers.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            AddResearcher(r);
        }
        foreach (var i in institutions.OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            AddInstitution(i.Id, i.Name, i.Ror);
        }
        foreach (var t in topics.OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            AddTopic(t.Id, t.Name);
        }
    }

    public TakenIds Taken { get; }

    public ExistingResearcher? Researcher(string id) => _researchers.GetValueOrDefault(id);

    /// <summary>Records planned during this import are added too, so a file that lists a work twice imports it once.</summary>
    public void AddPublication(string id, string? title, int? year, string? doi, string? arxiv, string? openAlexId, ImportSource? source)
    {
        if (source is not null)
        {
            _publicationBySource.TryAdd(source, id);
        }
        if (doi is not null)
        {
            _publicationByDoi.TryAdd(Identifiers.DoiKey(doi), id);
        }
        if (arxiv is not null)
        {
            _publicationByArxiv.TryAdd(arxiv.ToLowerInvariant(), id);
        }
        if (openAlexId is not null)
        {
            _publicationByOpenAlex.TryAdd(openAlexId.ToUpperInvariant(), id);
        }
        if (title is not null && year is not null)
        {
            _publicationByTitleYear.TryAdd((TextFold.TitleKey(title), year.Value), id);
        }
    }

    public void AddResearcher(ExistingResearcher researcher)
    {
        _researchers.TryAdd(researcher.Id, researcher);
        if (researcher.Orcid is not null)
        {
            _researcherByOrcid.TryAdd(researcher.Orcid.ToUpperInvariant(), researcher.Id);
        }
        if (researcher.OpenAlexId is not null)
        {
            _researcherByOpenAlex.TryAdd(researcher.OpenAlexId.ToUpperInvariant(), researcher.Id);
        }
        foreach (var name in new[] { researcher.Name }.Concat(researcher.Aliases).OfType<string>())
        {
            var key = TextFold.NameKey(name);
            if (key.Length == 0)
            {
                continue;
            }
            if (!_researchersByName.TryGetValue(key, out var ids))
            {
                _researchersByName[key] = ids = [];
            }
            if (!ids.Contains(researcher.Id))
            {
                ids.Add(researcher.Id);
            }
        }
    }

    public void AddInstitution(string id, string? name, string? ror)
    {
        if (Identifiers.RorKey(ror) is { } key)
        {
            _institutionByRor.TryAdd(key, id);
        }
        if (name is not null)
        {
            _institutionByName.TryAdd(TextFold.NameKey(name), id);
        }
    }

    public void AddTopic(string id, string? name)
    {
        _topicByName.TryAdd(TextFold.NameKey(name ?? id), id);
        _topicByName.TryAdd(TextFold.NameKey(id), id);
    }

    /// <summary>
    /// The id of the publication this work already is, and which identifier matched ("doi 10.1/x"):
    /// DOI, arXiv id, OpenAlex id, the same source record imported before, then title and year.
    /// </summary>
    public (string Id, string Reason)? MatchPublication(ImportedWork work)
    {
        if (work.Doi is not null && _publicationByDoi.TryGetValue(Identifiers.DoiKey(work.Doi), out var byDoi))
        {
            return (byDoi, $"doi {work.Doi}");
        }
        if (work.Arxiv is not null && _publicationByArxiv.TryGetValue(work.Arxiv.ToLowerInvariant(), out var byArxiv))
        {
            return (byArxiv, $"arXiv {work.Arxiv}");
        }
        if (work.OpenAlexId is not null && _publicationByOpenAlex.TryGetValue(work.OpenAlexId, out var byOpenAlex))
        {
            return (byOpenAlex, $"OpenAlex {work.OpenAlexId}");
        }
        if (_publicationBySource.TryGetValue(work.Source, out var bySource))
        {
            return (bySource, $"source {work.Source.Kind} {work.Source.File} {work.Source.Key}");
        }
        if (_publicationByTitleYear.TryGetValue((TextFold.TitleKey(work.Title), work.Year), out var byTitle))
        {
            return (byTitle, $"title and year {work.Year}");
        }
        return null;
    }

    /// <summary>A researcher by ORCID, then OpenAlex id, then a name or alias equal ignoring accents, case and punctuation (only when exactly one has it).</summary>
    public (string Id, string Reason)? MatchResearcher(string name, string? orcid, string? openAlexId)
    {
        if (orcid is not null && _researcherByOrcid.TryGetValue(orcid.ToUpperInvariant(), out var byOrcid))
        {
            return (byOrcid, $"ORCID {orcid}");
        }
        if (openAlexId is not null && _researcherByOpenAlex.TryGetValue(openAlexId.ToUpperInvariant(), out var byOpenAlex))
        {
            return (byOpenAlex, $"OpenAlex {openAlexId}");
        }
        if (_researchersByName.TryGetValue(TextFold.NameKey(name), out var ids) && ids.Count == 1)
        {
            return (ids[0], $"name \"{name}\"");
        }
        return null;
    }

    public (string Id, string Reason)? MatchInstitution(ImportedInstitution institution)
    {
        if (institution.RorKey is not null && _institutionByRor.TryGetValue(institution.RorKey, out var byRor))
        {
            return (byRor, $"ROR {institution.RorKey}");
        }
        if (_institutionByName.TryGetValue(TextFold.NameKey(institution.Name), out var byName))
        {
            return (byName, $"name \"{institution.Name}\"");
        }
        return null;
    }

    public string? MatchTopic(string name) => _topicByName.GetValueOrDefault(TextFold.NameKey(name));
}

/// <summary>Ids in use per content folder; ids planned by this import are taken as they are chosen.</summary>
internal sealed class TakenIds
{
    public HashSet<string> Researchers { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Publications { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Topics { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Institutions { get; } = new(StringComparer.Ordinal);

    public HashSet<string> For(string folder) => folder switch
    {
        "researchers" => Researchers,
        "publications" => Publications,
        "topics" => Topics,
        "institutions" => Institutions,
        _ => throw new ArgumentOutOfRangeException(nameof(folder), folder, "not a content folder"),
    };
}
