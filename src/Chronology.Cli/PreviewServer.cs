using System.Net;
using System.Text;
using System.Threading.Channels;
using Chronology.Diagnostics;
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
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    public const string ScriptUrl = "/__chronology/live-reload.js";
    public const string EventsUrl = "/__chronology/events";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly string _content;
    private readonly string _output;
    private readonly TextWriter _log;
    private readonly WebApplication _app;
    private readonly FileSystemWatcher _watcher;
    private readonly Channel<bool> _changes = Channel.CreateUnbounded<bool>();
    private readonly List<Channel<string>> _listeners = [];
    private readonly CancellationTokenSource _stopping = new();
    private Task _rebuilding = Task.CompletedTask;
    private string? _lastProblems;

    private PreviewServer(string content, int port, TextWriter log)
    {
        _content = Path.GetFullPath(content);
        _output = Path.Combine(Path.GetTempPath(), "chronology-serve-" + Guid.NewGuid().ToString("N"), "site");
        _log = log;

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(HandleAsync);

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
        await server.BuildAsync();
        await server._app.StartAsync();
        server.Address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server._watcher.EnableRaisingEvents = true;
        server._rebuilding = server.WatchAsync(server._stopping.Token);
        return server;
    }

    /// <summary>Runs until cancelled (Ctrl+C).</summary>
    public static async Task<int> RunAsync(string content, int port, TextWriter log, CancellationToken cancellation)
    {
        if (!Directory.Exists(content))
        {
            await log.WriteLineAsync($"{content}: no such folder");
            return 2;
        }
        await using var server = await StartAsync(content, port, log);
        await log.WriteLineAsync($"serving {server.Address}/ from {content} (rebuilds and reloads open pages on every change; Ctrl+C stops)");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellation);
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
                    await Task.Delay(200, cancellation);
                }
                while (_changes.Reader.TryRead(out _));
                await BuildAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task BuildAsync()
    {
        var result = await SiteBuild.RunAsync(_content, _output);
        Builds++;
        var problems = DiagnosticReport.Format(result.Diagnostics.Sorted().Where(d => d.Severity == Severity.Error).ToList(), "text");
        if (result.Published)
        {
            _lastProblems = null;
            await _log.WriteLineAsync($"build {Builds}: {result.PageCount} pages" + (Builds > 1 ? "; reloading open pages" : ""));
            Broadcast($"event: reload\ndata: {Builds}\n\n");
        }
        else
        {
            _lastProblems = problems;
            await _log.WriteAsync(problems);
            await _log.WriteLineAsync($"build {Builds} failed; still serving the last good build");
            Broadcast(FailedEvent(problems));
        }
    }

    /// <summary>A Server-Sent Event carrying the problems, one <c>data:</c> line per line of text.</summary>
    private static string FailedEvent(string problems) =>
        "event: failed\n" + string.Concat(problems.TrimEnd('\n').Split('\n').Select(line => $"data: {line}\n")) + "\n";

    private void Broadcast(string message)
    {
        lock (_listeners)
        {
            foreach (var listener in _listeners) listener.Writer.TryWrite(message);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path == EventsUrl)
        {
            await StreamEventsAsync(context);
            return;
        }
        if (path == ScriptUrl)
        {
            context.Response.ContentType = "text/javascript; charset=utf-8";
            await context.Response.WriteAsync(LiveReloadScript);
            return;
        }

        if (!Directory.Exists(_output))
        {
            // No build has succeeded yet: every address shows the problems.
            context.Response.StatusCode = (int)HttpStatusCode.ServiceUnavailable;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(ProblemsPage(_lastProblems ?? ""));
            return;
        }

        var file = Resolve(path);
        var status = HttpStatusCode.OK;
        if (file is null)
        {
            status = HttpStatusCode.NotFound;
            file = Path.Combine(_output, "404.html");
            if (!File.Exists(file))
            {
                context.Response.StatusCode = (int)status;
                return;
            }
        }
        context.Response.StatusCode = (int)status;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = ContentTypes.TryGetContentType(file, out var type) ? type + (type.StartsWith("text/", StringComparison.Ordinal) ? "; charset=utf-8" : "") : "application/octet-stream";
        if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            await context.Response.WriteAsync(WithLiveReload(await File.ReadAllTextAsync(file)));
            return;
        }
        await context.Response.SendFileAsync(file);
    }

    /// <summary>The file for a request path, or null; never a file outside the output folder.</summary>
    private string? Resolve(string path)
    {
        var relative = Uri.UnescapeDataString(path).TrimStart('/');
        var full = Path.GetFullPath(Path.Combine(_output, relative));
        if (!full.StartsWith(_output + Path.DirectorySeparatorChar, StringComparison.Ordinal) && full != _output) return null;
        if (Directory.Exists(full))
        {
            if (!path.EndsWith('/')) return null; // pages link to folders with a trailing slash; anything else is a broken link
            full = Path.Combine(full, "index.html");
        }
        return File.Exists(full) ? full : null;
    }

    private async Task StreamEventsAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        var listener = Channel.CreateUnbounded<string>();
        lock (_listeners) _listeners.Add(listener);
        try
        {
            await context.Response.WriteAsync($"event: hello\ndata: {Builds}\n\n", context.RequestAborted);
            if (_lastProblems is { } problems)
                await context.Response.WriteAsync(FailedEvent(problems), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            await foreach (var message in listener.Reader.ReadAllAsync(stop.Token))
            {
                await context.Response.WriteAsync(message, stop.Token);
                await context.Response.Body.FlushAsync(stop.Token);
            }
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

    private static string ProblemsPage(string problems) => WithLiveReload(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title></head><body><main>"
        + "<h1>The build failed</h1><p>Fix these problems; the page reloads when the build succeeds.</p><pre>"
        + WebUtility.HtmlEncode(problems) + "</pre></main></body></html>");

    /// <summary>
    /// Reloads the page after a successful rebuild; after a failed one, shows the problems in a banner (built with
    /// textContent only) and keeps the page as it was.
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
          events.addEventListener("failed", function (e) {
            var banner = document.getElementById("chronology-build-problems");
            if (!banner) {
              banner = document.createElement("pre");
              banner.id = "chronology-build-problems";
              banner.setAttribute("role", "alert");
              banner.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;margin:0;padding:1rem;background:#fff0f0;color:#5a0000;border-top:3px solid #b00020;white-space:pre-wrap;z-index:10";
              document.body.appendChild(banner);
            }
            banner.textContent = "The build failed; this is the last good version.\n\n" + e.data;
          });
        })();
        """;

    public async ValueTask DisposeAsync()
    {
        _watcher.EnableRaisingEvents = false;
        _watcher.Dispose();
        await _stopping.CancelAsync();
        _changes.Writer.TryComplete();
        await _rebuilding;
        await _app.StopAsync();
        await _app.DisposeAsync();
        var root = Path.GetDirectoryName(_output)!;
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        _stopping.Dispose();
    }
}
