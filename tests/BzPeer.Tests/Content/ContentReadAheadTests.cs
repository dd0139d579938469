using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using BzPeer.Content;
using BzPeer.Content.ReadAhead;
using BzPeer.Diagnostics;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Content;

/// <summary>
/// <see cref="ContentReadAhead"/> on files really out of the page cache: each test writes its files next to the test
/// assembly (on the checkout's disk, not a tmpfs /tmp), flushes them and asks the kernel to drop their pages, and
/// checks with mincore(2) that it did, before and after. Where the file system keeps its pages whatever is asked
/// (tmpfs), the files stay cached, and the tests assert what must happen then: nothing is read ahead.
/// </summary>
public sealed class ContentReadAheadTests : IDisposable
{
    private readonly string _folder = Path.Combine(AppContext.BaseDirectory, "read-ahead-" + Guid.NewGuid().ToString("N")[..12]);

    public ContentReadAheadTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>What the read-ahead should find on a cold cache: io_uring where the kernel lets this process have a ring.</summary>
    private static ReadAheadState ColdState
    {
        get
        {
            using var ring = IoUring.TryCreate(8);
            return ring is null || Environment.GetEnvironmentVariable("BZPEER_READ_AHEAD") == "0" ? ReadAheadState.Off : ReadAheadState.Reading;
        }
    }

    /// <summary>What it should find on a warm cache: nothing to do, where it can tell.</summary>
    private static ReadAheadState WarmState => ColdState == ReadAheadState.Off ? ReadAheadState.Off : ReadAheadState.Cached;

    [Fact]
    public void Reads_cold_files_into_the_page_cache_ahead_of_the_readers()
    {
        // Three batches and a part: 64 reads per system call.
        var paths = Enumerable.Range(0, 150).Select(i => WriteFile($"p{i:D3}.md", $"---\ntitle: Work {i}\n---\n{new string('x', 3000)}\n")).ToArray();
        var cold = Evict(paths);

        using (var readAhead = ContentReadAhead.Start(paths))
        {
            Assert.Equal(cold ? ColdState : WarmState, readAhead.State);
            // Waiting for the last file returns once it is read (or at once, where there is no read-ahead).
            readAhead.WaitFor(paths.Length - 1);
            if (readAhead.State == ReadAheadState.Reading)
            {
                Assert.All(paths, path => Assert.True(Resident(path), $"{path} was not read ahead"));
            }

            readAhead.Dispose();
            Assert.Equal(readAhead.State == ReadAheadState.Reading ? paths.Length : 0, readAhead.FilesRead);
        }
    }

    [Fact]
    public void Leaves_files_alone_when_the_first_batch_is_already_cached()
    {
        var paths = Enumerable.Range(0, 100).Select(i => WriteFile($"w{i:D3}.md", $"---\ntitle: Work {i}\n---\n")).ToArray();
        // Only the files past the first batch are dropped: that they stay out of the cache shows nothing read them.
        var cold = Evict(paths[64..]);

        using var readAhead = ContentReadAhead.Start(paths);
        readAhead.WaitFor(paths.Length - 1);
        readAhead.Dispose();

        Assert.Equal(WarmState, readAhead.State);
        Assert.Equal(0, readAhead.FilesRead);
        Assert.All(paths[64..], path => Assert.Equal(!cold, Resident(path)));
    }

