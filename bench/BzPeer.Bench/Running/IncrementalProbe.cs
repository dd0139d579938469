using System.Diagnostics;
using System.Globalization;

namespace BzPeer.Bench.Running;

/// <summary>
/// HOOK(incremental): the incremental-rebuild latency for one edited publication, measured through
/// <c>bzpeer serve</c>: start it on a free port, wait for the first page, change one publication's title,
/// and time until the served page shows the new title (median of three edits; the file is restored after).
/// Until <c>bzpeer serve</c> exists (and serves pages) this reports "n/a" with the reason.
/// </summary>
internal static class IncrementalProbe
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan EditTimeout = TimeSpan.FromSeconds(60);

    public static string Measure(string cli, string site)
    {
        string publications = Path.Combine(site, "content", "publications");
        string? file = Directory.Exists(publications)
            ? Directory.EnumerateFiles(publications, "*.md").Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (file is null)
        {
            return "n/a (no publication to edit)";
        }
        int port = FreePort();
        var (fileName, arguments) = BzPeerCli.Command(cli, "serve", site, "--port", port.ToString(CultureInfo.InvariantCulture));
        var start = new ProcessStartInfo(fileName) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        string original = File.ReadAllText(file);
        using var process = Process.Start(start);
        if (process is null)
        {
            return "n/a (could not start bzpeer serve)";
        }
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        string baseUrl = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/";
        try
        {
            if (!WaitUntil(() => !process.HasExited && Fetch(http, baseUrl) is not null, StartTimeout, () => process.HasExited))
            {
                return process.HasExited
                    ? $"n/a (bzpeer serve is not available yet: it exited with code {process.ExitCode} without serving)"
                    : "n/a (bzpeer serve did not answer within 5 minutes)";
            }
            string id = Path.GetFileNameWithoutExtension(file);
            string pageUrl = $"{baseUrl}publications/{id}/";
            var latencies = new List<double>();
            for (int edit = 1; edit <= 3; edit++)
            {
                string marker = $"Edited{edit.ToString(CultureInfo.InvariantCulture)}Marker";
                File.WriteAllText(file, original.Replace("title: \"", $"title: \"{marker} ", StringComparison.Ordinal));
                var clock = Stopwatch.StartNew();
                if (!WaitUntil(() => Fetch(http, pageUrl)?.Contains(marker, StringComparison.Ordinal) == true, EditTimeout, () => process.HasExited))
                {
                    return "n/a (the edited title did not appear within 60 s)";
                }
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }
            latencies.Sort();
            return latencies[1].ToString("F0", CultureInfo.InvariantCulture) + " ms" + ServerMemory(process.Id);
        }
        finally
        {
            File.WriteAllText(file, original);
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
    }

    /// <summary>The server's resident memory now and at its peak (Linux /proc), e.g. " (server 812 MiB, peak 1,030 MiB)".</summary>
    private static string ServerMemory(int pid)
    {
        try
        {
            var status = File.ReadAllLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status");
            string Field(string name) => status.FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal)) is { } line
                ? (long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).ToString("N0", CultureInfo.InvariantCulture)
                : "?";
            return $" (server {Field("VmRSS")} MiB, peak {Field("VmHWM")} MiB)";
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static bool WaitUntil(Func<bool> condition, TimeSpan timeout, Func<bool> giveUp)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (condition())
            {
                return true;
            }
            if (giveUp())
            {
                return false;
            }
            Thread.Sleep(10);
        }
        return false;
    }

    private static string? Fetch(HttpClient http, string url)
    {
        try
        {
            using var response = http.GetAsync(url).GetAwaiter().GetResult();
            return response.IsSuccessStatusCode ? response.Content.ReadAsStringAsync().GetAwaiter().GetResult() : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
