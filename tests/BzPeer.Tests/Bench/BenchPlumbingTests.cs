using BzPeer.Bench.Corpus;
using BzPeer.Bench.Running;

namespace BzPeer.Tests.Bench;

public sealed class BenchPlumbingTests
{
    [Fact]
    public void Stage_timings_are_read_from_timing_lines_and_other_output_is_ignored()
    {
        const string output = "building site\ntiming load 123.4\nwarning: topic x has no file\ntiming render 2048\ntiming broken\r\ntiming write 7.5\r\n";
        var timings = BuildTimings.Parse(output);
        Assert.Equal([new("load", 123.4), new("render", 2048.0), new("write", 7.5)], timings);
    }

    [Fact]
    public void Gnu_time_report_is_read_from_its_last_line()
    {
        Assert.Equal((12.34, 745_000L, 20.5), TimedProcess.ParseReport("12.34 745000 18.25 2.25\n"));
        Assert.Equal((0.5, 9_000L, 0.75), TimedProcess.ParseReport("Command exited with non-zero status 1\n0.50 9000 0.50 0.25\n"));
        Assert.Throws<FormatException>(() => TimedProcess.ParseReport("garbage"));
        Assert.Throws<FormatException>(() => TimedProcess.ParseReport("12.34 745000"));
    }

    [Fact]
    public void A_cli_dll_runs_under_dotnet_and_a_native_cli_on_its_own()
    {
        var (dll, dllArguments) = BzPeerCli.Command("/x/BzPeer.Cli.dll", "build", "site");
        Assert.Equal("dotnet", dll);
        Assert.Equal(["/x/BzPeer.Cli.dll", "build", "site"], dllArguments);
        var (native, nativeArguments) = BzPeerCli.Command("/x/BzPeer.Cli", "serve", "site");
        Assert.Equal("/x/BzPeer.Cli", native);
        Assert.Equal(["serve", "site"], nativeArguments);
    }

    [Fact]
    public void Median_of_odd_and_even_counts()
    {
        Assert.Equal(2.0, ResultsReport.Median([3.0, 1.0, 2.0]));
        Assert.Equal(2.5, ResultsReport.Median([4.0, 1.0, 2.0, 3.0]));
    }

    [Theory]
    [InlineData("small", 200, 1_000)]
    [InlineData("medium", 2_000, 10_000)]
    [InlineData("large", 10_000, 50_000)]
    [InlineData("30", 30, 150)]
    public void Sizes_parse_to_researchers_and_publications(string text, int researchers, int publications)
    {
        Assert.True(CorpusSize.TryParse(text, out var size));
        Assert.Equal((researchers, publications), (size.Researchers, size.Publications));
    }

    [Theory]
    [InlineData("huge")]
    [InlineData("-5")]
    [InlineData("0")]
    public void Unknown_sizes_are_refused(string text) => Assert.False(CorpusSize.TryParse(text, out _));

    [Fact]
    public void Report_shows_medians_ratio_and_pages_per_second_and_na_for_a_missing_tool()
    {
        // A warm-up build is shown beside the timed ones and counts in no median (30 s would move BzPeer's).
        var bzpeer = new ToolResult("BzPeer", [Run(1.0, 100), Run(3.0, 300), Run(2.0, 200)], null, [Run(30.0, 100)]);
        var hugo = new ToolResult("Hugo", [Run(10.0, 1000), Run(8.0, 800), Run(9.0, 900)], null);
        var missing = new ToolResult("BzPeer", [], "bzpeer build exited with code 1: boom");
        var result = new BenchResult(
            new MachineInfo(2, "23.0 GiB", "Test CPU", "6.1", ".NET 10"), "hugo v0.111.3", "warm (test)", 3, 1, "0.5", "1.5",
            [
                new SizeResult(CorpusSize.Small, bzpeer, hugo, "n/a (no serve)"),
                new SizeResult(CorpusSize.Medium, missing, hugo, "n/a (no BzPeer build)"),
            ],
            StealPercent: 12.4, Output: "/dev/shm/out (in memory, each build deleted once measured)", Warmups: 1);

        string markdown = ResultsReport.Render(result, "2026-01-01 00:00 UTC");

        // small: BzPeer median 2.0 s (CPU 3.0) / 200 MiB, Hugo median 9.0 s (CPU 13.5) / 900 MiB, 1,200 pages each.
        Assert.Contains("| small (200 / 1,000) | 1,200 / 1,200 | 2.00 | 9.00 | 0.22 | 3.0 / 13.5 | 0.22 | 200 | 900 | 0.22 | 600 | 133 | n/a (no serve) |", markdown);
        Assert.Contains("| medium (2,000 / 10,000) | — / 1,200 | n/a | 9.00 | n/a |", markdown);
        Assert.Contains("BzPeer: bzpeer build exited with code 1: boom", markdown);
        Assert.Contains("BzPeer stage timings (median ms): load 20.0 · render 200.0", markdown);
        Assert.Contains("Load average (1 min) when the runs started / ended: 0.5 / 1.5", markdown);
        Assert.Contains("CPU time stolen by the hypervisor during the runs (/proc/stat): 12%", markdown);
        Assert.Contains("Build output: /dev/shm/out (in memory, each build deleted once measured).", markdown);
        Assert.Contains("| BzPeer | 1.00, 3.00, 2.00 | 1.50, 4.50, 3.00 | 100, 300, 200 | 25%, 25%, 25% | 1,200 | 30.00 / 45.00 |", markdown);
        Assert.Contains("| Hugo | 10.00, 8.00, 9.00 | 15.00, 12.00, 13.50 | 1000, 800, 900 | 25%, 25%, 25% | 1,200 | — |", markdown);
        Assert.Contains("Runs per tool and size: 3 after 1 untimed warm-up build per tool (reported below, in no median), alternating the tools", markdown);
    }

