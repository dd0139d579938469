using System.Globalization;

namespace BzPeer.Bench.Corpus;

/// <summary>
/// Builds a synthetic but realistic corpus from a seed. The shape it aims for (checked by the tests):
/// power-law productivity with most researchers on 1-3 works, a median of 4 authors per publication
/// (most of them external names), 1-4 topics per publication, about 10% non-ASCII names, ORCID iDs
/// with valid check characters, DOIs or arXiv ids on most works, years 1990-2026.
/// </summary>
internal sealed class CorpusGenerator
{
    private const int FirstYear = 1990;
    private const int LastYear = 2026;
    private const double ProfileAuthorsPerPublication = 1.5;
    private const int CommunitySize = 12;

    private readonly CorpusSize _size;
    private readonly ulong _seed;
    private readonly DeterministicRandom _root;
    private readonly HashSet<string> _takenNameKeys = new(StringComparer.Ordinal);

    public CorpusGenerator(CorpusSize size, ulong seed)
    {
        _size = size;
        _seed = seed;
        _root = new DeterministicRandom(seed);
    }

    public static Corpus Generate(CorpusSize size, ulong seed) => new CorpusGenerator(size, seed).Generate();

    private Corpus Generate()
    {
        var topics = CreateTopics(_root.Fork("topics"));
        var institutions = CreateInstitutions(_root.Fork("institutions"));
        var people = CreatePeople(_root.Fork("people"), topics.Count);
        var externals = CreateExternalNames(_root.Fork("externals"));
        var publications = CreatePublications(_root.Fork("publications"), people, externals, topics);
        var researchers = CreateResearchers(_root.Fork("researchers"), people, institutions, topics);
        return new Corpus
        {
            Size = _size,
            Seed = _seed,
            Topics = topics,
            Institutions = institutions,
            Researchers = researchers,
            Publications = publications,
        };
    }

    private List<CorpusTopic> CreateTopics(DeterministicRandom random)
    {
        var names = new List<string>(Vocabulary.TopicBases);
        foreach (string qualifier in Vocabulary.TopicQualifiers)
        {
            foreach (string topicBase in Vocabulary.TopicBases)
            {
                names.Add($"{qualifier} {char.ToLowerInvariant(topicBase[0])}{topicBase[1..]}");
            }
        }
        // Keep the plain areas first (they are the popular ones), then a seeded choice of qualified ones.
        var qualified = names.GetRange(Vocabulary.TopicBases.Length, names.Count - Vocabulary.TopicBases.Length);
        random.Shuffle(qualified);
        var chosen = Vocabulary.TopicBases.Concat(qualified).Take(_size.Topics).ToList();
        var text = new MarkdownText(random);
        return chosen.Select(name => new CorpusTopic { Id = Slug.FromText(name), Name = name, Description = text.Description(name) }).ToList();
    }

    private List<CorpusInstitution> CreateInstitutions(DeterministicRandom random)
    {
        var result = new List<CorpusInstitution>(_size.Institutions);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var text = new MarkdownText(random);
        while (result.Count < _size.Institutions)
        {
            var city = random.Pick(Vocabulary.Cities);
            string name = string.Format(CultureInfo.InvariantCulture, random.Pick(Vocabulary.InstitutionPatterns), city.City);
            string id = Slug.FromText(name);
            if (!ids.Add(id))
            {
                continue;
            }
            result.Add(new CorpusInstitution
            {
                Id = id,
                Name = name,
                Country = city.Country,
                Url = $"https://www.{id}.example.org/",
                Ror = "https://ror.org/0" + RandomBase32(random, 6) + random.Next(10, 100).ToString(CultureInfo.InvariantCulture),
                Description = text.Description(name),
            });
        }
        return result;
    }

