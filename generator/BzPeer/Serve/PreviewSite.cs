using System.Collections.Concurrent;
using System.Diagnostics;
using BzPeer.Configuration;
using BzPeer.Content;
using BzPeer.Diagnostics;
using BzPeer.Model;
using BzPeer.Rendering;
using BzPeer.Resolve;

namespace BzPeer.Serve;

/// <summary>What one rebuild did, for the console line and the live-reload stream.</summary>
public sealed record RebuildReport(long Version, IReadOnlyList<string> Changed, string Kind, int Invalidated, int Routes, TimeSpan Time, int Errors, int Warnings)
{
    public override string ToString()
    {
        var what = Changed.Count == 0 ? "start" : Changed.Count == 1 ? Changed[0] : $"{Changed[0]} and {Changed.Count - 1} more";
        var outcome = Errors > 0 ? $"{Errors} error(s): showing them in the browser" : $"invalidated {Invalidated} of {Routes} files";
        return $"{what} → {Kind} rebuild, {outcome}, {Time.TotalMilliseconds:0} ms";
    }
}

/// <summary>
/// The site as <c>bzpeer serve</c> holds it in memory: the content store, the resolved graph and a render
/// session. Files are rendered when requested and cached; after an edit only the files whose inputs may have
/// changed are dropped from the cache (the edited entities and their graph neighbourhood, plus the indexes),
/// so they re-render on the next request. Templates or site.yml changing rebuild everything.
/// </summary>
public sealed class PreviewSite
{
    private readonly object _gate = new();
    private readonly string _site;
    private readonly string _baseUrl;
    private readonly ContentStore _store;
    private readonly ConcurrentDictionary<string, byte[]> _cache = new(StringComparer.Ordinal);
    private SiteConfig _config = new();
    private State _state;

    public PreviewSite(string siteDirectory, string baseUrl)
    {
        _site = Path.GetFullPath(siteDirectory);
        _baseUrl = baseUrl;
        var clock = Stopwatch.StartNew();
        _store = ContentStore.Load(_site);
        _state = Full(null);
        LastReport = new RebuildReport(0, [], "full", 0, _state.Session?.Paths.Count() ?? 0, clock.Elapsed, _state.Diagnostics.ErrorCount, _state.Diagnostics.WarningCount);
    }

    public string BasePath => new Uri(_baseUrl).AbsolutePath;

    public long Version => LastReport.Version;

    public RebuildReport LastReport { get; private set; }

    /// <summary>The diagnostics of the current state (errors show as the browser overlay).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _state.Diagnostics.Sorted();

    public bool HasErrors => _state.Diagnostics.HasErrors;

    /// <summary>A source line for a diagnostic excerpt, from the file as last read.</summary>
    public string? SourceLine(string path, int line) => _store.Find(path)?.Document?.Line(line);

    /// <summary>Applies a batch of changed site-relative paths.</summary>
    public RebuildReport Apply(IReadOnlyList<string> changed)
    {
        lock (_gate)
        {
            var clock = Stopwatch.StartNew();
            var full = changed.Any(p => p == SiteConfigLoader.FileName || p.StartsWith("templates/", StringComparison.Ordinal) || p.StartsWith("theme/", StringComparison.Ordinal));
            var contentChanged = changed.Where(p => p.StartsWith("content/", StringComparison.Ordinal)).ToList();
            var previous = contentChanged.ToDictionary(p => p, _store.Find, StringComparer.Ordinal);
            foreach (var path in contentChanged)
            {
                _store.Refresh(path);
            }

            if (!full && TryPatch(contentChanged, previous) is { } patched)
            {
                LastReport = new RebuildReport(Version + 1, changed, "patch", patched, _state.Session?.Paths.Count() ?? 0,
                    clock.Elapsed, _state.Diagnostics.ErrorCount, _state.Diagnostics.WarningCount);
                return LastReport;
            }

            var before = _state;
            _state = Full(before);
            int invalidated;
            if (full || before.Graph is null || _state.Graph is null)
            {
                invalidated = _cache.Count;
                _cache.Clear();
            }
            else
            {
                invalidated = Invalidate(before.Graph, _state.Graph, contentChanged);
            }

            LastReport = new RebuildReport(Version + 1, changed, full ? "full" : "incremental", invalidated, _state.Session?.Paths.Count() ?? 0,
                clock.Elapsed, _state.Diagnostics.ErrorCount, _state.Diagnostics.WarningCount);
            return LastReport;
        }
    }

