namespace BzPeer.Bench.Corpus;

/// <summary>Writes a corpus as a BzPeer site in the SPEC §2 format.</summary>
internal static class BzPeerSiteWriter
{
    public static void Write(Corpus corpus, string directory)
    {
        CorpusOutput.Prepare(directory);
        string content = Path.Combine(directory, "content");
        string researchers = Directory.CreateDirectory(Path.Combine(content, "researchers")).FullName;
        string publications = Directory.CreateDirectory(Path.Combine(content, "publications")).FullName;
        string topics = Directory.CreateDirectory(Path.Combine(content, "topics")).FullName;
        string institutions = Directory.CreateDirectory(Path.Combine(content, "institutions")).FullName;

        CorpusOutput.Write(Path.Combine(directory, "site.yml"), SiteYaml(corpus));
        foreach (var topic in corpus.Topics)
        {
            CorpusOutput.Write(Path.Combine(topics, topic.Id + ".md"), new FrontMatter().String("name", topic.Name).WithBody(topic.Description));
        }
        foreach (var institution in corpus.Institutions)
        {
            CorpusOutput.Write(Path.Combine(institutions, institution.Id + ".md"), Institution(institution));
        }
        Parallel.ForEach(corpus.Researchers, r => CorpusOutput.Write(Path.Combine(researchers, r.Id + ".md"), Researcher(r)));
        Parallel.ForEach(corpus.Publications, p => CorpusOutput.Write(Path.Combine(publications, p.Id + ".md"), Publication(p)));
        CorpusOutput.WriteMarker(directory, corpus, "bzpeer");
    }

    private static string SiteYaml(Corpus corpus) =>
        $"""
        # Synthetic benchmark corpus written by BzPeer.Bench (size {corpus.Size.Name}, seed {corpus.Seed}).
        # Regenerate rather than edit: dotnet run --project bench/BzPeer.Bench -c Release -- generate --size {corpus.Size.Name} --seed {corpus.Seed}
        title: "BzPeer benchmark ({corpus.Size.Name})"
        description: "{corpus.Size.Researchers} researchers and {corpus.Size.Publications} publications, generated."
        base_url: https://bench.example.org/
        repo: https://github.com/example/bzpeer-bench
        branch: main
        language: en
        close_collaborator_min_shared: 2
        graph:
          slice_radius: 2
          slice_max_nodes: 150

        """;

    internal static string Institution(CorpusInstitution institution) => new FrontMatter()
        .String("name", institution.Name)
        .String("country", institution.Country)
        .String("url", institution.Url)
        .String("ror", institution.Ror)
        .WithBody(institution.Description);

    internal static string Researcher(CorpusResearcher researcher) => new FrontMatter()
        .String("name", researcher.Name)
        .String("summary", researcher.Summary)
        .String("role", researcher.Role)
        .StringList("affiliations", researcher.Affiliations)
        .Boolean("open_to_collaborate", researcher.OpenToCollaborate)
        .Boolean("claimed", researcher.Claimed)
        .OptionalString("orcid", researcher.Orcid)
        .StringList("aliases", researcher.Aliases)
        .Integer("followers", researcher.Followers)
        .OptionalString("contact", researcher.Contact)
        .StringMap("links", researcher.Links)
        .WithBody(researcher.Bio);

    internal static string Publication(CorpusPublication publication)
    {
        var fm = new FrontMatter()
            .String("title", publication.Title)
            .String("type", publication.Type)
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
        foreach (var author in publication.Authors)
        {
            if (author.Style == AuthorStyle.NameAndId)
            {
                fm.MapItem(("name", author.Text), ("id", author.ResearcherId));
            }
            else
            {
                fm.Item(author.Text);
            }
        }
        return fm.StringList("topics", publication.Topics)
            .StringMap("ids", publication.Ids)
            .StringMap("links", publication.Links)
            .WithBody(publication.Abstract);
    }
}
