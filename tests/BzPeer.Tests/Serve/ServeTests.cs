using System.Net;
using System.Net.Sockets;
using System.Text;
using BzPeer.Cli.Serve;
using BzPeer.Tests.Support;

namespace BzPeer.Tests.Serve;

/// <summary><c>bzpeer serve</c> over real HTTP on a free port, with real file edits picked up by the watcher.</summary>
public sealed class ServeTests : IAsyncLifetime
{
    private readonly TestSite _site = TestSite.Demo();
    private readonly StringWriter _log = new();
    private PreviewServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await PreviewServer.StartAsync(_site.Root, 0, TextWriter.Synchronized(_log));
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_server.Url.GetLeftPart(UriPartial.Authority)) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _site.Dispose();
    }

    [Fact]
    public void The_host_reads_and_watches_no_configuration_file()
    {
        // By default the host read appsettings.json from the current folder and watched it recursively, which used
        // up the inotify watches when serve was started above a big tree and left the site's own watcher with none.
        Assert.Empty(_server.HostConfiguration.Providers.OfType<Microsoft.Extensions.Configuration.FileConfigurationProvider>());
    }

    [Fact]
    public async Task Pages_are_served_under_the_base_path_with_their_content_types()
    {
        Assert.Equal("/bzpeer/", _server.Url.AbsolutePath);
        var root = await _http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/bzpeer/", root.Headers.Location!.OriginalString);

        var profile = await _http.GetAsync("/bzpeer/researchers/milad-hashemi/");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Equal("text/html", profile.Content.Headers.ContentType!.MediaType);
        var html = await profile.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Milad Hashemi</h1>", html);
        Assert.Contains("<script src=\"/__bzpeer/live.js\" defer></script>", html);

        var slice = await _http.GetAsync("/bzpeer/graph/researchers/milad-hashemi.json");
        Assert.Equal("application/json", slice.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"center\":\"r:milad-hashemi\"", await slice.Content.ReadAsStringAsync());

        var missing = await _http.GetAsync("/bzpeer/no/such/page/");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Page not found", await missing.Content.ReadAsStringAsync());

        var noSlash = await _http.GetAsync("/bzpeer/researchers");
        Assert.Equal(HttpStatusCode.Redirect, noSlash.StatusCode);
        Assert.Equal("/bzpeer/researchers/", noSlash.Headers.Location!.OriginalString);
    }

    [Fact]
    public void The_built_output_never_contains_the_live_reload_script()
    {
        var result = _site.Build();
        Assert.True(result.Succeeded);
        Assert.NotEmpty(result.Paths);
        Assert.All(result.Paths, path => Assert.DoesNotContain("__bzpeer", _site.Read(path), StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_edit_shows_up_a_broken_edit_shows_the_overlay_and_fixing_it_recovers()
    {
        var path = Path.Combine(_site.Root, "content/publications/apollo-2021.md");
        var original = await File.ReadAllTextAsync(path);
        Assert.Contains("Apollo: Transferable", await Get("/bzpeer/publications/apollo-2021/"));

        await File.WriteAllTextAsync(path, original.Replace("Apollo: Transferable Architecture Exploration", "Apollo Renamed By A Test"));
        await Eventually(async () => (await Get("/bzpeer/publications/apollo-2021/")).Contains("Apollo Renamed By A Test"));
        // The author's profile lists the work under its new title too.
        Assert.Contains("Apollo Renamed By A Test", await Get("/bzpeer/researchers/milad-hashemi/"));

        await File.WriteAllTextAsync(path, original.Replace("year: 2021", "year: twenty-one"));
        await Eventually(async () =>
        {
            var response = await _http.GetAsync("/bzpeer/publications/apollo-2021/");
            var body = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.InternalServerError
                && body.Contains("content/publications/apollo-2021.md(4,7)") && body.Contains("BZP108");
        });
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/__bzpeer/live.js")).StatusCode);

        await File.WriteAllTextAsync(path, original);
        await Eventually(async () => (await _http.GetAsync("/bzpeer/publications/apollo-2021/")).StatusCode == HttpStatusCode.OK);
        Assert.Contains("Apollo: Transferable", await Get("/bzpeer/publications/apollo-2021/"));
        Assert.Contains("incremental rebuild", _log.ToString());
    }

    [Fact]
    public async Task The_live_reload_stream_sends_a_reload_event_after_an_edit()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var stream = await _http.GetStreamAsync("/__bzpeer/events", cancel.Token);
        using var reader = new StreamReader(stream);
        Assert.StartsWith(": connected", await reader.ReadLineAsync(cancel.Token));
        var path = Path.Combine(_site.Root, "content/researchers/kevin-swersky.md");
        await File.AppendAllTextAsync(path, "\nKevin works on machine learning.\n", cancel.Token);
        string? line;
        do
        {
            line = await reader.ReadLineAsync(cancel.Token);
        }
        while (line is not null && !line.StartsWith("event: reload", StringComparison.Ordinal));
        Assert.Equal("event: reload", line);
    }

    [Theory]
    [InlineData("/bzpeer/../site.yml")]
    [InlineData("/bzpeer/%2e%2e/site.yml")]
    [InlineData("/bzpeer/..%2fsite.yml")]
    [InlineData("/bzpeer/..%5csite.yml")]
    [InlineData("/bzpeer/..\\site.yml")]
    [InlineData("/bzpeer/researchers/..%2f..%2f..%2fsite.yml")]
    [InlineData("/bzpeer/content/researchers/milad-hashemi.md")]
    [InlineData("/bzpeer/%2fetc%2fpasswd")]
    [InlineData("/bzpeer//etc/passwd")]
    [InlineData("/site.yml")]
    public async Task Traversal_attempts_never_return_a_file_outside_the_output(string target)
    {
        var response = await RawGet(target);
        Assert.DoesNotContain("title: BzPeer demo", response);
        Assert.DoesNotContain("root:x:0:0", response);
        Assert.DoesNotContain("name: \"Milad Hashemi\"", response);
        Assert.Matches(@"^HTTP/1\.1 (400|404)", response);
    }

    private async Task<string> Get(string path) => await (await _http.GetAsync(path)).Content.ReadAsStringAsync();

    /// <summary>Sends the request target byte for byte (HttpClient would normalise '..').</summary>
    private async Task<string> RawGet(string target)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _server.Url.Port);
        await using var stream = client.GetStream();
        var request = Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.True(await condition(), "condition not met within 20 s");
    }
}
