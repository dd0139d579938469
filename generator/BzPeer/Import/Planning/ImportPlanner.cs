using System.Text.RegularExpressions;
using BzPeer.Import.Site;
using BzPeer.Import.Text;
using BzPeer.Import.Writing;

namespace BzPeer.Import.Planning;

/// <summary>
/// Matches parsed records against the site and decides, record by record, what to write: nothing for a
/// record the site already has (publications by DOI, arXiv id, OpenAlex id, then title + year;
/// researchers by ORCID, then name or alias; institutions by ROR, then name), a new file otherwise,
/// with an id that no file in the site and no other record of this import uses.
/// </summary>
internal sealed partial class ImportPlanner
{
    private readonly ExistingSite _site;
    private readonly ImportPlan _plan = new();
    private readonly HashSet<string> _newPublications = new(StringComparer.Ordinal);
    private SubjectMatcher? _subject;
    private string? _subjectId;

    private ImportPlanner(ExistingSite site) => _site = site;

    /// <summary>
    /// Plans the import. <paramref name="researcherId"/> is the <c>--researcher</c> option: the researcher the
    /// file is about. For a file without a person record it must already exist (the runner checks).
    /// </summary>
    public static ImportPlan Plan(ParsedImport parsed, ExistingSite site, string? researcherId)
    {
        var planner = new ImportPlanner(site);
        planner._plan.Diagnostics.AddRange(parsed.Diagnostics);
        planner.PlanSubject(parsed.Person, researcherId);
        foreach (var work in parsed.Works)
        {
            planner.PlanWork(work);
        }
        return planner._plan;
    }

    private void PlanSubject(ImportedPerson? person, string? researcherId)
    {
        if (person is null)
        {
            if (researcherId is not null && _site.Researcher(researcherId) is { } existing)
            {
                _subjectId = researcherId;
                _subject = new SubjectMatcher(existing.Name ?? researcherId, null, null, existing.Aliases, existing.Orcid);
            }
            return;
        }
        _subject = new SubjectMatcher(person.Name, person.Family, person.Given, person.Aliases, person.Orcid);
        if (researcherId is not null)
        {
            _subjectId = researcherId;
            if (_site.Taken.Researchers.Contains(researcherId))
            {
                _plan.Items.Add(new PlanItem(PlanAction.Matched, "researcher", researcherId, person.Name, "--researcher names an existing file; it is left as it is"));
                RememberSubject(person);
                return;
            }
        }
        else
        {
            var match = _site.MatchResearcher(person.Name, person.Orcid, person.OpenAlexId)
                ?? person.Aliases.Select(a => _site.MatchResearcher(a, null, null)).FirstOrDefault(m => m is not null);
            if (match is { } m)
            {
                _subjectId = m.Id;
                _plan.Items.Add(new PlanItem(PlanAction.Matched, "researcher", m.Id, person.Name, $"by {m.Reason}; the file is left as it is"));
                RememberSubject(person);
                return;
            }
            _subjectId = Slug.Unique(Slug.From(person.Name), _site.Taken.Researchers);
        }
        _site.Taken.Researchers.Add(_subjectId);

        var affiliations = person.Affiliations.Select(PlanInstitution).Distinct(StringComparer.Ordinal).ToList();
        var front = new YamlMap()
            .Add("name", person.Name)
            .Add("affiliations", new YamlList(affiliations.Select(a => (YamlValue)new YamlText(a)).ToList()))
            .Add("orcid", person.Orcid)
            .Add("aliases", new YamlList(person.Aliases.Select(a => (YamlValue)new YamlText(a)).ToList()))
            .Add("links", person.Links)
            .Add("source", Source(person.Source));
        AddNew("researcher", "researchers", _subjectId, person.Name, $"from {person.Source.Kind} record {person.Source.Key}",
            FrontMatterDocument.Render(front, person.Biography));
        RememberSubject(person);
    }

    private void RememberSubject(ImportedPerson person) =>
        _site.AddResearcher(new ExistingResearcher(_subjectId!, person.Name, person.Aliases, person.Orcid, person.OpenAlexId));

