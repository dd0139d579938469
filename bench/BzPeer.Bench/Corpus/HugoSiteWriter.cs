namespace BzPeer.Bench.Corpus;

/// <summary>
/// Writes the same corpus as a Hugo site, laid out the way a Hugo user would: publications are regular
/// pages; researchers and topics are taxonomies (a researcher's profile is the term page, so
/// <c>.Pages</c> lists their works without scanning every page); institutions are a section.
/// The layouts come from <c>bench/hugo-theme</c>, copied in as the site's theme.
/// </summary>
/// <remarks>
/// Hugo has no author-name resolution, so publications carry the resolved researcher ids in a
/// <c>researchers</c> list next to the display names. Hugo reserves <c>type</c> (layout choice) and
/// <c>aliases</c> (redirects) and <c>url</c> (the page's own URL), so those fields are called <c>pubtype</c>,
/// <c>name_aliases</c> and <c>website</c> here.
/// </remarks>
internal static class HugoSiteWriter
{
    public const string ThemeName = "bzpeer-bench";

    /// <summary>Where the build copied bench/hugo-theme (see BzPeer.Bench.csproj).</summary>
    public static string DefaultThemeDirectory => Path.Combine(AppContext.BaseDirectory, "hugo-theme");

    public static void Write(Corpus corpus, string directory, string? themeDirectory = null)
    {
        themeDirectory ??= DefaultThemeDirectory;
        if (!Directory.Exists(Path.Combine(themeDirectory, "layouts")))
        {
            throw new CorpusOutputException($"The Hugo theme was not found at {themeDirectory}; build bench/BzPeer.Bench first.");
        }
        CorpusOutput.Prepare(directory);
        string content = Path.Combine(directory, "content");
        string publications = Directory.CreateDirectory(Path.Combine(content, "publications")).FullName;
        string researchers = Directory.CreateDirectory(Path.Combine(content, "researchers")).FullName;
        string topics = Directory.CreateDirectory(Path.Combine(content, "topics")).FullName;
        string institutions = Directory.CreateDirectory(Path.Combine(content, "institutions")).FullName;

        CorpusOutput.Write(Path.Combine(directory, "hugo.toml"), Config(corpus));
        CopyTheme(themeDirectory, Path.Combine(directory, "themes", ThemeName));

        CorpusOutput.Write(Path.Combine(content, "_index.md"), new FrontMatter().String("title", Title(corpus)).WithBody(""));
        CorpusOutput.Write(Path.Combine(publications, "_index.md"), new FrontMatter().String("title", "Publications").WithBody(""));
        CorpusOutput.Write(Path.Combine(researchers, "_index.md"), new FrontMatter().String("title", "Researchers").WithBody(""));
        CorpusOutput.Write(Path.Combine(topics, "_index.md"), new FrontMatter().String("title", "Topics").WithBody(""));
        CorpusOutput.Write(Path.Combine(institutions, "_index.md"), new FrontMatter().String("title", "Institutions").WithBody(""));

        foreach (var topic in corpus.Topics)
        {
            string folder = Directory.CreateDirectory(Path.Combine(topics, topic.Id)).FullName;
            CorpusOutput.Write(Path.Combine(folder, "_index.md"), new FrontMatter().String("title", topic.Name).WithBody(topic.Description));
        }
        foreach (var institution in corpus.Institutions)
        {
            CorpusOutput.Write(Path.Combine(institutions, institution.Id + ".md"), Institution(institution));
        }
        Parallel.ForEach(corpus.Researchers, r =>
        {
            string folder = Directory.CreateDirectory(Path.Combine(researchers, r.Id)).FullName;
            CorpusOutput.Write(Path.Combine(folder, "_index.md"), Researcher(r));
        });
        Parallel.ForEach(corpus.Publications, p => CorpusOutput.Write(Path.Combine(publications, p.Id + ".md"), Publication(p)));
        CorpusOutput.WriteMarker(directory, corpus, "hugo");
    }

    /// <summary>Replaces the theme inside an existing Hugo site with the current layouts.</summary>
    public static void RefreshTheme(string directory, string? themeDirectory = null)
    {
        string target = Path.Combine(directory, "themes", ThemeName);
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }
        CopyTheme(themeDirectory ?? DefaultThemeDirectory, target);
    }

    private static string Title(Corpus corpus) => $"BzPeer benchmark ({corpus.Size.Name})";

    private static string Config(Corpus corpus) =>
        $"""
        # Hugo twin of a BzPeer benchmark corpus (size {corpus.Size.Name}, seed {corpus.Seed}), written by BzPeer.Bench.
        baseURL = "https://bench.example.org/"
        title = "{Title(corpus)}"
        languageCode = "en"
        # Publications carry their real dates; one later this year must still be built.
        buildFuture = true
        theme = "{ThemeName}"
        # Only the pages the comparison counts: no RSS, sitemap or robots.txt.
        disableKinds = ["RSS", "sitemap", "robotsTXT"]

        [taxonomies]
          researcher = "researchers"
          topic = "topics"

        [params]
          repo = "https://github.com/example/bzpeer-bench"
          branch = "main"
          close_collaborator_min_shared = 2

        # The research graph as one JSON file at /graph/graph.json, rendered from the home page.
        [outputFormats.graph]
          mediaType = "application/json"
          baseName = "graph"
          path = "graph"
          isPlainText = true
          notAlternative = true

        [outputs]
          home = ["HTML", "graph"]
          section = ["HTML"]
          taxonomy = ["HTML"]
          term = ["HTML"]

        """;

    private static void CopyTheme(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private static string Institution(CorpusInstitution institution) => new FrontMatter()
        .String("title", institution.Name)
        .String("country", institution.Country)
        .String("website", institution.Url)
        .String("ror", institution.Ror)
        .WithBody(institution.Description);

    private static string Researcher(CorpusResearcher researcher) => new FrontMatter()
        .String("title", researcher.Name)
        .String("summary", researcher.Summary)
        .String("role", researcher.Role)
        .StringList("affiliations", researcher.Affiliations)
        .Boolean("open_to_collaborate", researcher.OpenToCollaborate)
        .Boolean("claimed", researcher.Claimed)
        .OptionalString("orcid", researcher.Orcid)
        .StringList("name_aliases", researcher.Aliases)
        .Integer("followers", researcher.Followers)
        .OptionalString("contact", researcher.Contact)
        .StringMap("links", researcher.Links)
        .WithBody(researcher.Bio);

    private static string Publication(CorpusPublication publication)
    {
        var fm = new FrontMatter()
            .String("title", publication.Title)
            .String("pubtype", publication.Type)
            .Integer("year", publication.Year);
        if (publication.Date is not null)
        {
            fm.Raw("date", publication.Date);
        }
        if (publication.Venue.Length > 0)
        {
            fm.String("venue", publication.Venue);
        }
        fm.BlockList("authors");
        var researcherIds = new List<string>();
        foreach (var author in publication.Authors)
        {
            fm.MapItem(("name", author.DisplayName), ("id", author.ResearcherId));
            if (author.ResearcherId is not null)
            {
                researcherIds.Add(author.ResearcherId);
            }
        }
        return fm.StringList("researchers", researcherIds)
            .StringList("topics", publication.Topics)
            .StringMap("ids", publication.Ids)
            .StringMap("links", publication.Links)
            .WithBody(publication.Abstract);
    }
}
