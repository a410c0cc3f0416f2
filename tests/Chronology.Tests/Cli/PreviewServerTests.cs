using System.Net;
using Chronology.Cli;

namespace Chronology.Tests.Cli;

/// <summary>
/// <c>serve</c> as a maintainer uses it, over HTTP on 127.0.0.1: pages come with the live-reload script, a change
/// to the content rebuilds and tells open pages to reload, and a broken change keeps the last good site while
/// telling open pages what is wrong.
/// </summary>
public sealed class PreviewServerTests
{
    private const string Entry = "-- content/entries/a.md --\n---\ndate: 2012\ntitle: First title\ncitations:\n  - source: src-a\n---\nBody.\n";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60); // a guard against hanging, not a speed target

    [Fact]
    public async Task Pages_are_served_with_the_live_reload_script_and_nothing_outside_the_site()
    {
        using var site = TestSite.Create(Entry);
        await using var server = await PreviewServer.StartAsync(site.Content, 0, TextWriter.Null);
        using var http = new HttpClient { BaseAddress = new Uri(server.Address) };

        var page = await http.GetAsync("/entries/a/");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<h1>First title</h1>", html);
        Assert.Contains($"<script src=\"{PreviewServer.ScriptUrl}\" defer></script></body>", html);
        Assert.Contains("EventSource", await http.GetStringAsync(PreviewServer.ScriptUrl));
        Assert.StartsWith("text/css", (await http.GetAsync("/assets/site.css")).Content.Headers.ContentType!.ToString());

        var missing = await http.GetAsync("/entries/nowhere/");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/..%2F..%2Fetc/passwd")).StatusCode);

        // Nothing was written to the maintainer's own output folder.
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task A_change_rebuilds_and_reloads_and_a_broken_change_keeps_the_last_good_site()
    {
        using var site = TestSite.Create(Entry);
        await using var server = await PreviewServer.StartAsync(site.Content, 0, TextWriter.Null);
        using var http = new HttpClient { BaseAddress = new Uri(server.Address), Timeout = Timeout.InfiniteTimeSpan };
        using var cancel = new CancellationTokenSource(Patience);
        using var events = new StreamReader(await http.GetStreamAsync(PreviewServer.EventsUrl, cancel.Token));
        Assert.Equal("event: hello", await events.ReadLineAsync(cancel.Token));

        site.Write("content/entries/a.md", "---\ndate: 2012\ntitle: Second title\ncitations:\n  - source: src-a\n---\nBody.\n");
        var reload = await NextEventAsync(events, cancel.Token);
        Assert.Equal("reload", reload.Name);
        Assert.Contains("<h1>Second title</h1>", await http.GetStringAsync("/entries/a/"));

        site.Write("content/entries/a.md", "---\ndate: 2012-13\ntitle: Third title\ncitations:\n  - source: src-a\n---\nBody.\n");
        var failed = await NextEventAsync(events, cancel.Token);
        Assert.Equal("failed", failed.Name);
        Assert.Contains(":2:7: error CHR201:", failed.Data);

        // The last good page, with the problems written into its HTML (no script needed), each explained from the docs.
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await http.GetStringAsync("/entries/a/"));
        Assert.Equal("Second title", page.QuerySelector("h1")!.TextContent);
        var problems = page.QuerySelector("body > section.chronology-build-problems[role=alert]")!;
        Assert.Equal("The build failed: 1 error", problems.QuerySelector("h2")!.TextContent);
        var item = Assert.Single(problems.QuerySelectorAll("li"));
        Assert.Equal($"{site.Display("entries/a.md")}:2:7", item.QuerySelector("code")!.TextContent);
        Assert.Contains("CHR201", item.TextContent);
        Assert.Contains(Chronology.Diagnostics.DiagnosticDocs.Explain("CHR201")!.Fix, item.TextContent);
        Assert.StartsWith("text/css", (await http.GetAsync(PreviewServer.ProblemsStyleUrl)).Content.Headers.ContentType!.ToString());

        // Fixed: the next build reloads the page and the problems are gone.
        site.Write("content/entries/a.md", "---\ndate: 2012\ntitle: Fourth title\ncitations:\n  - source: src-a\n---\nBody.\n");
        Assert.Equal("reload", (await NextEventAsync(events, cancel.Token)).Name);
        var fixedPage = await http.GetStringAsync("/entries/a/");
        Assert.Contains("<h1>Fourth title</h1>", fixedPage);
        Assert.DoesNotContain("chronology-build-problems", fixedPage);
    }

    /// <summary>The real command in its own process: SIGTERM (as from a service manager) and SIGINT (Ctrl+C) stop it.</summary>
    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Serve_stops_on_a_signal(string signal)
    {
        if (OperatingSystem.IsWindows()) Assert.Skip("POSIX signals");
        using var site = TestSite.Create(Entry);
        var cli = Path.Combine(AppContext.BaseDirectory, "Chronology.Cli.dll");
        // Through env(1), with SIGINT's default handling: a test run started in the background by a shell (`dotnet
        // test &`) inherits SIGINT ignored, and an ignored signal stays ignored across exec, so Ctrl+C could never
        // reach the server (as the shell intends for background jobs). env then execs dotnet in the same process.
        var start = new System.Diagnostics.ProcessStartInfo("env") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "--default-signal=INT", "dotnet", cli, "serve", "--content", site.Content, "--port", "0" }) start.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(start)!;
        try
        {
            // Starting (a new process, JIT-compiled, with a first build) has its own, longer guard: on two busy cores
            // it once took most of a minute, which used to leave the stop itself almost no time.
            using (var starting = new CancellationTokenSource(Patience * 5))
                while (await process.StandardError.ReadLineAsync(starting.Token) is { } line && !line.StartsWith("serving ", StringComparison.Ordinal)) { }
            _ = process.StandardError.ReadToEndAsync(); // whatever it writes next must not fill the pipe and block it
            _ = process.StandardOutput.ReadToEndAsync();

            using var stopping = new CancellationTokenSource(Patience);
            using (var kill = System.Diagnostics.Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
                await kill.WaitForExitAsync(stopping.Token);
            await process.WaitForExitAsync(stopping.Token);

            Assert.True(process.HasExited);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task When_no_build_has_succeeded_every_address_shows_the_problems()
    {
        using var site = TestSite.Create(Entry.Replace("date: 2012", "date: 2012-13"));
        await using var server = await PreviewServer.StartAsync(site.Content, 0, TextWriter.Null);
        using var http = new HttpClient { BaseAddress = new Uri(server.Address) };

        var page = await http.GetAsync("/entries/a/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<strong>CHR201</strong>: ", html);
        Assert.Contains("The build failed: 1 error", html);
        Assert.Contains(PreviewServer.ScriptUrl, html);
    }

    private static async Task<(string Name, string Data)> NextEventAsync(StreamReader events, CancellationToken cancel)
    {
        string? name = null;
        var data = new List<string>();
        while (await events.ReadLineAsync(cancel) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null and not "hello") return (name, string.Join('\n', data));
                name = null;
                data.Clear();
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data.Add(line["data: ".Length..]);
        }
        throw new EndOfStreamException("the event stream ended");
    }
}
