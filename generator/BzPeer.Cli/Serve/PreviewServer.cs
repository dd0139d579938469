using System.Net;
using System.Text;
using BzPeer.Diagnostics;
using BzPeer.Serve;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BzPeer.Cli.Serve;

/// <summary>
/// <c>bzpeer serve</c>: Kestrel on 127.0.0.1 only, serving the in-memory <see cref="PreviewSite"/> under the site's
/// base path. Nothing is read from disk to answer a request, so no path can reach a file outside the output.
/// Live reload is a Server-Sent Events stream plus one external script, injected only here, never into a build.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    internal const string Prefix = "/__bzpeer/";
    private readonly WebApplication _app;
    private readonly PreviewSite _site;
    private readonly SiteWatcher _watcher;
    private readonly TextWriter _log;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PreviewServer(WebApplication app, PreviewSite site, string siteDirectory, TextWriter log, Uri url)
    {
        _app = app;
        _site = site;
        _log = log;
        Url = url;
        _watcher = new SiteWatcher(siteDirectory, OnChanged, e => _log.WriteLine($"watching for changes failed: {e.Message} (edits are no longer picked up; on Linux, see fs.inotify.max_user_watches)"));
    }

    /// <summary>The site's address, including its base path.</summary>
    public Uri Url { get; }

    public PreviewSite Site => _site;

    /// <summary>Starts serving; port 0 picks a free port.</summary>
    public static async Task<PreviewServer> StartAsync(string siteDirectory, int port, TextWriter log)
    {
        port = port == 0 ? FreePort() : port;
        var config = Configuration.SiteConfigLoader.Load(siteDirectory, new DiagnosticBag());
        var baseUrl = $"http://127.0.0.1:{port}{config.BasePath}";
        var site = new PreviewSite(siteDirectory, baseUrl);
        // The host's defaults read appsettings.json from the current folder and watch it with a recursive inotify
        // watcher: started above a big tree (a home folder, old build output) that used up the user's inotify
        // watches, the site's own watcher got none, and edits were silently never rebuilt. A settings file could
        // also rebind Kestrel beyond loopback. So nothing is watched and no configuration is read at all.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = Path.GetFullPath(siteDirectory),
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var server = new PreviewServer(app, site, siteDirectory, log, new Uri(baseUrl));
        app.Run(server.HandleAsync);
        await app.StartAsync();
        log.WriteLine($"Serving {Path.GetFullPath(siteDirectory)} at {baseUrl} (Ctrl+C to stop)");
        log.WriteLine(site.LastReport.ToString());
        server.PrintDiagnostics();
        return server;
    }

    /// <summary>The host's configuration, for the test that it reads no configuration file.</summary>
    internal Microsoft.Extensions.Configuration.IConfigurationRoot HostConfiguration => (Microsoft.Extensions.Configuration.IConfigurationRoot)_app.Configuration;

    public Task WaitForShutdownAsync(CancellationToken cancellation) => _app.WaitForShutdownAsync(cancellation);

    public async ValueTask DisposeAsync()
    {
        _watcher.Dispose();
        _changed.TrySetCanceled();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Applies changes now (the watcher calls this after a short debounce; tests may call it directly).</summary>
    public RebuildReport Apply(IReadOnlyList<string> changed)
    {
        var report = _site.Apply(changed);
        _log.WriteLine(report.ToString());
        PrintDiagnostics();
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return report;
    }

    private void OnChanged(IReadOnlyList<string> changed)
    {
        try
        {
            Apply(changed);
        }
        catch (Exception e)
        {
            // A rebuild must never take the server down; report and keep serving the last good state.
            _log.WriteLine($"rebuild failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private void PrintDiagnostics()
    {
        foreach (var diagnostic in _site.Diagnostics)
        {
            _log.WriteLine(DiagnosticFormatter.ForConsole(diagnostic, _site.SourceLine));
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        context.Response.Headers["Cache-Control"] = "no-store";
        if (path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            await ServeInternalAsync(context, path[Prefix.Length..]);
            return;
        }

        var basePath = _site.BasePath;
        if (!path.StartsWith(basePath, StringComparison.Ordinal))
        {
            if (path == "/" || path + "/" == basePath)
            {
                context.Response.Redirect(basePath);
                return;
            }

            await NotFoundAsync(context);
            return;
        }

        var relative = path[basePath.Length..];
        if (!IsClean(relative))
        {
            await NotFoundAsync(context);
            return;
        }

        if (_site.HasErrors && (relative.Length == 0 || relative.EndsWith('/') || relative.EndsWith(".html", StringComparison.Ordinal)))
        {
            await WriteAsync(context, 500, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(ErrorOverlay.Html(_site)));
            return;
        }

        var bytes = _site.Get(relative);
        if (bytes is null && !relative.EndsWith('/') && _site.IsDirectory(relative))
        {
            context.Response.Redirect(basePath + relative + "/");
            return;
        }

        if (bytes is null)
        {
            await NotFoundAsync(context);
            return;
        }

        var file = relative.Length == 0 || relative.EndsWith('/') ? "index.html" : relative;
        await WriteAsync(context, 200, ContentTypes.For(file), file.EndsWith(".html", StringComparison.Ordinal) ? InjectLiveReload(bytes) : bytes);
    }

    /// <summary>Output paths never contain these, so requests that do are answered 404 without a lookup.</summary>
    private static bool IsClean(string relative) =>
        !relative.Contains('\\') && !relative.Contains('\0') && !relative.Split('/').Any(part => part is ".." or ".") && !relative.StartsWith('/');

    private async Task NotFoundAsync(HttpContext context)
    {
        var page = _site.HasErrors ? null : _site.Get("404.html");
        await WriteAsync(context, 404, "text/html; charset=utf-8", page is null ? Encoding.UTF8.GetBytes("Not found") : InjectLiveReload(page));
    }

    private async Task ServeInternalAsync(HttpContext context, string name)
    {
        switch (name)
        {
            case "live.js":
                await WriteAsync(context, 200, "text/javascript; charset=utf-8", Encoding.UTF8.GetBytes(LiveReloadScript));
                break;
            case "overlay.css":
                await WriteAsync(context, 200, "text/css; charset=utf-8", Encoding.UTF8.GetBytes(ErrorOverlay.Css));
                break;
            case "events":
                await StreamEventsAsync(context);
                break;
            default:
                await NotFoundAsync(context);
                break;
        }
    }

    private async Task StreamEventsAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        var aborted = context.RequestAborted;
        await context.Response.WriteAsync($": connected at version {_site.Version}\n\n", aborted);
        await context.Response.Body.FlushAsync(aborted);
        try
        {
            while (!aborted.IsCancellationRequested)
            {
                var changed = _changed.Task;
                var finished = await Task.WhenAny(changed, Task.Delay(TimeSpan.FromSeconds(15), aborted));
                var message = finished == changed && changed.IsCompletedSuccessfully
                    ? $"event: reload\ndata: {_site.Version}\n\n"
                    : ": keep-alive\n\n";
                await context.Response.WriteAsync(message, aborted);
                await context.Response.Body.FlushAsync(aborted);
                if (changed.IsCanceled)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The browser went away.
        }
    }

    private static byte[] InjectLiveReload(byte[] html)
    {
        var text = Encoding.UTF8.GetString(html);
        var at = text.IndexOf("</head>", StringComparison.Ordinal);
        return at < 0 ? html : Encoding.UTF8.GetBytes(text.Insert(at, $"<script src=\"{Prefix}live.js\" defer></script>\n"));
    }

    private static async Task WriteAsync(HttpContext context, int status, string contentType, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private const string LiveReloadScript = """
        // BzPeer serve: reload when the site is rebuilt. Injected by `bzpeer serve` only, never into a build.
        (function () {
          "use strict";
          var source = new EventSource("/__bzpeer/events");
          source.addEventListener("reload", function () { window.location.reload(); });
        })();
        """;
}
