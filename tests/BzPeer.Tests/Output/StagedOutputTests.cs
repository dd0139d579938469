using System.Text;
using BzPeer.Diagnostics;
using BzPeer.Output;

namespace BzPeer.Tests.Output;

/// <summary>A build's output: files land in staging from many threads, a failed write stops the build and keeps the old site.</summary>
public sealed class StagedOutputTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "bzpeer-staged-" + Guid.NewGuid().ToString("N")[..10]);

    [Fact]
    public void Files_written_from_many_threads_are_all_in_the_committed_output()
    {
        var output = Path.Combine(root, "out");
        var diagnostics = new DiagnosticBag();
        using (var staged = StagedOutput.Begin(output, diagnostics)!)
        {
            Parallel.For(0, 2000, i => staged.Write($"folder{i % 37}/page{i}/index.html", Encoding.UTF8.GetBytes($"page {i}")));
            Assert.True(staged.Commit(diagnostics));
            Assert.Equal(2000, staged.Count);
        }

        Assert.False(diagnostics.HasErrors);
        Assert.Equal("page 1234", File.ReadAllText(Path.Combine(output, "folder13", "page1234", "index.html")));
        Assert.Equal(2000, Directory.GetFiles(output, "*.html", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void Threads_that_make_the_same_new_folder_at_once_all_write_into_it()
    {
        var output = Path.Combine(root, "out");
        var diagnostics = new DiagnosticBag();
        using (var staged = StagedOutput.Begin(output, diagnostics)!)
        {
            // Eight threads start together and, step by step, write into the same new folder, nested two deep:
            // each folder is made by whichever thread comes first, and no thread may write before it is there.
            using var start = new Barrier(8);
            Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
            {
                start.SignalAndWait();
                for (var step = 0; step < 375; step++)
                {
                    var i = step * 8 + t;
                    staged.Write($"s{step / 3}/d{step % 3}/f{i}.html", Encoding.UTF8.GetBytes($"file {i}"));
                }
            });
            Assert.True(staged.Commit(diagnostics));
        }

        Assert.False(diagnostics.HasErrors);
        Assert.Equal(3000, Directory.GetFiles(output, "*.html", SearchOption.AllDirectories).Length);
        Assert.Equal(8, Directory.GetFiles(Path.Combine(output, "s124", "d2")).Length);
        Assert.Equal("file 2999", File.ReadAllText(Path.Combine(output, "s124", "d2", "f2999.html")));
    }

    [Fact]
    public void A_file_in_a_pooled_array_is_written_to_its_length_not_the_array_s()
    {
        var output = Path.Combine(root, "out");
        var diagnostics = new DiagnosticBag();
        using (var staged = StagedOutput.Begin(output, diagnostics)!)
        {
            // Rented arrays are longer than what was written into them; only the written part is the file.
            Parallel.For(0, 500, i =>
            {
                var buffer = new PooledBuffer(16);
                buffer.Write(Encoding.UTF8.GetBytes($"pooled page {i}"));
                staged.Write(new OutputFile($"p{i}/index.html", buffer.Detach()));
            });
            Assert.True(staged.Commit(diagnostics));
        }

        Assert.False(diagnostics.HasErrors);
        Assert.Equal("pooled page 321", File.ReadAllText(Path.Combine(output, "p321", "index.html")));
        Assert.All(Directory.GetFiles(output, "*.html", SearchOption.AllDirectories), f =>
            Assert.StartsWith("pooled page ", File.ReadAllText(f), StringComparison.Ordinal));
    }

    [Fact]
    public void A_write_that_fails_is_reported_and_the_previous_output_stays()
    {
        var output = Path.Combine(root, "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "index.html"), "previous site");
        var diagnostics = new DiagnosticBag();
        using (var staged = StagedOutput.Begin(output, diagnostics)!)
        {
            staged.Write("a/index.html", "new"u8.ToArray());
            // A folder is needed where a file already is: CreateDirectory fails.
            Assert.Throws<IOException>(() => staged.Write("a/index.html/b.html", "new"u8.ToArray()));
            // Every later write throws too, from any thread, so the build stops rendering; none is written.
            Assert.Throws<IOException>(() => staged.Write("c/1.html", "new"u8.ToArray()));
            var thrown = 0;
            Parallel.For(0, 50, i =>
            {
                try
                {
                    staged.Write($"d/{i}.html", "new"u8.ToArray());
                }
                catch (IOException)
                {
                    Interlocked.Increment(ref thrown);
                }
            });
            Assert.Equal(50, thrown);
            Assert.Equal(1, staged.Count);
            Assert.False(staged.Commit(diagnostics));
        }

        var error = Assert.Single(diagnostics.Sorted(), d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.OutputWrite, error.Code);
        Assert.Equal("previous site", File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.Single(Directory.GetFileSystemEntries(root));
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
