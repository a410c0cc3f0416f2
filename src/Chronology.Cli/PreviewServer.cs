using System.Net;
using System.Net.ServerSentEvents;
using System.Text;
using System.Threading.Channels;
using Chronology.Diagnostics;
using Chronology.Site;
using Chronology.Theme;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chronology.Cli;

/// <summary>
/// <c>serve</c>: builds the site into a private folder, serves it on 127.0.0.1 only, rebuilds when anything under
/// the content folder changes, and tells open pages to reload (Server-Sent Events; the script is added to pages as
/// they are served, never to the built files). A failed rebuild keeps serving the last good site and shows the
/// problems on the open pages and in the terminal; nothing is written to the maintainer's own output folder.
/// <para>
/// An edit shows without waiting for the whole site: as soon as the content is loaded and checked, open pages
/// reload and each page asked for is rendered from the new model (the same HTML the build writes). The full
/// build (every file, the link check) then runs in the background and updates the private folder, from which
/// everything that is not a page (stylesheets, data, the search index) is served by ASP.NET Core's static files.
/// </para>
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    public const string ScriptUrl = "/__chronology/live-reload.js";
    public const string EventsUrl = "/__chronology/events";
    public const string ProblemsStyleUrl = "/__chronology/problems.css";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>Editors save in bursts (a temporary file, a rename, a touch): a rebuild waits until the folder has been quiet this long.</summary>
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(50);

    private readonly string _content;
    private readonly string _output;
    private readonly TextWriter _log;
    private readonly WebApplication _app;
    private readonly FileSystemWatcher _watcher;
    private readonly Channel<bool> _changes = Channel.CreateUnbounded<bool>();
    private readonly List<Channel<SseItem<string>>> _listeners = [];
    private readonly CancellationTokenSource _stopping = new();
    private Task _rebuilding = Task.CompletedTask;
    private readonly Loading.ContentCache _parsed = new(); // an edit parses only the files it touched
    private SiteRenderer.OnDemand? _pages;
    private CancellationTokenSource? _writing;
    private Task _written = Task.CompletedTask;
    private string? _lastProblemsHtml;

    private PreviewServer(string content, int port, TextWriter log)
    {
        _content = Path.GetFullPath(content);
        _output = Path.Combine(Path.GetTempPath(), "chronology-serve-" + Guid.NewGuid().ToString("N"), "site");
        _log = log;

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.Configure<Microsoft.Extensions.Hosting.ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            if (!await HandleAsync(context)) await next(context);
        });
        Directory.CreateDirectory(_output);
        _app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(_output),
            ContentTypeProvider = ContentTypes,
            ServeUnknownFileTypes = true, // the citation files (.bib, .ris) as the build writes them
            DefaultContentType = "application/octet-stream",
            OnPrepareResponse = file =>
            {
                file.Context.Response.Headers.CacheControl = "no-store";
                if (file.Context.Response.ContentType is { } type && type.StartsWith("text/", StringComparison.Ordinal) && !type.Contains("charset", StringComparison.Ordinal))
                    file.Context.Response.ContentType = type + "; charset=utf-8";
            },
        });
        _app.Run(NotFoundAsync);

        _watcher = new FileSystemWatcher(_content) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
        FileSystemEventHandler changed = (_, _) => _changes.Writer.TryWrite(true);
        _watcher.Changed += changed;
        _watcher.Created += changed;
        _watcher.Deleted += changed;
        _watcher.Renamed += (_, _) => _changes.Writer.TryWrite(true);
    }

    /// <summary>The address pages are served from, e.g. http://127.0.0.1:8080.</summary>
    public string Address { get; private set; } = "";

    /// <summary>How many builds have run (the first included); for tests and the terminal.</summary>
    public int Builds { get; private set; }

    public static async Task<PreviewServer> StartAsync(string content, int port, TextWriter log)
    {
        var server = new PreviewServer(content, port, log);
        await server.BuildAsync(waitForFiles: true);
        await server._app.StartAsync();
        server.Address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server._watcher.EnableRaisingEvents = true;
        server._rebuilding = server.WatchAsync(server._stopping.Token);
        return server;
    }

    /// <summary>
    /// Signalled when the host is told to stop: the host's console lifetime takes SIGTERM and Ctrl+C (SIGINT) and
    /// reports them here, so <see cref="RunAsync"/> must wait on this as well as on the command's own cancellation.
    /// </summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>Runs until Ctrl+C or SIGTERM, then stops at once.</summary>
    public static async Task<int> RunAsync(string content, int port, TextWriter log, CancellationToken cancellation)
    {
        if (!Directory.Exists(content))
        {
            await log.WriteLineAsync($"{content}: no such folder");
            return 2;
        }
        await using var server = await StartAsync(content, port, log);
        await log.WriteLineAsync($"serving {server.Address}/ from {content} (rebuilds and reloads open pages on every change; Ctrl+C stops)");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, server.Stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
        return 0;
    }

    private async Task WatchAsync(CancellationToken cancellation)
    {
        try
        {
            while (await _changes.Reader.WaitToReadAsync(cancellation))
            {
                // Editors save in bursts (temporary file, rename, touch): wait until the folder is quiet.
                do
                {
                    while (_changes.Reader.TryRead(out _)) { }
                    await Task.Delay(QuietPeriod, cancellation);
                }
                while (_changes.Reader.TryRead(out _));
                await BuildAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Loads and checks the content; if it is good, pages are served from it at once and open pages reload, and
    /// the whole site is then written in the background (a newer edit cancels an older write).
    /// </summary>
    private async Task BuildAsync(bool waitForFiles = false)
    {
        Builds++;
        var diagnostics = new DiagnosticBag();
        var site = SiteBuild.Prepare(_content, diagnostics, cache: _parsed);
        if (site is null)
        {
            await ReportFailureAsync(diagnostics);
            return;
        }
        // Pages come from the new model at once; the files follow in the background.
        _pages = new SiteRenderer.OnDemand(site);
        var build = Builds;
        _lastProblemsHtml = null;
        Broadcast(new SseItem<string>(build.ToString(System.Globalization.CultureInfo.InvariantCulture), "reload"));

        // A newer edit cancels an older write; the new write starts once the older one has stopped.
        var older = _written;
        if (_writing is { } olderWriting) await olderWriting.CancelAsync();
        var writing = _writing = new CancellationTokenSource();
        _written = Task.Run(async () =>
        {
            await older.ContinueWith(_ => { }, TaskScheduler.Default);
            try
            {
                // After an edit, on one core fewer than the machine has, so that the next edit is checked and shown
                // without waiting for this write; the first build, which nobody is waiting to edit, on every core.
                var workers = build > 1 ? Math.Max(1, Environment.ProcessorCount - 1) : (int?)null;
                var result = await SiteBuild.WriteAsync(site, _output, diagnostics, cancellation: writing.Token, workers: workers);
                if (writing.IsCancellationRequested) return;
                if (result.Published)
                    await _log.WriteLineAsync($"build {build}: {result.PageCount} pages" + (build > 1 ? "; open pages reloaded" : ""));
                else
                    await ReportFailureAsync(diagnostics);
            }
            catch (OperationCanceledException)
            {
            }
        });
        if (waitForFiles) await _written;
    }

    private async Task ReportFailureAsync(DiagnosticBag diagnostics)
    {
        var errors = diagnostics.Sorted().Where(d => d.Severity == Severity.Error).ToList();
        var problems = DiagnosticReport.Format(errors, "text");
        _lastProblemsHtml = ProblemsHtml(errors);
        await _log.WriteAsync(problems);
        await _log.WriteLineAsync($"build {Builds} failed; still serving the last good build");
        Broadcast(new SseItem<string>(problems.TrimEnd('\n'), "failed")); // one data: line per line of text
    }

    private void Broadcast(SseItem<string> message)
    {
        lock (_listeners)
        {
            foreach (var listener in _listeners) listener.Writer.TryWrite(message);
        }
    }

    /// <summary>The server's own addresses and the site's pages; false for anything else (static files come next).</summary>
    private async Task<bool> HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path == EventsUrl)
        {
            await StreamEventsAsync(context);
            return true;
        }
        if (path == ProblemsStyleUrl)
        {
            context.Response.ContentType = "text/css; charset=utf-8";
            await context.Response.WriteAsync(ProblemsStyle);
            return true;
        }
        if (path == ScriptUrl)
        {
            context.Response.ContentType = "text/javascript; charset=utf-8";
            await context.Response.WriteAsync(LiveReloadScript);
            return true;
        }
        if (_pages is null)
        {
            // No build has succeeded yet: every address shows the problems.
            context.Response.StatusCode = (int)HttpStatusCode.ServiceUnavailable;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(ProblemsPage(_lastProblemsHtml ?? ""));
            return true;
        }
        var url = path.EndsWith("/index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path;
        return await ServePageAsync(context, url, HttpStatusCode.OK);
    }

    private async Task NotFoundAsync(HttpContext context)
    {
        if (!await ServePageAsync(context, SiteUrls.NotFound, HttpStatusCode.NotFound))
            context.Response.StatusCode = (int)HttpStatusCode.NotFound;
    }

    /// <summary>A page of the site, rendered from the current model, with the live-reload script and any problems.</summary>
    private async Task<bool> ServePageAsync(HttpContext context, string url, HttpStatusCode status)
    {
        if (_pages is not { } pages || await pages.RenderAsync(url) is not { } html) return false;
        context.Response.StatusCode = (int)status;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        if (_lastProblemsHtml is { } block) html = WithProblems(html, block);
        await context.Response.WriteAsync(WithLiveReload(html));
        return true;
    }

    /// <summary>Server-Sent Events, written by ASP.NET Core (<see cref="TypedResults.ServerSentEvents{T}(IAsyncEnumerable{SseItem{T}}, string?)"/>).</summary>
    private async Task StreamEventsAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        var listener = Channel.CreateUnbounded<SseItem<string>>();
        lock (_listeners) _listeners.Add(listener);
        async IAsyncEnumerable<SseItem<string>> Events([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation = default)
        {
            // The page already shows the problems of the build it was served from (in its HTML, without script).
            yield return new SseItem<string>(Builds.ToString(System.Globalization.CultureInfo.InvariantCulture), "hello");
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, context.RequestAborted, _stopping.Token);
            var reader = listener.Reader.ReadAllAsync(stop.Token).GetAsyncEnumerator();
            while (true)
            {
                try
                {
                    if (!await reader.MoveNextAsync()) yield break;
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }
                yield return reader.Current;
            }
        }
        try
        {
            await TypedResults.ServerSentEvents(Events()).ExecuteAsync(context);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_listeners) _listeners.Remove(listener);
        }
    }

    internal static string WithLiveReload(string html)
    {
        const string tag = "<script src=\"" + ScriptUrl + "\" defer></script>";
        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html + tag : html.Insert(at, tag);
    }

    /// <summary>
    /// A failed build's errors as HTML, each at file:line:col with what its code means and how to fix it (from
    /// docs/diagnostics.md). Served inside every page until a build succeeds, so it needs no script.
    /// </summary>
    internal static string ProblemsHtml(IEnumerable<Diagnostic> errors)
    {
        var list = errors.ToList();
        var html = new StringBuilder();
        html.Append("<section class=\"chronology-build-problems\" role=\"alert\" aria-labelledby=\"chronology-build-problems-title\">")
            .Append("<h2 id=\"chronology-build-problems-title\">The build failed: ").Append(list.Count).Append(list.Count == 1 ? " error" : " errors")
            .Append("</h2><p>This page is the last good build. Fix these problems and save; the preview rebuilds by itself.</p><ol>");
        foreach (var d in list)
        {
            html.Append("<li><code>").Append(WebUtility.HtmlEncode($"{d.File}:{d.Line}:{d.Column}")).Append("</code> <strong>")
                .Append(WebUtility.HtmlEncode(d.Code)).Append("</strong>: ").Append(WebUtility.HtmlEncode(d.Message));
            if (DiagnosticDocs.Explain(d.Code) is { } why)
                html.Append("<br><span>").Append(WebUtility.HtmlEncode(why.Meaning)).Append(" How to fix: ").Append(WebUtility.HtmlEncode(why.Fix)).Append("</span>");
            html.Append("</li>");
        }
        return html.Append("</ol></section>").ToString();
    }

    /// <summary>The problems block at the start of the page's body, with its stylesheet (the site's CSP allows only its own styles).</summary>
    internal static string WithProblems(string html, string block)
    {
        var body = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var at = body < 0 ? -1 : html.IndexOf('>', body);
        var insert = $"<link rel=\"stylesheet\" href=\"{ProblemsStyleUrl}\">" + block;
        return at < 0 ? insert + html : html.Insert(at + 1, insert);
    }

    private static string ProblemsPage(string block) => WithLiveReload(
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title><link rel=\"stylesheet\" href=\"{ProblemsStyleUrl}\"></head><body><main>"
        + "<h1>No build has succeeded yet</h1>" + block + "</main></body></html>");

    private const string ProblemsStyle = """
        .chronology-build-problems { margin: 0; padding: 1rem 1.25rem; background: #fff0f0; color: #5a0000; border-bottom: 4px solid #b00020; font: 1rem/1.5 system-ui, sans-serif; }
        .chronology-build-problems h2 { margin: 0 0 .5rem; font-size: 1.25rem; }
        .chronology-build-problems ol { padding-left: 1.5rem; }
        .chronology-build-problems li { margin: .5rem 0; overflow-wrap: anywhere; }
        .chronology-build-problems code { font-size: .95em; }
        """;

    /// <summary>
    /// Reloads the page after every rebuild: a good one shows the new site, a failed one the same page with the
    /// problems (which the server writes into the HTML, so they show without this script too).
    /// </summary>
    private const string LiveReloadScript = """
        (function () {
          "use strict";
          var events = new EventSource("/__chronology/events");
          var seen = null;
          events.addEventListener("hello", function (e) {
            if (seen !== null && e.data !== seen) location.reload();
            seen = e.data;
          });
          events.addEventListener("reload", function () { location.reload(); });
          events.addEventListener("failed", function () { location.reload(); });
        })();
        """;

    public async ValueTask DisposeAsync()
    {
        _watcher.EnableRaisingEvents = false;
        _watcher.Dispose();
        await _stopping.CancelAsync();
        _changes.Writer.TryComplete();
        await _rebuilding;
        if (_writing is { } writing) await writing.CancelAsync();
        await _written.ContinueWith(_ => { }, TaskScheduler.Default);
        await _app.StopAsync();
        await _app.DisposeAsync();
        var root = Path.GetDirectoryName(_output)!;
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        _stopping.Dispose();
    }
}
