using System.Text;

namespace BzPeer.Bench.Corpus;

/// <summary>
/// The folder a corpus is written to. A marker file tells a generated folder from anything else, so
/// regenerating may replace it wholesale (stale files would break byte-identity) but never a user's folder.
/// </summary>
internal static class CorpusOutput
{
    public const string MarkerFile = ".bzpeer-bench-corpus";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Empties <paramref name="directory"/> if it is a previous corpus; fails if it holds anything else.</summary>
    public static void Prepare(string directory)
    {
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            if (!File.Exists(Path.Combine(directory, MarkerFile)))
            {
                throw new CorpusOutputException($"{directory} is not empty and was not made by the corpus generator; choose an empty or new folder.");
            }
            Directory.Delete(directory, recursive: true);
        }
        Directory.CreateDirectory(directory);
    }

    /// <summary>What the marker holds: enough to tell whether a cached corpus matches a request.</summary>
    public static string Describe(CorpusSize size, ulong seed, string flavour) =>
        $"generator {GeneratorVersion}\nflavour {flavour}\nsize {size.Name}\nresearchers {size.Researchers}\npublications {size.Publications}\nseed {seed}\n";

    /// <summary>Bump when the generator's output changes, so cached corpora are regenerated.</summary>
    public const int GeneratorVersion = 1;

    public static void WriteMarker(string directory, Corpus corpus, string flavour) =>
        Write(Path.Combine(directory, MarkerFile), Describe(corpus.Size, corpus.Seed, flavour));

    public static void Write(string path, string text) => File.WriteAllText(path, text, Utf8);
}

internal sealed class CorpusOutputException(string message) : Exception(message);
