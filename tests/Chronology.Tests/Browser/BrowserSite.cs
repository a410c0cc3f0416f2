using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.FileProviders;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Chronology.Tests.Browser.BrowserSite))]
[assembly: AssemblyFixture(typeof(Chronology.Tests.Browser.BridgesBrowserSite))]

namespace Chronology.Tests.Browser;

/// <summary>
/// A built site served by Kestrel on 127.0.0.1, with the system Chromium driven by Playwright. One fixture per site
/// for the whole run (an assembly fixture): the server starts when the first test opens a page, and every site shares
/// one Chromium (<see cref="SharedChromium"/>), in which each test opens its own context. Where Chromium is not
/// installed the browser tests are skipped, except under CI (CI=true), where .ci/run installs it and a missing
/// browser is a failure. <see cref="BrowserSite"/> serves the real site; <see cref="BridgesBrowserSite"/> the invented one.
/// </summary>
public abstract class ServedSite : IAsyncLifetime
{
    /// <summary>
    /// Debian's Chromium headless shell (package <c>chromium-headless-shell</c>: the same Chromium build as the
    /// <c>chromium</c> package, without the full browser around it; the browser tests take about 40% less CPU with it),
    /// or else Debian's full Chromium. Never a browser downloaded by a test tool. .ci/run installs both.
    /// </summary>
    public static readonly string? ChromiumPath = Candidates.FirstOrDefault(File.Exists);

    private static string[] Candidates => ["/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium"];

    private readonly SemaphoreSlim _starting = new(1, 1);
    private Task? _started;
    private WebApplication? _server;
    private string? _baseUrl;
    private string? _folder;

    public IBrowser? Browser { get; private set; }

    /// <summary>The server's address; the server starts with the first page a test opens.</summary>
    public string BaseUrl => _baseUrl ?? throw new InvalidOperationException("the site is served from the first page a test opens");

    public static bool Available => ChromiumPath is not null;

    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Lets a browser test run only with Chromium: without it the test is reported Skipped (never Passed), and under CI=true it fails.</summary>
    public static void RequireBrowser()
    {
        if (Available) return;
        Assert.False(Required, $"CI=true but neither {string.Join(" nor ", Candidates)} is installed: .ci/run installs them with apt");
        Assert.Skip($"no Chromium: neither {string.Join(" nor ", Candidates)} is installed (install Debian's chromium-headless-shell or chromium, as .ci/run does)");
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>Builds (or waits for the run's build of) the site to serve and returns its folder.</summary>
    protected abstract Task<string> BuildAsync();

    /// <summary>Serves the site and takes the shared Chromium, once: a failure fails every test that opens a page.</summary>
    public async Task StartAsync()
    {
        await _starting.WaitAsync();
        try
        {
            _started ??= StartOnceAsync();
        }
        finally
        {
            _starting.Release();
        }
        await _started;
    }

    private async Task StartOnceAsync()
    {
        var folder = _folder = await BuildAsync();
        _server = Loopback.Create();
        // axe-core, loaded by the pages under audit as a script of the site's own origin: each browser process
        // compiles it once and keeps it (a script evaluated from a string is sent and compiled for every page).
        _server.MapGet(Axe.ScriptUrl, (Microsoft.AspNetCore.Http.HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "max-age=3600";
            return Microsoft.AspNetCore.Http.Results.Text(Axe.Source, "text/javascript", System.Text.Encoding.UTF8);
        });
        var files = new PhysicalFileProvider(folder);
        _server.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        _server.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        await _server.StartAsync();
        _baseUrl = Loopback.AddressOf(_server);
        Browser = await SharedChromium.AcquireAsync();
    }

    /// <summary>
    /// Runs <paramref name="audit"/> on the page at <paramref name="path"/>, loaded with JavaScript on or off. Axe needs
    /// JavaScript to run, so for the no-JavaScript case a scripting page is given, for the page's address, the page's
    /// HTML without its scripts (its stylesheets and images load as usual), so the page's own scripts never run.
    /// That is the document a browser with JavaScript off builds, as long as the page has no <c>noscript</c> element
    /// (which such a browser would parse as markup, and this one as text): a page with one is refused.
    /// </summary>
    public async Task<T> AuditPageAsync<T>(string path, bool javaScript, Func<IPage, Task<T>> audit)
    {
        await StartAsync();
        var url = BaseUrl + path;
        if (javaScript) return await WithPageAsync(new BrowserNewContextOptions(), path, audit);

        var html = await File.ReadAllTextAsync(PageFile(path));
        Assert.DoesNotContain("<noscript", html, StringComparison.OrdinalIgnoreCase);
        var withoutScripts = System.Text.RegularExpressions.Regex.Replace(html, "<script[^>]*>.*?</script>", "", System.Text.RegularExpressions.RegexOptions.Singleline);
        return await WithPageAsync(new BrowserNewContextOptions(), null, async page =>
        {
            await page.RouteAsync(url, route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = withoutScripts }));
            try
            {
                await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                return await audit(page);
            }
            finally
            {
                await page.UnrouteAsync(url);
            }
        });
    }

