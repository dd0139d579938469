using System.Collections.Concurrent;

namespace BzPeer.Content;

/// <summary>
/// One string per distinct short value read during a load. Records keep what they read for the whole build, and
/// much of it repeats from file to file: author names and ids, topic and institution ids, venues, types, link
/// names. On the large bench corpus such copies held 36 MB; shared, the copies die young.
/// </summary>
internal sealed class StringPool
{
    /// <summary>Longer values (titles, abstracts, URLs) are seldom repeated: not worth a lookup.</summary>
    private const int LongestShared = 64;

    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);

    public string Share(string value) => value.Length > LongestShared ? value : _strings.GetOrAdd(value, value);
}
