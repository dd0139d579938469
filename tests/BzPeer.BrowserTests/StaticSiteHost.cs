using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace BzPeer.BrowserTests;

/// <summary>
/// Serves a folder over real HTTP on 127.0.0.1 and a free port, under a path
/// base (like a GitHub Pages project site), so the browser sees what a
/// visitor would: real origins, content types, and the page's own CSP.
/// </summary>
internal sealed class StaticSiteHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private StaticSiteHost(WebApplication app, Uri origin)
    {
        this.app = app;
        Origin = origin;
    }

    /// <summary>Scheme, host and port, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public Uri Origin { get; }

    public string OriginText => Origin.GetLeftPart(UriPartial.Authority);

    public static async Task<StaticSiteHost> StartAsync(string root, string pathBase)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = root });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();

        var files = new PhysicalFileProvider(root);
        var requestPath = new PathString(pathBase.TrimEnd('/'));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = requestPath });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = requestPath,
            // Every test run rebuilds the files; never let a cached copy answer.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-store",
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new StaticSiteHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