    /// <summary>
    /// Whether the page at <paramref name="path"/> is the same document with JavaScript off as on: it has no script that
    /// runs (only <c>application/ld+json</c> data blocks, which a browser never executes), no <c>noscript</c> element,
    /// and no stylesheet of the site asks whether scripting is on (the <c>scripting</c> media feature). Then nothing
    /// differs between the two, and an audit with JavaScript on stands for both.
    /// </summary>
    public bool ReadsTheSameWithoutJavaScript(string path)
    {
        var html = File.ReadAllText(PageFile(path));
        if (html.Contains("<noscript", StringComparison.OrdinalIgnoreCase)) return false;
        var runs = System.Text.RegularExpressions.Regex.Matches(html, "<script\\b[^>]*>", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            .Any(tag => !System.Text.RegularExpressions.Regex.IsMatch(tag.Value, "type=\"application/ld(\\+|&#x2B;|&#43;|&plus;)json\"", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        return !runs && !StylesAskForScripting.Value;
    }

    private Lazy<bool> StylesAskForScripting => _stylesAskForScripting ??= new(() =>
        Directory.EnumerateFiles(_folder!, "*.css", SearchOption.AllDirectories).Any(css => File.ReadAllText(css).Contains("scripting", StringComparison.OrdinalIgnoreCase)));

    private Lazy<bool>? _stylesAskForScripting;

    /// <summary>The built file served for a page's path (<c>/a/</c> → <c>a/index.html</c>; a query is not part of it).</summary>
    private string PageFile(string path)
    {
        var local = path.Split('?')[0].TrimStart('/');
        if (local.Length == 0 || local.EndsWith('/')) local += "index.html";
        return Path.Combine(_folder!, local);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the site's page at <paramref name="path"/> (or, if null, on a blank page) in a
    /// pooled page (<see cref="OpenAsync(string, BrowserNewContextOptions)"/>), which goes back to the pool after; a
    /// page whose work failed is closed, not pooled.
    /// </summary>
    public async Task<T> WithPageAsync<T>(BrowserNewContextOptions options, string? path, Func<IPage, Task<T>> work)
    {
        var page = await TakeAsync(options);
        try
        {
            if (path is not null) await page.GotoAsync(BaseUrl + path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            var result = await work(page);
            Return(page);
            return result;
        }
        catch
        {
            await page.Context.CloseAsync();
            throw;
        }
    }

    public Task<IPage> OpenAsync(string path, bool javaScript = true) =>
        OpenAsync(path, new BrowserNewContextOptions { JavaScriptEnabled = javaScript });

    /// <summary>
    /// The site's page at <paramref name="path"/>, in a page made with <paramref name="options"/> (viewport, scripting,
    /// colour scheme, reduced motion). Pages are pooled by those options: a page opened with the same options before
    /// and handed back with <see cref="Return"/> is navigated again, so each test is one navigation in a warm browser
    /// process, not a new context, renderer process and page. Nothing carries from one test to the next: the site keeps
    /// no cookies or storage, and a navigation starts a new document (focus, scroll, script state). A test that changes
    /// the page itself (emulated media, routes) closes its context instead of handing the page back; so does a test
    /// that fails before it hands it back, when the run ends.
    /// </summary>
    public async Task<IPage> OpenAsync(string path, BrowserNewContextOptions options)
    {
        var page = await TakeAsync(options);
        await page.GotoAsync(BaseUrl + path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return page;
    }

    /// <summary>Hands a page from <see cref="OpenAsync(string, BrowserNewContextOptions)"/> back to the pool.</summary>
    public void Return(IPage page) => _pages.GetOrAdd(_kinds[page], _ => new ConcurrentBag<IPage>()).Add(page);

    private async Task<IPage> TakeAsync(BrowserNewContextOptions options)
    {
        await StartAsync();
        // BypassCSP lets the tests put axe-core into pages whose CSP (rightly) allows only the site's own scripts.
        options.BypassCSP = true;
        var kind = KindOf(options);
        if (_pages.GetOrAdd(kind, _ => new ConcurrentBag<IPage>()).TryTake(out var page)) return page;
        page = await (await Browser!.NewContextAsync(options)).NewPageAsync();
        _kinds[page] = kind;
        return page;
    }

    /// <summary>The options that make one pooled page different from another.</summary>
    private static string KindOf(BrowserNewContextOptions options) =>
        $"{options.ViewportSize?.Width}x{options.ViewportSize?.Height} js={options.JavaScriptEnabled ?? true} scheme={options.ColorScheme} motion={options.ReducedMotion}";

    private readonly ConcurrentDictionary<string, ConcurrentBag<IPage>> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<IPage, string> _kinds = new();

    /// <summary>
    /// At most this many pages are audited at once in the background (<see cref="Prefetch{T}"/>), across sites; a test
    /// that asks for an audit nobody has started runs it at once, so a class never waits behind another's queue.
    /// Two per core: much of an audit is waiting on messages between the test, Playwright's driver and Chromium.
    /// </summary>
    private static readonly SemaphoreSlim Background = new(Environment.ProcessorCount * 2);

    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _audits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> _prefetches = new(StringComparer.Ordinal);

    /// <summary>
    /// The result of <paramref name="audit"/> (a page's measurements, each in a browser context of its own), run once
    /// per <paramref name="key"/>: by <see cref="Prefetch{T}"/> in the background, or now if no prefetch has started it.
    /// The test that asks for it asserts on it, so each page's audit still passes or fails in its own test.
    /// </summary>
    public async Task<T> AuditAsync<T>(string key, Func<Task<T>> audit) where T : notnull =>
        (T)await Audit(key, audit).Value;

    private Lazy<Task<object>> Audit<T>(string key, Func<Task<T>> audit) where T : notnull =>
        _audits.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await audit()));

    /// <summary>
    /// Starts every audit of a group (a theory's rows, named by <paramref name="group"/>) in the background, a few at a
    /// time, the first time any row asks: while xunit runs the class's tests one after another, their pages are
    /// audited side by side, so both cores (and Chromium's processes) are busy.
    /// </summary>
    public void Prefetch<T>(string group, IEnumerable<(string Key, Func<Task<T>> Audit)> audits) where T : notnull
    {
        var rows = audits.ToList();
        _prefetches.GetOrAdd(group, name => Task.Run(async () =>
        {
            foreach (var (key, audit) in rows)
            {
                var lazy = Audit(key, audit);
                if (lazy.IsValueCreated) continue; // its test got there first
                await Background.WaitAsync();
                _ = lazy.Value.ContinueWith(done => Background.Release(), TaskScheduler.Default);
            }
        }));
    }

    public async ValueTask DisposeAsync()
    {
        // Background audits no test asked for (a filtered run) finish before the browser closes.
        await Task.WhenAll(_prefetches.Values);
        await Task.WhenAll(_audits.Values.Where(a => a.IsValueCreated).Select(a => a.Value.ContinueWith(_ => { }, TaskScheduler.Default)));
        foreach (var page in _kinds.Keys) await page.Context.CloseAsync().ConfigureAwait(false);
        if (Browser is not null) await SharedChromium.ReleaseAsync();
        if (_server is not null) await _server.StopAsync();
        _starting.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The real site (content/), served from the run's one build of it (<see cref="RealSite"/>).</summary>
public sealed class BrowserSite : ServedSite
{
    protected override async Task<string> BuildAsync()
    {
        var (output, result) = await RealSite.BuildOnceAsync();
        if (!result.Published) throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Items));
        return output;
    }
}

/// <summary>The invented test site (tests/sites/bridges), served from the build the other tests of the run read.</summary>
public sealed class BridgesBrowserSite : ServedSite
{
    protected override Task<string> BuildAsync() => Task.Run(() =>
    {
        if (!BridgesSite.Result.Published) throw new InvalidOperationException(string.Join("\n", BridgesSite.Result.Diagnostics.Items));
        return BridgesSite.Output;
    });
}

/// <summary>
/// The one Chromium of the run, launched when the first site fixture needs it and closed when the last one that took
/// it is disposed (at the end of the run: the site fixtures are assembly fixtures).
/// </summary>
internal static class SharedChromium
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;
    private static int _users;

    public static async Task<IBrowser> AcquireAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_browser is null)
            {
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = ServedSite.ChromiumPath!,
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
                });
            }
            _users++;
            return _browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task ReleaseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (--_users > 0) return;
            if (_browser is not null) await _browser.CloseAsync();
            _playwright?.Dispose();
            (_browser, _playwright) = (null, null);
        }
        finally
        {
            Gate.Release();
        }
    }
}