    private string PlanInstitution(ImportedInstitution institution)
    {
        if (_site.MatchInstitution(institution) is { } match)
        {
            if (!_plan.Items.Any(i => i.Kind == "institution" && i.Id == match.Id))
            {
                _plan.Items.Add(new PlanItem(PlanAction.Matched, "institution", match.Id, institution.Name, $"by {match.Reason}"));
            }
            return match.Id;
        }
        var id = Slug.Unique(Slug.From(institution.Name), _site.Taken.Institutions);
        _site.AddInstitution(id, institution.Name, institution.RorKey);
        var front = new YamlMap()
            .Add("name", institution.Name)
            .Add("country", institution.Country)
            .Add("url", institution.Url)
            .Add("ror", institution.RorKey is null ? null : Identifiers.RorUrl(institution.RorKey));
        if (institution.OpenAlexId is not null)
        {
            front.Add("ids", new YamlMap().Add("openalex", institution.OpenAlexId));
        }
        AddNew("institution", "institutions", id, institution.Name, "affiliation of the imported researcher", FrontMatterDocument.Render(front, null));
        return id;
    }

    private string PlanTopic(ImportedTopic topic)
    {
        if (_site.MatchTopic(topic.Name) is { } existing)
        {
            return existing;
        }
        var id = Slug.Unique(Slug.From(topic.Name), _site.Taken.Topics);
        _site.AddTopic(id, topic.Name);
        var front = new YamlMap().Add("name", topic.Name);
        if (topic.OpenAlexId is not null)
        {
            front.Add("ids", new YamlMap().Add("openalex", topic.OpenAlexId));
        }
        AddNew("topic", "topics", id, topic.Name, "topic of an imported publication", FrontMatterDocument.Render(front, null));
        return id;
    }

    private void PlanWork(ImportedWork work)
    {
        var label = $"{work.Source.Key}: {work.Title}";
        if (_site.MatchPublication(work) is { } match)
        {
            var duplicate = _newPublications.Contains(match.Id);
            _plan.Items.Add(new PlanItem(duplicate ? PlanAction.Skipped : PlanAction.Matched, "publication", match.Id, label,
                duplicate ? $"same {match.Reason} as another record of this file" : $"by {match.Reason}"));
            return;
        }

        var authors = new List<YamlValue>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var author in work.Authors)
        {
            var id = ResearcherIdFor(author);
            if (id is not null && usedIds.Add(id))
            {
                authors.Add(new YamlText(id));
            }
            else
            {
                // A plain name that looks like an id would be read as a (broken) reference, so it gets the explicit form.
                authors.Add(IdLike().IsMatch(author.Name) ? new YamlMap().Add("name", author.Name) : new YamlText(author.Name));
            }
        }
        var topics = work.Topics.Select(PlanTopic).Distinct(StringComparer.Ordinal).Select(t => (YamlValue)new YamlText(t)).ToList();
        var firstFamily = work.Authors.Count > 0 ? work.Authors[0].Family ?? work.Authors[0].Name.Split(' ')[^1] : null;
        var pubId = Slug.Unique(Slug.ForPublication(firstFamily, work.Year, work.Title), _site.Taken.Publications);
        _newPublications.Add(pubId);
        _site.AddPublication(pubId, work.Title, work.Year, work.Doi, work.Arxiv, work.OpenAlexId, work.Source);

        var ids = new YamlMap().Add("doi", work.Doi).Add("arxiv", work.Arxiv).Add("openalex", work.OpenAlexId);
        foreach (var (key, value) in work.OtherIds.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            ids.Add(key, value);
        }
        var front = new YamlMap()
            .Add("title", work.Title)
            .Add("type", work.Type)
            .Add("year", new YamlInt(work.Year))
            .Add("date", work.Date is null ? null : new YamlDate(work.Date))
            .Add("venue", work.Venue)
            .Add("authors", new YamlList(authors))
            .Add("more_authors", work.MoreAuthors ? new YamlBool(true) : null)
            .Add("topics", new YamlList(topics))
            .Add("ids", ids)
            .Add("links", work.Links.OrderBy(p => p.Key, StringComparer.Ordinal))
            .Add("source", Source(work.Source));
        AddNew("publication", "publications", pubId, label, Where(work), FrontMatterDocument.Render(front, work.Abstract));
    }

    private string? ResearcherIdFor(ImportedAuthor author)
    {
        if (_subject is not null && _subjectId is not null && _subject.Matches(author))
        {
            return _subjectId;
        }
        return _site.MatchResearcher(author.Name, author.Orcid, author.OpenAlexId)?.Id;
    }

    private void AddNew(string kind, string folder, string id, string label, string reason, string content) =>
        _plan.Items.Add(new PlanItem(PlanAction.New, kind, id, label, reason, $"content/{folder}/{id}.md", content));

    private static string Where(ImportedWork work) =>
        work.Position.Line > 0 ? $"from {work.Source.File} line {work.Position.Line}" : $"from {work.Source.File}";

    private static YamlMap Source(ImportSource source) =>
        new YamlMap().Add("kind", source.Kind).Add("file", source.File).Add("key", source.Key);

    [GeneratedRegex("^[a-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdLike();
}
