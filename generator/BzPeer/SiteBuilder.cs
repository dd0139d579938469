using System.Collections.Concurrent;
using BzPeer.Configuration;
using BzPeer.Content;
using BzPeer.Diagnostics;
using BzPeer.Model;
using BzPeer.Output;
using BzPeer.Rendering;
using BzPeer.Resolve;

namespace BzPeer;

public sealed record BuildOptions
{
    /// <summary>The site folder: site.yml, content/, optional templates/ and theme/.</summary>
    public required string SiteDirectory { get; init; }

    /// <summary>Where the site is written; default <c>SITE/_site</c>.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Overrides site.yml's base_url (e.g. the path GitHub Pages gives).</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Called with each stage's name as it starts, for progress output.</summary>
    public Action<string>? OnStageStarted { get; init; }
}

public sealed class BuildResult
{
    private readonly Lazy<IReadOnlyList<string>> _paths;

    internal BuildResult(DiagnosticBag diagnostics, ContentGraph? graph, LoadedContent? content, IReadOnlyList<OutputFile> files,
        IReadOnlyList<string> paths, StageClock clock, bool written)
        : this(diagnostics, graph, content, files, () => paths, paths.Count, paths.Count(IsPage), clock, written)
    {
    }

    internal BuildResult(DiagnosticBag diagnostics, ContentGraph? graph, LoadedContent? content, IReadOnlyList<OutputFile> files,
        Func<IReadOnlyList<string>> paths, int fileCount, int pageCount, StageClock clock, bool written)
    {
        _paths = new Lazy<IReadOnlyList<string>>(paths);
        FileCount = fileCount;
        PageCount = pageCount;
        Diagnostics = diagnostics;
        Graph = graph;
        Content = content;
        Files = files;
        Timings = clock.Timings;
        Memory = clock.Memory;
        Cpu = clock.Cpu;
        Written = written;
    }

    public DiagnosticBag Diagnostics { get; }

    public ContentGraph? Graph { get; }

    public LoadedContent? Content { get; }

    /// <summary>Every output file rendered, in memory: only for <see cref="SiteBuilder.Render"/> (a build streams them to disk).</summary>
    public IReadOnlyList<OutputFile> Files { get; }

    /// <summary>
    /// The output paths rendered or written, in ordinal order (empty for a check or a failed build). A build that
    /// wrote lists its output folder when first asked: holding the 210,000 path strings of the large bench corpus
    /// to the end of the render took 30 MB at the moment the build's memory peaks.
    /// </summary>
    public IReadOnlyList<string> Paths => _paths.Value;

    /// <summary>How many files were rendered or written.</summary>
    public int FileCount { get; }

    /// <summary>How many of them are HTML pages.</summary>
    public int PageCount { get; }

    internal static bool IsPage(string path) => path.EndsWith(".html", StringComparison.Ordinal);

    public IReadOnlyList<(string Stage, TimeSpan Time)> Timings { get; }

    /// <summary>Managed heap and resident memory at the end of each stage (bytes), for <c>build --timings</c>.</summary>
    public IReadOnlyList<(string Stage, long Heap, long Resident)> Memory { get; }

    /// <summary>CPU time (all threads) spent in each stage and the bytes it allocated, for <c>build --timings</c>.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Cpu, long Allocated, TimeSpan GcPause, int FullCollections)> Cpu { get; }

    /// <summary>True when the output folder now holds the new site.</summary>
    public bool Written { get; }

    public bool Succeeded => !Diagnostics.HasErrors;

    /// <summary>The source line for a diagnostic excerpt, from the documents read during the build.</summary>
    public string? SourceLine(string path, int line) =>
        Content?.Documents.TryGetValue(path, out var document) == true ? document.Line(line) : null;
}

/// <summary>
/// Runs a build as a short list of named stages — config, load, resolve, render, write — each taking the
/// previous stage's result and the run's diagnostics. Nothing is written unless every stage succeeded.
/// </summary>
public static class SiteBuilder
{
    public const string DefaultOutputFolder = "_site";

    /// <summary>Validates the site: config, content and references. Writes nothing.</summary>
    public static BuildResult Check(BuildOptions options) => Run(options, render: false, write: false);

    /// <summary>Renders the site in memory without writing it (used by serve and tests).</summary>
    public static BuildResult Render(BuildOptions options) => Run(options, render: true, write: false);

    public static BuildResult Build(BuildOptions options) => Run(options, render: true, write: true);