    /// <summary>The bytes of a site-relative output path, or null for a 404. Never called while the site has errors.</summary>
    public byte[]? Get(string relative)
    {
        var state = _state;
        if (state.Session is null)
        {
            return null;
        }

        if (relative.Length == 0 || relative.EndsWith('/'))
        {
            relative += "index.html";
        }

        if (_cache.TryGetValue(relative, out var cached))
        {
            return cached;
        }

        if (!state.Session.Has(relative))
        {
            return null;
        }

        var bytes = state.Session.Render(relative);
        if (bytes is not null && ReferenceEquals(state, _state))
        {
            _cache[relative] = bytes;
        }

        return bytes;
    }

    public bool IsDirectory(string relative) => _state.Session?.Has(relative.TrimEnd('/') + "/index.html") == true;

    /// <summary>
    /// The fast path for the common edit — a publication's text (title, abstract, venue, year…) — on any size of
    /// site: when every changed file is a publication that read cleanly before and after, whose links (authors,
    /// topics, identifiers) are unchanged, and nothing reported is about it, the new record is swapped into the
    /// resolved graph in place (no re-resolve, no new session) and only the files within the slice radius of it
    /// and the site-wide ones are dropped from the cache. Returns how many were dropped, or null to rebuild.
    /// </summary>
    private int? TryPatch(List<string> changed, Dictionary<string, ContentStore.StoredFile?> previous)
    {
        var state = _state;
        if (changed.Count == 0 || state.Graph is null || state.Session is null || state.Diagnostics.HasErrors)
        {
            return null;
        }

        var edits = new List<(Publication Publication, PublicationRecord Record)>();
        var reported = state.Diagnostics.Sorted().Select(d => d.Location.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var path in changed)
        {
            if (previous[path] is not { Record: PublicationRecord before, Diagnostics.Count: 0 } ||
                _store.Find(path) is not { Record: PublicationRecord after, Diagnostics.Count: 0 } ||
                before.Id != after.Id || reported.Contains(path) ||
                !state.Graph.PublicationsById.TryGetValue(after.Id, out var publication) || !ReferenceEquals(publication.Record, before) ||
                !SameLinks(before, after))
            {
                return null;
            }

            edits.Add((publication, after));
        }

        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (publication, record) in edits)
        {
            touched.UnionWith(state.Session.Replace(publication, record));
        }

        // A new state object, so a page rendered from the old record while this ran is not cached (see Get).
        _state = state with { };
        var removed = 0;
        foreach (var key in _cache.Keys)
        {
            if (IsSiteWide(key) || EntityOf(key) is { } nodeId && touched.Contains(nodeId))
            {
                removed += _cache.TryRemove(key, out _) ? 1 : 0;
            }
        }