    [Fact]
    public void An_output_folder_is_on_the_file_system_of_the_longest_mount_point_that_holds_it()
    {
        string[] mounts =
        [
            "/dev/vda / ext4 rw,relatime,discard 0 0",
            "tmpfs /dev/shm tmpfs rw,nosuid,nodev 0 0",
            "proc /proc proc rw 0 0",
            "tmpfs /mnt/with\\040space tmpfs rw 0 0",
        ];

        Assert.Equal("tmpfs", OutputFolders.FileSystemOf("/dev/shm/bzpeer-bench-out", mounts));
        Assert.Equal("tmpfs", OutputFolders.FileSystemOf("/dev/shm", mounts));
        Assert.Equal("ext4", OutputFolders.FileSystemOf("/dev/shmother/out", mounts));
        Assert.Equal("ext4", OutputFolders.FileSystemOf("/tmp/bzpeer-bench/out", mounts));
        Assert.Equal("tmpfs", OutputFolders.FileSystemOf("/mnt/with space/out", mounts));
        Assert.Null(OutputFolders.FileSystemOf("/tmp/x", ["garbage"]));
    }

    [Fact]
    public void Builds_in_memory_are_deleted_once_measured_and_on_disk_at_the_end()
    {
        var disk = Path.Combine(Path.GetTempPath(), "bzpeer-folders-" + Guid.NewGuid().ToString("N"));
        var onDisk = OutputFolders.FileSystemOf(disk, File.ReadLines("/proc/mounts")) is not ("tmpfs" or "ramfs");
        string first;
        using (var folders = new OutputFolders(disk))
        {
            first = folders.For("small", "BzPeer", "1");
            Directory.CreateDirectory(first);
            folders.Done(first);
            Assert.Equal(!onDisk, folders.InMemory);
            Assert.Equal(onDisk, Directory.Exists(first));
        }

        Assert.False(Directory.Exists(disk));
        // On the disk the end of the delete is noted, so that the next benchmark can wait out ext4's inode reuse delay.
        Assert.Equal(onDisk, File.Exists(disk + ".deleted"));
        File.Delete(disk + ".deleted");
        if (Directory.Exists("/dev/shm"))
        {
            var memory = Path.Combine("/dev/shm", "bzpeer-folders-" + Guid.NewGuid().ToString("N"));
            using var folders = new OutputFolders(memory);
            Assert.True(folders.InMemory);
            var build = folders.For("small", "Hugo", "warmup-1");
            Directory.CreateDirectory(build);
            folders.Done(build);
            Assert.False(Directory.Exists(build));
        }
    }

    [Fact]
    public void A_benchmark_waits_out_ext4s_inode_reuse_delay_after_an_earlier_delete()
    {
        var now = new DateTime(2026, 12, 6, 19, 0, 0, DateTimeKind.Utc);
        Assert.Equal(TimeSpan.Zero, OutputFolders.WaitAfterDelete(null, now));
        Assert.Equal(TimeSpan.FromSeconds(240), OutputFolders.WaitAfterDelete(now.AddSeconds(-60), now));
        Assert.Equal(TimeSpan.FromSeconds(300), OutputFolders.WaitAfterDelete(now, now));
        Assert.Equal(TimeSpan.Zero, OutputFolders.WaitAfterDelete(now.AddSeconds(-300), now));
        Assert.Equal(TimeSpan.Zero, OutputFolders.WaitAfterDelete(now.AddHours(-2), now));
        // A marker from the future (a clock set back) is not a reason to wait.
        Assert.Equal(TimeSpan.Zero, OutputFolders.WaitAfterDelete(now.AddMinutes(1), now));
    }

    [Fact]
    public void Stolen_cpu_time_is_the_steal_columns_share_of_all_ticks_between_two_readings()
    {
        // cpu user nice system idle iowait irq softirq steal guest guest_nice
        var before = CpuSteal.Parse("cpu  1000 0 200 5000 100 0 50 150 0 0");
        var after = CpuSteal.Parse("cpu  1600 0 300 5200 100 0 50 350 400 0");
        Assert.Equal(new CpuSteal(6500, 150), before);
        // 1,100 ticks passed, 200 of them stolen; guest time is already in user.
        Assert.Equal(100.0 * 200 / 1100, CpuSteal.Percent(before, after)!.Value, precision: 9);
        Assert.Null(CpuSteal.Percent(before, before));
        Assert.Null(CpuSteal.Percent(null, after));
        Assert.Null(CpuSteal.Parse("cpu0 1 2 3 4 5 6 7 8"));
        Assert.Null(CpuSteal.Parse("cpu  1 2 3 4"));
        Assert.Null(CpuSteal.Parse("cpu  1 2 x 4 5 6 7 8"));
    }

    private static BuildRun Run(double seconds, long mib) =>
        new(seconds, seconds * 1.5, mib * 1024, 1_200, [new("load", seconds * 10), new("render", seconds * 100)], StealPercent: 25);
}
