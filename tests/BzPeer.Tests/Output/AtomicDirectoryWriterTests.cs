using BzPeer.Output;

namespace BzPeer.Tests.Output;

/// <summary>Deleting an old output tree: every file goes, by several threads, and links are never followed.</summary>
public sealed class AtomicDirectoryWriterTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "bzpeer-delete-" + Guid.NewGuid().ToString("N")[..10]);

    [Fact]
    public void A_tree_of_many_folders_is_deleted_whole()
    {
        var old = Path.Combine(root, "site.bzpeer-old");
        for (var i = 0; i < 300; i++)
        {
            var folder = Path.Combine(old, $"section{i % 7}", $"page{i}", "deeper");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "index.html"), $"page {i}");
            File.WriteAllText(Path.Combine(old, $"section{i % 7}", $"file{i}.json"), "{}");
        }

        File.WriteAllText(Path.Combine(old, "index.html"), "home");
        Directory.CreateDirectory(Path.Combine(old, "empty"));

        AtomicDirectoryWriter.DeleteIfExists(old);

        Assert.False(Directory.Exists(old));
        Assert.True(Directory.Exists(root));
    }

    [Fact]
    public void Links_in_the_tree_are_removed_and_what_they_point_at_stays()
    {
        var outside = Path.Combine(root, "outside");
        Directory.CreateDirectory(Path.Combine(outside, "inner"));
        File.WriteAllText(Path.Combine(outside, "inner", "keep.txt"), "keep");
        var old = Path.Combine(root, "site.bzpeer-old");
        for (var i = 0; i < 40; i++)
        {
            Directory.CreateDirectory(Path.Combine(old, "pages", $"p{i}"));
        }

        // A link at each level the deleter looks at: top level, second level (deleted by the threads), deeper.
        Directory.CreateSymbolicLink(Path.Combine(old, "top-link"), outside);
        Directory.CreateSymbolicLink(Path.Combine(old, "pages", "second-link"), outside);
        Directory.CreateSymbolicLink(Path.Combine(old, "pages", "p3", "deep-link"), outside);
        File.CreateSymbolicLink(Path.Combine(old, "pages", "file-link.txt"), Path.Combine(outside, "inner", "keep.txt"));

        AtomicDirectoryWriter.DeleteIfExists(old);

        Assert.False(Directory.Exists(old));
        Assert.Equal("keep", File.ReadAllText(Path.Combine(outside, "inner", "keep.txt")));
    }

    [Fact]
    public void A_folder_that_is_not_there_is_not_an_error()
    {
        // A first build has no old tree; this would throw DirectoryNotFoundException if the check went.
        AtomicDirectoryWriter.DeleteIfExists(Path.Combine(root, "missing"));
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