        return removed;
    }

    /// <summary>What the resolver reads from a publication to link it: author references, topics and identifiers.</summary>
    private static bool SameLinks(PublicationRecord a, PublicationRecord b) =>
        a.Authors.Select(x => (x.Id, x.Name)).SequenceEqual(b.Authors.Select(x => (x.Id, x.Name))) &&
        a.Topics.Select(t => t.Value).SequenceEqual(b.Topics.Select(t => t.Value)) &&
        a.Ids.SequenceEqual(b.Ids);

    private State Full(State? previous)
    {
        var diagnostics = new DiagnosticBag();
        _config = SiteConfigLoader.Load(_site, diagnostics, _baseUrl);
        var content = _store.Assemble(diagnostics);
        var graph = ContentResolver.Resolve(_config, content, diagnostics);
        if (diagnostics.HasErrors)
        {
            return new State(diagnostics, content, previous?.Graph, null);
        }

        var session = SiteSession.Create(graph, _site, diagnostics);
        return new State(diagnostics, content, diagnostics.HasErrors ? previous?.Graph : graph, diagnostics.HasErrors ? null : session);
    }

    /// <summary>
    /// Drops the cached files that an edit of <paramref name="changed"/> may affect: the pages, feeds and slices of
    /// every entity within the slice radius of an edited entity (in the old and the new graph), and the site-wide
    /// indexes. Everything else stays cached.
    /// </summary>
    private int Invalidate(ContentGraph before, ContentGraph after, IReadOnlyList<string> changed)
    {
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var graph in new[] { before, after })
        {
            var seeds = graph.AllEntities().Where(e => SourcePath(e) is { } p && changed.Contains(p)).ToList();
            foreach (var entity in Neighbourhood(graph, seeds, graph.Config.Graph.SliceRadius))
            {
                touched.Add(entity.NodeId);
            }
        }

        var removed = 0;
        foreach (var key in _cache.Keys)
        {
            if (IsSiteWide(key) || EntityOf(key) is { } nodeId && touched.Contains(nodeId))
            {
                removed += _cache.TryRemove(key, out _) ? 1 : 0;
            }
        }

        return removed;
    }

    private static string? SourcePath(Entity entity) => entity switch
    {
        Researcher r => r.Record.SourcePath,
        Publication p => p.Record.SourcePath,
        Topic t => t.Record?.SourcePath,
        Institution i => i.Record?.SourcePath,
        _ => null,
    };

    private static IEnumerable<Entity> Neighbourhood(ContentGraph graph, List<Entity> seeds, int radius)
    {
        var adjacency = new Dictionary<Entity, List<Entity>>(ReferenceEqualityComparer.Instance);
        foreach (var edge in graph.Edges)
        {
            Add(edge.From, edge.To);
            Add(edge.To, edge.From);
        }

        var seen = new HashSet<Entity>(seeds, ReferenceEqualityComparer.Instance);
        var frontier = seeds;
        for (var hop = 0; hop < radius; hop++)
        {
            var next = new List<Entity>();
            foreach (var node in frontier)
            {
                foreach (var other in adjacency.GetValueOrDefault(node) ?? [])
                {
                    if (seen.Add(other))
                    {
                        next.Add(other);
                    }
                }
            }

            frontier = next;
        }

        return seen;

        void Add(Entity a, Entity b)
        {
            if (!adjacency.TryGetValue(a, out var list))
            {
                adjacency[a] = list = [];
            }

            list.Add(b);
        }
    }

    private static bool IsSiteWide(string path) =>
        !path.Contains('/') || path.StartsWith("graph/graph.json", StringComparison.Ordinal) || path.Count(c => c == '/') == 1 && path.EndsWith("/index.html", StringComparison.Ordinal);

    /// <summary>The node id an output path belongs to ("researchers/ada/feed.xml" → "r:ada"), or null.</summary>
    internal static string? EntityOf(string path)
    {
        var parts = path.Split('/');
        var (folder, id) = parts switch
        {
            ["graph", var kind, var file] => (kind, Path.GetFileNameWithoutExtension(file)),
            ["embed", var kind, var entity, ..] => (kind, entity),
            [var kind, var entity, _, ..] => (kind, entity),
            _ => ("", ""),
        };
        var prefix = folder switch
        {
            "researchers" => "r:",
            "publications" => "p:",
            "topics" => "t:",
            "institutions" => "i:",
            _ => null,
        };
        return prefix is null ? null : prefix + id;
    }

    private sealed record State(DiagnosticBag Diagnostics, LoadedContent? Content, ContentGraph? Graph, SiteSession? Session);
}