    [Fact]
    public void Passes_over_what_it_cannot_read_without_waiting_on_it()
    {
        var fifo = Path.Combine(_folder, "pipe.md");
        Assert.Equal(0, MakeFifo(fifo, Convert.ToInt32("600", 8)));
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "folder.md")).FullName;
        var file = WriteFile("cold.md", "---\ntitle: Cold\n---\n");
        var cold = Evict([file]);
        // A FIFO with no writer would block an ordinary open or read for ever; here it must not.
        string?[] paths = [file, fifo, null, Path.Combine(_folder, "missing.md"), folder, file];

        using var readAhead = ContentReadAhead.Start(paths);
        readAhead.WaitFor(paths.Length - 1);
        readAhead.Dispose();

        Assert.Equal(cold ? ColdState : WarmState, readAhead.State);
        Assert.Equal(!cold || readAhead.State == ReadAheadState.Reading, Resident(file));
        // The cold file twice, and the FIFO's end of file (no writer); the folder's read fails with EISDIR.
        Assert.Equal(readAhead.State == ReadAheadState.Reading ? 3 : 0, readAhead.FilesRead);
    }

    [Fact]
    public void Turned_off_by_the_environment()
    {
        var path = WriteFile("off.md", "---\ntitle: Off\n---\n");
        var cold = Evict([path]);
        var before = Environment.GetEnvironmentVariable("BZPEER_READ_AHEAD");
        Environment.SetEnvironmentVariable("BZPEER_READ_AHEAD", "0");
        try
        {
            using var readAhead = ContentReadAhead.Start([path]);
            readAhead.WaitFor(0);
            Assert.Equal(ReadAheadState.Off, readAhead.State);
            Assert.Equal(!cold, Resident(path));
        }
        finally
        {
            Environment.SetEnvironmentVariable("BZPEER_READ_AHEAD", before);
        }
    }

    [Fact]
    public void A_site_loaded_from_a_cold_disk_has_every_record()
    {
        var site = Path.Combine(_folder, "site");
        var files = new List<string>();
        for (var i = 0; i < 130; i++)
        {
            files.Add(WriteFile($"site/content/publications/work-{i:D3}.md", $"---\ntitle: Work {i}\nyear: {2000 + i % 20}\nauthors: [ada-lovelace]\n---\nAbstract {i}.\n"));
        }

        files.Add(WriteFile("site/content/researchers/ada-lovelace.md", "---\nname: Ada Lovelace\n---\n"));
        files.Add(WriteFile("site/content/publications/broken.md", "---\ntitle: [unclosed\n---\n"));
        Evict(files);

        var diagnostics = new DiagnosticBag();
        var content = ContentLoader.Load(site, diagnostics);

        Assert.Equal(130, content.Publications.Count);
        Assert.Equal(Enumerable.Range(0, 130).Select(i => $"Work {i}"), content.Publications.Select(p => p.Title));
        Assert.Equal("Ada Lovelace", Assert.Single(content.Researchers).Name);
        var error = Assert.Single(diagnostics.Sorted(), d => d.IsError);
        Assert.Equal("content/publications/broken.md", error.Location.Path);
    }

    private string WriteFile(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>
    /// Writes the files' pages to disk and drops them from the page cache; true when they all left it, false when all
    /// stayed (a file system in memory). Anything in between fails the test.
    /// </summary>
    private static bool Evict(IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
            stream.Flush(flushToDisk: true);
            Assert.Equal(0, PosixFadvise((int)stream.SafeFileHandle.DangerousGetHandle(), 0, 0, 4)); // POSIX_FADV_DONTNEED
        }

        var resident = paths.Count(Resident);
        Assert.True(resident == 0 || resident == paths.Count, $"{resident} of {paths.Count} files stayed in the page cache");
        return resident == 0;
    }

    /// <summary>Whether the file's first page is in the page cache (mincore(2) on a mapping of it).</summary>
    private static bool Resident(string path)
    {
        using var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using var view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        // A view from offset 0 starts on a page boundary.
        var vector = new byte[1];
        Assert.Equal(0, MinCore(view.SafeMemoryMappedViewHandle.DangerousGetHandle(), 1, vector));
        return (vector[0] & 1) != 0;
    }

    [DllImport("libc", EntryPoint = "posix_fadvise")]
    private static extern int PosixFadvise(int fd, long offset, long length, int advice);

    [DllImport("libc", EntryPoint = "mincore", SetLastError = true)]
    private static extern int MinCore(nint address, nuint length, byte[] vector);

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, int mode);
}
