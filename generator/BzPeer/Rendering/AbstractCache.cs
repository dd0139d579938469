using BzPeer.Content;
using BzPeer.Model;

namespace BzPeer.Rendering;

/// <summary>
/// A build's rendered abstracts (HTML as UTF-8 and plain text), each held from the first page that prints it to
/// the last. A work's abstract is printed on its own page and on the profile of each of its authors who has one,
/// and its plain text goes into that page's description and JSON-LD and into its authors' feeds: parsed again for
/// each, the Markdown of the large bench corpus's 50,000 abstracts was parsed 122,500 times.
/// </summary>
/// <remarks>
/// Held for a whole build, the abstracts of the large bench corpus take about 100 MB. So each is kept only until
/// the prints the build expects of it are done (<see cref="Printed"/>), and the build renders a work's own page
/// right after the last of its authors' profiles (<see cref="SiteSession.RenderAll"/>): at most 9,100 of the 50,000
/// are held at once there. A print the count did not foresee (a theme that shows abstracts elsewhere) renders the
/// abstract again once it is gone; what a page shows never depends on the cache. Shared by the render threads: two
/// may render the same abstract at once, and either copy is the same.
/// </remarks>
internal sealed class AbstractCache
{
    private readonly Entry?[] _entries;
    private readonly int[] _expected;

    /// <param name="slots">One per entity ordinal (<see cref="Entity.Ordinal"/>).</param>
    /// <param name="expected">How many prints of each work's abstract the build will make, by the work's ordinal.</param>
    public AbstractCache(int slots, int[] expected)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(expected.Length, slots);
        _entries = new Entry?[slots];
        _expected = expected;
    }

    /// <summary>The abstract's HTML, when an earlier print of the same record left it.</summary>
    public byte[]? Html(Publication publication) => Current(publication)?.Html;

    /// <summary>The abstract's plain text, when an earlier print of the same record left it.</summary>
    public string? Text(Publication publication) => Current(publication)?.Text;

    /// <summary>Whether a print of the work's abstract is still to come after the one under way.</summary>
    public bool Wants(Publication publication) => Volatile.Read(ref _expected[publication.Ordinal]) > 1;

    public void KeepHtml(Publication publication, ReadOnlySpan<byte> html)
    {
        if (EntryFor(publication) is { } entry)
        {
            entry.Html = html.ToArray();
        }
    }

    public void KeepText(Publication publication, string text)
    {
        if (EntryFor(publication) is { } entry)
        {
            entry.Text = text;
        }
    }

    /// <summary>One of the expected prints of the work's abstract is done; after the last, the abstract goes.</summary>
    public void Printed(Publication publication)
    {
        if (Interlocked.Decrement(ref _expected[publication.Ordinal]) <= 0)
        {
            Volatile.Write(ref _entries[publication.Ordinal], null);
        }
    }

    private Entry? Current(Publication publication) =>
        Volatile.Read(ref _entries[publication.Ordinal]) is { } entry && ReferenceEquals(entry.Record, publication.Record) ? entry : null;

    /// <summary>The work's entry, made if need be; null when no print of it is still to come.</summary>
    private Entry? EntryFor(Publication publication)
    {
        var ordinal = publication.Ordinal;
        if (!Wants(publication))
        {
            return null;
        }

        var entry = Current(publication);
        if (entry is null)
        {
            entry = new Entry(publication.Record);
            entry = Interlocked.CompareExchange(ref _entries[ordinal], entry, null) ?? entry;
        }

        return ReferenceEquals(entry.Record, publication.Record) ? entry : null;
    }

    private sealed class Entry(PublicationRecord record)
    {
        public PublicationRecord Record { get; } = record;

        public byte[]? Html;

        public string? Text;
    }
}