    private static BuildResult Run(BuildOptions options, bool render, bool write)
    {
        var diagnostics = new DiagnosticBag();
        var clock = new StageClock { OnStageStarted = options.OnStageStarted };
        var site = Path.GetFullPath(options.SiteDirectory);
        if (!Directory.Exists(site))
        {
            diagnostics.Error(DiagnosticCodes.SiteNotFound, SourceLocation.File(options.SiteDirectory), "The site folder does not exist.",
                "Pass the folder that holds site.yml and content/.");
            return new BuildResult(diagnostics, null, null, [], [], clock, false);
        }

        var config = clock.Time("config", () => SiteConfigLoader.Load(site, diagnostics, options.BaseUrl));
        // The templates need nothing from the content: they are read and parsed on another core while it loads and
        // resolves (which leave a core idle at times), so a broken template is reported with the content's problems.
        var templates = render ? Task.Run(() => TemplateEngine.Validated(site, diagnostics)) : null;
        var content = clock.Time("load", () => ContentLoader.Load(site, diagnostics));
        if (!render)
        {
            clock.Time("schemas", () => Schemas.SchemaValidator.CheckSite(site, content, diagnostics));
        }

        var graph = clock.Time("resolve", () => ContentResolver.Resolve(config, content, diagnostics));
        // Waited for before anything returns: no diagnostic may arrive after the caller has printed them.
        var engine = templates?.GetAwaiter().GetResult();
        BuildResult Stopped() => new(diagnostics, graph, content, [], [], clock, false);
        if (!render || engine is null || diagnostics.HasErrors)
        {
            return Stopped();
        }

        // Once the session exists its full-graph layout is under way (RenderAll takes it), so a build that writes
        // makes the session only after the output folder is checked and staged.
        SiteSession NewSession() => clock.Time("templates", () => SiteSession.Create(graph, site, engine, diagnostics, layOutNow: true));

        if (!write)
        {
            var inMemory = NewSession();
            var rendered = new ConcurrentBag<OutputFile>();
            inMemory.RenderAll(clock, rendered.Add);
            var files = diagnostics.HasErrors ? [] : rendered.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            return new BuildResult(diagnostics, graph, content, files, files.Select(f => f.Path).ToList(), clock, false);
        }

        // Content diagnostics are all in by now; keep the source text only where an excerpt may be shown.
        content = KeepReferencedDocuments(content, diagnostics);
        var output = Path.GetFullPath(options.OutputDirectory ?? Path.Combine(site, DefaultOutputFolder));
        if (!IsSafeOutput(site, output, diagnostics))
        {
            return Stopped();
        }

        // Files go to a staging folder as they are rendered; the output folder changes only at the commit.
        using var staged = StagedOutput.Begin(output, diagnostics);
        if (staged is null)
        {
            return Stopped();
        }

        var session = NewSession();
        var fileCount = 0;
        var pageCount = 0;
        try
        {
            session.RenderAll(clock, file =>
            {
                staged.Write(file);
                Interlocked.Increment(ref fileCount);
                if (BuildResult.IsPage(file.Path))
                {
                    Interlocked.Increment(ref pageCount);
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is IOException or UnauthorizedAccessException) is { } io)
        {
            staged.Fail(io, diagnostics);
        }

        if (diagnostics.HasErrors)
        {
            return Stopped();
        }

        // "write" is the swap of the staging folder for the output folder.
        var written = clock.Time("write", () => staged.Commit(diagnostics));
        return new BuildResult(diagnostics, graph, content, [], () => written ? ListFiles(output) : [], fileCount, pageCount, clock, written);
    }

    /// <summary>Every file under <paramref name="folder"/>, '/'-separated and relative to it, in ordinal order.</summary>
    private static List<string> ListFiles(string folder)
    {
        var all = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        return Directory.EnumerateFiles(folder, "*", all)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The content with only the source documents that diagnostics point at. A build holds every record's own
    /// strings already; keeping each file's whole text as well (about twice the content's size in memory) only
    /// served excerpts. A method of its own so that no temporary of <see cref="Run"/>'s frame holds the old
    /// dictionary: one did, and kept the large bench corpus's 128 MB of file text alive to the end of the build.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static LoadedContent KeepReferencedDocuments(LoadedContent content, DiagnosticBag diagnostics)
    {
        var documents = content.Documents;
        var kept = new Dictionary<string, SourceDocument>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics.Sorted())
        {
            if (documents.TryGetValue(diagnostic.Location.Path, out var document))
            {
                kept[diagnostic.Location.Path] = document;
            }
        }

        return content with { Documents = kept };
    }

    /// <summary>The output folder is replaced whole, so refuse anything that could hold the user's own files.</summary>
    private static bool IsSafeOutput(string site, string output, DiagnosticBag diagnostics)
    {
        var siteWithSlash = site.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var outputWithSlash = output.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var unsafeReason =
            siteWithSlash.StartsWith(outputWithSlash, StringComparison.Ordinal) ? "it contains the site's own files"
            : File.Exists(Path.Combine(output, SiteConfigLoader.FileName)) || Directory.Exists(Path.Combine(output, "content")) ? "it looks like a site folder"
            : Path.GetFullPath(output) == Path.GetPathRoot(output) ? "it is a file-system root"
            : null;
        if (unsafeReason is null)
        {
            return true;
        }

        diagnostics.Error(DiagnosticCodes.OutputWrite, SourceLocation.File(output), $"Refusing to replace the output folder: {unsafeReason}.",
            "Choose an empty folder or the default _site/ with --out.");
        return false;
    }
}