    private static string RandomBase32(DeterministicRandom random, int length)
    {
        const string alphabet = "0123456789abcdefghjkmnpqrstvwxyz"; // ROR's Crockford base32
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }
        return new string(chars);
    }

    /// <summary>A researcher before their publications are known: identity, community and home topics.</summary>
    private sealed record Person(string Id, string Name, string? RomanisedName, IReadOnlyList<string> Aliases, int Community, int[] HomeTopics);

    private List<Person> CreatePeople(DeterministicRandom random, int topicCount)
    {
        var people = new List<Person>(_size.Researchers);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var topicPicker = WeightedPicker.Zipf(topicCount, 0.8);
        int communities = Math.Max(1, _size.Researchers / CommunitySize);
        while (people.Count < _size.Researchers)
        {
            var (name, romanised) = CreateName(random, allowMiddleInitial: people.Count > 15_000);
            string key = Slug.MatchKey(name);
            string? romanisedKey = romanised is null ? null : Slug.MatchKey(romanised);
            if (_takenNameKeys.Contains(key) || (romanisedKey is not null && _takenNameKeys.Contains(romanisedKey)))
            {
                continue;
            }
            _takenNameKeys.Add(key);
            var aliases = new List<string>();
            if (romanised is not null)
            {
                _takenNameKeys.Add(romanisedKey!);
                aliases.Add(romanised);
            }
            else if (random.Chance(0.15))
            {
                // "J. Smith" style: only when no one else's name or alias already reads the same.
                string[] parts = name.Split(' ');
                string alias = $"{parts[0][0]}. {parts[^1]}";
                if (_takenNameKeys.Add(Slug.MatchKey(alias)))
                {
                    aliases.Add(alias);
                }
            }
            string id = UniqueId(Slug.FromText(romanised ?? name), ids);
            var homeTopics = new int[3];
            for (int i = 0; i < homeTopics.Length; i++)
            {
                homeTopics[i] = topicPicker.Pick(random);
            }
            people.Add(new Person(id, name, romanised, aliases, people.Count % communities, homeTopics));
        }
        return people;
    }

    /// <summary>About 6% accented Latin names and 4% CJK names (with the romanised spelling), the rest ASCII.</summary>
    private static (string Name, string? Romanised) CreateName(DeterministicRandom random, bool allowMiddleInitial)
    {
        double roll = random.NextDouble();
        if (roll < 0.01)
        {
            var name = random.Pick(Vocabulary.CjkNames);
            return (name.Native, name.Romanised);
        }
        if (roll < 0.04)
        {
            var surname = random.Pick(Vocabulary.ChineseSurnames);
            var given = random.Pick(Vocabulary.ChineseGivenSyllables);
            string native = surname.Native + given.Native;
            string romanised = given.Romanised;
            if (random.Chance(0.7))
            {
                var second = random.Pick(Vocabulary.ChineseGivenSyllables);
                native += second.Native;
                romanised += second.Romanised;
            }
            // Romanised in the order these authors publish under: given name, then family name.
            return (native, $"{char.ToUpperInvariant(romanised[0])}{romanised[1..]} {surname.Romanised}");
        }
        string first;
        string last;
        if (roll < 0.10)
        {
            first = random.Chance(0.5) ? random.Pick(Vocabulary.AccentedFirstNames) : random.Pick(Vocabulary.FirstNames);
            last = random.Pick(Vocabulary.AccentedLastNames);
            if (random.Chance(0.3))
            {
                (first, last) = (random.Pick(Vocabulary.AccentedFirstNames), random.Pick(Vocabulary.LastNames));
            }
        }
        else
        {
            first = random.Pick(Vocabulary.FirstNames);
            last = random.Pick(Vocabulary.LastNames);
        }
        if (allowMiddleInitial || random.Chance(0.25))
        {
            return ($"{first} {(char)('A' + random.Next(26))}. {last}", null);
        }
        return ($"{first} {last}", null);
    }

    private List<string> CreateExternalNames(DeterministicRandom random)
    {
        int count = Math.Max(50, _size.Publications);
        var names = new List<string>(count);
        while (names.Count < count)
        {
            var (name, _) = CreateName(random, allowMiddleInitial: true);
            if (_takenNameKeys.Add(Slug.MatchKey(name)))
            {
                names.Add(name);
            }
        }
        return names;
    }

    private static string UniqueId(string baseId, HashSet<string> taken)
    {
        string id = baseId.Length == 0 ? "item" : baseId;
        if (taken.Add(id))
        {
            return id;
        }
        for (int n = 2; ; n++)
        {
            string candidate = $"{id}-{n.ToString(CultureInfo.InvariantCulture)}";
            if (taken.Add(candidate))
            {
                return candidate;
            }
        }
    }

    private List<CorpusPublication> CreatePublications(DeterministicRandom random, List<Person> people, List<string> externals, List<CorpusTopic> topics)
    {
        int count = _size.Publications;
        var members = AssignResearchers(random.Fork("assignment"), people, count);
        var externalPicker = WeightedPicker.Zipf(externals.Count, 0.9);
        var topicPicker = WeightedPicker.Zipf(topics.Count, 0.8);
        int communities = Math.Max(1, _size.Researchers / CommunitySize);
        var communityExternals = new int[communities][];
        var pool = random.Fork("community-externals");
        for (int c = 0; c < communities; c++)
        {
            communityExternals[c] = Enumerable.Range(0, 8).Select(_ => pool.Next(externals.Count)).ToArray();
        }

        var text = new MarkdownText(random.Fork("abstracts"));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<CorpusPublication>(count);
        for (int p = 0; p < count; p++)
        {
            var profileAuthors = members[p];
            var lead = people[profileAuthors[0]];
            int total = Math.Max(profileAuthors.Count, WeightedPicker.PickFrom(random, Vocabulary.AuthorCounts));

            var authors = new List<CorpusAuthor>(total);
            foreach (int index in profileAuthors)
            {
                authors.Add(SpellResearcher(random, people[index]));
            }
            var usedExternals = new HashSet<int>();
            while (authors.Count < total)
            {
                int e = random.Chance(0.4) ? random.Pick(communityExternals[lead.Community]) : externalPicker.Pick(random);
                if (usedExternals.Add(e))
                {
                    authors.Add(new CorpusAuthor(AuthorStyle.Name, externals[e], externals[e], null));
                }
            }
            random.Shuffle(authors);
            double leadPlace = random.NextDouble();
            int leadAt = authors.FindIndex(a => a.ResearcherId == lead.Id);
            var leadAuthor = authors[leadAt];
            authors.RemoveAt(leadAt);
            authors.Insert(leadPlace < 0.5 ? 0 : leadPlace < 0.7 ? authors.Count : leadAt, leadAuthor);

            int topicCount = WeightedPicker.PickFrom(random, Vocabulary.TopicCounts);
            var topicIndexes = new List<int>(topicCount);
            while (topicIndexes.Count < topicCount)
            {
                int t = random.Chance(0.6) ? random.Pick(lead.HomeTopics) : topicPicker.Pick(random);
                if (!topicIndexes.Contains(t))
                {
                    topicIndexes.Add(t);
                }
            }

            int year = PickYear(random);
            string type = WeightedPicker.PickFrom(random, Vocabulary.PublicationTypes);
            string title = CreateTitle(random, topics[topicIndexes[0]].Name);
            string id = UniqueId(Slug.FromText(title, 48) + "-" + year.ToString(CultureInfo.InvariantCulture), ids);
            int month = random.Next(1, 13);
            string? date = random.Chance(0.5)
                ? string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{random.Next(1, 29):D2}")
                : null;

            result.Add(new CorpusPublication
            {
                Id = id,
                Title = title,
                Type = type,
                Year = year,
                Date = date,
                Venue = CreateVenue(random, type, year),
                Authors = authors,
                Topics = topicIndexes.Select(t => topics[t].Id).ToList(),
                Ids = CreatePersistentIds(random, type, year, month, id),
                Links = CreateLinks(random, id),
                Abstract = text.Abstract(),
            });
        }
        return result;
    }

    /// <summary>
    /// Which researchers author each publication. Each researcher gets a Pareto-distributed number of works
    /// (scaled so there are about 1.5 profile authors per publication); every publication gets a lead, and
    /// further works go preferably to publications led by someone in the same community, so collaborations repeat.
    /// </summary>
    private List<List<int>> AssignResearchers(DeterministicRandom random, List<Person> people, int publicationCount)
    {
        int cap = Math.Clamp(publicationCount / 20, 10, 1000);
        var works = new int[people.Count];
        double sum = 0;
        for (int r = 0; r < people.Count; r++)
        {
            works[r] = random.NextPareto(1.2, cap);
            sum += works[r];
        }
        double scale = ProfileAuthorsPerPublication * publicationCount / sum;
        var slots = new List<int>((int)(sum * scale) + people.Count);
        for (int r = 0; r < people.Count; r++)
        {
            double scaled = works[r] * scale;
            int n = Math.Clamp((int)Math.Floor(scaled + random.NextDouble()), 1, cap);
            for (int i = 0; i < n; i++)
            {
                slots.Add(r);
            }
        }
        random.Shuffle(slots);

        var members = new List<List<int>>(publicationCount);
        var communities = Math.Max(1, _size.Researchers / CommunitySize);
        var ledByCommunity = new List<int>[communities];
        for (int c = 0; c < communities; c++)
        {
            ledByCommunity[c] = [];
        }
        var fallbackLead = WeightedPicker.Zipf(people.Count, 1.0);
        for (int p = 0; p < publicationCount; p++)
        {
            int lead = p < slots.Count ? slots[p] : fallbackLead.Pick(random);
            members.Add([lead]);
            ledByCommunity[people[lead].Community].Add(p);
        }
        for (int s = publicationCount; s < slots.Count; s++)
        {
            int r = slots[s];
            var local = ledByCommunity[people[r].Community];
            for (int attempt = 0; attempt < 6; attempt++)
            {
                int p = attempt < 4 && local.Count > 0 ? random.Pick(local) : random.Next(publicationCount);
                if (!members[p].Contains(r))
                {
                    members[p].Add(r);
                    break;
                }
            }
        }
        return members;
    }

    private static CorpusAuthor SpellResearcher(DeterministicRandom random, Person person)
    {
        double roll = random.NextDouble();
        if (roll < 0.06)
        {
            return new CorpusAuthor(AuthorStyle.Name, person.Name, person.Name, person.Id);
        }
        if (roll < 0.09)
        {
            // Same name without accents or in other case: BzPeer matches it ignoring both.
            string folded = Slug.Fold(person.Name);
            string spelled = string.Join(' ', folded.Split(' ').Select(w => w.Length > 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w));
            return new CorpusAuthor(AuthorStyle.Name, spelled, person.Name, person.Id);
        }
        if (roll < 0.13 && person.Aliases.Count > 0)
        {
            return new CorpusAuthor(AuthorStyle.Name, person.Aliases[0], person.Name, person.Id);
        }
        if (roll < 0.17)
        {
            return new CorpusAuthor(AuthorStyle.NameAndId, person.Name, person.Name, person.Id);
        }
        return new CorpusAuthor(AuthorStyle.Id, person.Id, person.Name, person.Id);
    }

    /// <summary>Years weighted towards the present, as publication counts grow over time.</summary>
    private static int PickYear(DeterministicRandom random)
    {
        // Inverse CDF of an exponential density exp(g·(y - FirstYear)) truncated to the year range.
        const double growth = 0.08;
        double span = LastYear - FirstYear + 1;
        double u = random.NextDouble();
        double offset = Math.Log(1 + u * (Math.Exp(growth * span) - 1)) / growth;
        return Math.Min(LastYear, FirstYear + (int)offset);
    }

    private static string CreateTitle(DeterministicRandom random, string topicName)
    {
        string adjective = random.Pick(Vocabulary.TitleAdjectives);
        string noun = random.Pick(Vocabulary.TitleNouns);
        string word = random.Pick(Vocabulary.Words);
        string topic = char.ToLowerInvariant(topicName[0]) + topicName[1..];
        string title = random.Next(5) switch
        {
            0 => $"{adjective} {noun} for {topic}",
            1 => $"On the {word} of {adjective.ToLowerInvariant()} {noun.ToLowerInvariant()}",
            2 => $"{noun} via {word} {random.Pick(Vocabulary.Words)}: applications to {topic}",
            3 => $"Towards {adjective.ToLowerInvariant()} {word} {noun.ToLowerInvariant()}",
            _ => $"{adjective} {word} {noun.ToLowerInvariant()} in {topic}",
        };
        return random.Chance(0.1) ? title + ": a case study" : title;
    }

    private static string CreateVenue(DeterministicRandom random, string type, int year) => type switch
    {
        "conference" => $"Proceedings of {random.Pick(Vocabulary.Conferences)} {year.ToString(CultureInfo.InvariantCulture)}",
        "preprint" => "arXiv",
        "article" => random.Pick(Vocabulary.Journals),
        "thesis" => "PhD thesis",
        "report" => "Technical report",
        "dataset" => "Zenodo",
        "software" => "GitHub",
        "book" or "chapter" => random.Chance(0.5) ? "Springer" : "MIT Press",
        _ => "",
    };

    private static readonly string[] DoiRegistrants = ["1145", "1109", "1038", "1016", "1007", "1371", "5555", "1093"];

    private static List<KeyValuePair<string, string>> CreatePersistentIds(DeterministicRandom random, string type, int year, int month, string id)
    {
        var result = new List<KeyValuePair<string, string>>(2);
        bool arxivEra = year >= 2007;
        bool arxiv = arxivEra && (type == "preprint" || random.Chance(0.2));
        bool doi = type != "preprint" ? random.Chance(0.8) : random.Chance(0.3);
        string? arxivId = null;
        if (arxiv)
        {
            string number = year >= 2015 ? random.Next(0, 100_000).ToString("D5", CultureInfo.InvariantCulture) : random.Next(0, 10_000).ToString("D4", CultureInfo.InvariantCulture);
            arxivId = $"{(year % 100).ToString("D2", CultureInfo.InvariantCulture)}{month.ToString("D2", CultureInfo.InvariantCulture)}.{number}";
            result.Add(new("arxiv", arxivId));
        }
        if (doi)
        {
            string value = arxivId is not null && type == "preprint"
                ? $"10.48550/arXiv.{arxivId}"
                : $"10.{random.Pick(DoiRegistrants)}/{id[..Math.Min(id.Length, 12)].TrimEnd('-')}.{random.Next(1000, 100_000).ToString(CultureInfo.InvariantCulture)}";
            result.Add(new("doi", value));
        }
        return result;
    }

    private static List<KeyValuePair<string, string>> CreateLinks(DeterministicRandom random, string id)
    {
        var links = new List<KeyValuePair<string, string>>();
        if (random.Chance(0.3))
        {
            links.Add(new("pdf", $"https://papers.example.org/{id}.pdf"));
        }
        if (random.Chance(0.12))
        {
            links.Add(new("code", $"https://github.com/example/{id}"));
        }
        if (random.Chance(0.05))
        {
            links.Add(new("slides", $"https://slides.example.org/{id}"));
        }
        return links;
    }

    private List<CorpusResearcher> CreateResearchers(DeterministicRandom random, List<Person> people, List<CorpusInstitution> institutions, List<CorpusTopic> topics)
    {
        var text = new MarkdownText(random.Fork("bios"));
        var followersPicker = random.Fork("followers");
        var result = new List<CorpusResearcher>(people.Count);
        foreach (var person in people)
        {
            var affiliations = new List<string>(2);
            double roll = random.NextDouble();
            if (roll >= 0.10)
            {
                // A community shares a home institution, so institution pages have real membership.
                affiliations.Add(institutions[person.Community % institutions.Count].Id);
                if (roll >= 0.85)
                {
                    string second = random.Pick(institutions).Id;
                    if (second != affiliations[0])
                    {
                        affiliations.Add(second);
                    }
                }
            }
            string role = random.Pick(Vocabulary.Roles);
            var topicNames = person.HomeTopics.Distinct().Select(t => topics[t].Name).ToList();
            bool claimed = random.Chance(0.1);
            bool open = random.Chance(0.3);
            string? orcid = random.Chance(0.4) ? Orcid.Create(random) : null;
            var links = new List<KeyValuePair<string, string>>();
            if (random.Chance(0.5))
            {
                links.Add(new("homepage", $"https://people.example.org/{person.Id}/"));
            }
            if (random.Chance(0.3))
            {
                links.Add(new("scholar", $"https://scholar.example.org/citations?user={person.Id}"));
            }
            if (random.Chance(0.2))
            {
                links.Add(new("github", $"https://github.com/{person.Id}"));
            }
            string? institutionName = affiliations.Count > 0 ? institutions.First(i => i.Id == affiliations[0]).Name : null;
            result.Add(new CorpusResearcher
            {
                Id = person.Id,
                Name = person.Name,
                Summary = $"{person.Name} works on {topicNames[0].ToLowerInvariant()}" + (topicNames.Count > 1 ? $" and {topicNames[1].ToLowerInvariant()}." : "."),
                Role = role,
                Affiliations = affiliations,
                OpenToCollaborate = open,
                Claimed = claimed,
                Orcid = orcid,
                Aliases = person.Aliases,
                Followers = followersPicker.Chance(0.3) ? 0 : followersPicker.NextPareto(1.1, 5000),
                Contact = claimed && open ? $"mailto:{person.Id}@example.org" : null,
                Links = links,
                Bio = text.Biography(person.Name, role, institutionName, topicNames),
            });
        }
        return result;
    }
}
