using System.Collections.Concurrent;
using BzPeer.Diagnostics;

namespace BzPeer.Content;

/// <summary>
/// The content files of a site, each with what reading it produced (its document, record and diagnostics).
/// A build loads all of them once; <c>serve</c> keeps the store and re-reads only the files that changed.
/// </summary>
public sealed class ContentStore
{
    private readonly string _siteRoot;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private ContentStore(string siteRoot) => _siteRoot = siteRoot;

    public static ContentStore Load(string siteDirectory)
    {
        var store = new ContentStore(Path.GetFullPath(siteDirectory));
        var files = ContentLoader.List(store._siteRoot);
        var folders = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var pool = new StringPool();
        // Links are left to the readers, which check where they lead before reading anything.
        using var readAhead = ReadAhead.ContentReadAhead.Start(files.Select(f => f.MayBeLink ? null : Path.Combine(store._siteRoot, f.Relative)).ToArray());
        // Readers wait on a cold disk only where nothing reads ahead for them; otherwise one per core is enough, and
        // more only took turns on the cores (large corpus, cold, read ahead: 7.2-8.0 s of CPU to load with two
        // readers, 8.2-9.5 s with sixteen).
        var readers = readAhead.State == ReadAhead.ReadAheadState.Off ? ColdReaders : Environment.ProcessorCount;
        ReadAll(files, readers, (index, file) =>
        {
            readAhead.WaitFor(index);
            store.Refresh(file.Relative, folders, file.MayBeLink, pool);
        });
        return store;
    }

    /// <summary>
    /// Without a read-ahead, files not yet in the page cache (a cold benchmark run) keep a reader waiting on the disk
    /// most of the time, so more readers than cores keep it busy: loading the large benchmark corpus cold took
    /// 6.8-6.9 s with one reader per core and 4.3-4.6 s with 16 (docs/performance.md, session 10). Dedicated threads
    /// rather than the thread pool, which adds threads for blocked work only slowly and is shared with the rest of a build.
    /// </summary>
    private const int ColdReaders = 16;

    private static void ReadAll(List<ContentLoader.ListedFile> files, int readers, Action<int, ContentLoader.ListedFile> read)
    {
        var next = -1;
        var failures = new ConcurrentQueue<Exception>();
        void Work()
        {
            try
            {
                for (var i = Interlocked.Increment(ref next); i < files.Count; i = Interlocked.Increment(ref next))
                {
                    read(i, files[i]);
                }
            }
            catch (Exception e)
            {
                failures.Enqueue(e);
                Interlocked.Exchange(ref next, files.Count); // the others stop at their next file
            }
        }

        var threads = Enumerable.Range(0, Math.Min(Math.Max(readers, Environment.ProcessorCount), Math.Max(files.Count, 1)))
            .Select(i => new Thread(Work) { IsBackground = true, Name = "bzpeer content reader" }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        if (!failures.IsEmpty)
        {
            throw new AggregateException(failures);
        }
    }

    /// <summary>Re-reads one site-relative path (or forgets it when deleted). False when the path is not content.</summary>
    public bool Refresh(string relative) => Refresh(relative, null, mayBeLink: true, pool: null);

    /// <param name="folders">
    /// Set during a load, whose paths were just listed: answers for the folders every file shares, and no
    /// check that the file still exists (a file deleted since is reported as unreadable).
    /// </param>
    /// <param name="mayBeLink">False when the listing saw that the file is not a symbolic link.</param>
    /// <param name="pool">A load's shared text values; none when <c>serve</c> re-reads one file.</param>
    private bool Refresh(string relative, ConcurrentDictionary<string, bool>? folders, bool mayBeLink, StringPool? pool)
    {
        if (!relative.StartsWith("content/", StringComparison.Ordinal))
        {
            return false;
        }

        var diagnostics = new DiagnosticBag();
        var file = ContentLoader.Classify(_siteRoot, relative, diagnostics, folders, mayBeLink);
        if (folders is null && !File.Exists(Path.Combine(_siteRoot, relative)))
        {
            _entries.TryRemove(relative, out _);
            return true;
        }

        ContentRecord? record = null;
        SourceDocument? document = null;
        if (file is not null)
        {
            document = SourceReader.Read(file.FullPath, relative, diagnostics);
            record = document is null ? null : ContentLoader.ReadRecord(file.Kind, file.Id, document, diagnostics, pool);
        }

        _entries[relative] = new Entry(relative, file, document, record, diagnostics.Sorted());
        return true;
    }

    /// <summary>What reading one path produced, or null when the store does not hold it.</summary>
    internal StoredFile? Find(string relative) =>
        _entries.TryGetValue(relative, out var entry) ? new StoredFile(entry.File, entry.Document, entry.Record, entry.Diagnostics) : null;

    internal sealed record StoredFile(ContentLoader.ContentFile? File, SourceDocument? Document, ContentRecord? Record, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>The records in id order, reporting every file's diagnostics and ids defined twice.</summary>
    public LoadedContent Assemble(DiagnosticBag diagnostics)
    {
        var byKind = ContentKinds.All.ToDictionary(k => k, _ => new List<ContentRecord>());
        var seen = new Dictionary<(ContentKind, string), string>();
        // Looked up by path only (excerpts under diagnostics), never listed in order.
        var documents = new Dictionary<string, SourceDocument>(_entries.Count, StringComparer.Ordinal);
        // Ordered by kind, id, then path, so a duplicate id is reported on the later file (.md before .yml).
        var entries = _entries.Values.ToArray();
        Array.Sort(entries, static (a, b) =>
        {
            // As ints: Enum.CompareTo(object) would box both sides of every comparison.
            var byKind = ((int)(a.File?.Kind ?? ContentKind.Researcher)).CompareTo((int)(b.File?.Kind ?? ContentKind.Researcher));
            var byId = byKind != 0 ? byKind : string.CompareOrdinal(a.File?.Id ?? "", b.File?.Id ?? "");
            // Paths are the store's keys, so no two entries tie and this unstable sort orders as a stable one would.
            return byId != 0 ? byId : string.CompareOrdinal(a.Path, b.Path);
        });
        foreach (var entry in entries)
        {
            foreach (var diagnostic in entry.Diagnostics)
            {
                diagnostics.Add(diagnostic);
            }

            if (entry.Document is not null)
            {
                documents[entry.Document.Path] = entry.Document;
            }

            if (entry.File is not { } file)
            {
                continue;
            }

            if (seen.TryGetValue((file.Kind, file.Id), out var first))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateId, new SourceLocation(file.RelativePath, 1, 1),
                    $"The {file.Kind.ToString().ToLowerInvariant()} id '{file.Id}' is already defined by {first}.",
                    "Keep one file per id: merge the two and delete the other.");
                continue;
            }

            seen[(file.Kind, file.Id)] = file.RelativePath;
            if (entry.Record is { } record)
            {
                byKind[file.Kind].Add(record);
            }
        }

        return new LoadedContent(
            byKind[ContentKind.Researcher].Cast<ResearcherRecord>().ToList(),
            byKind[ContentKind.Publication].Cast<PublicationRecord>().ToList(),
            byKind[ContentKind.Topic].Cast<TopicRecord>().ToList(),
            byKind[ContentKind.Institution].Cast<InstitutionRecord>().ToList(),
            documents);
    }

    private sealed record Entry(string Path, ContentLoader.ContentFile? File, SourceDocument? Document, ContentRecord? Record, IReadOnlyList<Diagnostic> Diagnostics);
}
