using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Chronology.Tests.Links;

/// <summary>A Kestrel server on 127.0.0.1 that plays each case the link checker must handle. No test goes online.</summary>
internal sealed class LocalLinkServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(string Method, DateTimeOffset At)>> _requests = new();
    private int _inFlight;
    private int _maxInFlight;

    private LocalLinkServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public int MaxInFlight => _maxInFlight;

    public IReadOnlyList<(string Method, DateTimeOffset At)> Requests(string path) =>
        _requests.TryGetValue(path, out var queue) ? [.. queue] : [];

    public string Url(string path) => BaseUrl + path;

    public static async Task<LocalLinkServer> StartAsync()
    {
        var app = Loopback.Create();
        var server = new LocalLinkServer(app);
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value!;
            server._requests.GetOrAdd(path, _ => new()).Enqueue((context.Request.Method, DateTimeOffset.UtcNow));
            var now = Interlocked.Increment(ref server._inFlight);
            InterlockedMax(ref server._maxInFlight, now);
            try
            {
                await next(context);
            }
            finally
            {
                Interlocked.Decrement(ref server._inFlight);
            }
        });
        server.MapCases(app);
        await app.StartAsync();
        server.BaseUrl = Loopback.AddressOf(app);
        return server;
    }

    private void MapCases(WebApplication app)
    {
        app.Map("/ok", context => Html(context, "<title>A report</title><h1>A report</h1>"));
        app.Map("/doc.pdf", context =>
        {
            context.Response.ContentType = "application/pdf";
            return context.Response.WriteAsync("%PDF-1.4");
        });
        app.Map("/r1", context => Redirect(context, 301, "/r2"));
        app.Map("/r2", context => Redirect(context, 302, "ok")); // relative to /r2
        app.Map("/loop", context => Redirect(context, 302, "/loop"));
        app.Map("/no-location", context =>
        {
            context.Response.StatusCode = 302;
            return Task.CompletedTask;
        });
        app.Map("/gone", context => Status(context, 410));
        app.Map("/missing", context => Status(context, 404));
        app.Map("/limited", context => Next("/limited") == 1 ? TooMany(context, "1") : Html(context, "<title>fine</title>"));
        app.Map("/always-limited", context => TooMany(context, "1"));
        app.Map("/limited-for-an-hour", context => TooMany(context, "3600"));
        app.Map("/slow", async context =>
        {
            // Never answers: the client's timeout is the only way the request ends, however slow the machine.
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        app.Map("/no-head", context => context.Request.Method == "HEAD" ? Status(context, 405) : Html(context, "<title>GET only</title>"));
        app.Map("/soft-404", context => Html(context, "<title>Page not found | Example</title><h1>Sorry</h1>"));
        app.Map("/flaky", context => Next("/flaky") == 1 ? Status(context, 503) : Html(context, "<title>back</title>"));
        app.Map("/wall", context =>
        {
            context.Response.StatusCode = 403;
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync("<title>Just a moment...</title><p>Please complete the captcha</p>");
        });
        app.Map("/forbidden", context => Status(context, 403));
        app.Map("/busy/{n}", async context =>
        {
            await Task.Delay(150);
            context.Response.ContentType = "application/pdf";
        });
    }

    private int Next(string path) => _counts.AddOrUpdate(path, 1, (_, n) => n + 1);

    private static Task Html(HttpContext context, string html)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Request.Method == "HEAD" ? Task.CompletedTask : context.Response.WriteAsync(html);
    }

    private static Task Redirect(HttpContext context, int status, string location)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    private static Task Status(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static Task TooMany(HttpContext context, string retryAfter)
    {
        context.Response.StatusCode = 429;
        context.Response.Headers.RetryAfter = retryAfter;
        return Task.CompletedTask;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
