using Chronology.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.FileProviders;
using Microsoft.Playwright;

namespace Chronology.Tests.Browser;

/// <summary>
/// The real site, built once and served by Kestrel on 127.0.0.1, with the system Chromium driven by Playwright.
/// Where Chromium is not installed the browser tests are skipped, except under CI (CI=true), where .ci/run
/// installs it and a missing browser is a failure. <see cref="BridgesBrowserSite"/> serves the invented test site.
/// </summary>
public class BrowserSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _output = Path.Combine(Path.GetTempPath(), "chronology-browser-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _server;
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public string BaseUrl { get; private set; } = "";

    public static bool Available => File.Exists(ChromiumPath);

    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync()
    {
        if (!Available) return;
        var folder = await BuildAsync();

        _server = Loopback.Create();
        var files = new PhysicalFileProvider(folder);
        _server.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        _server.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        await _server.StartAsync();
        BaseUrl = Loopback.AddressOf(_server);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Builds the site to serve and returns its folder.</summary>
    protected virtual async Task<string> BuildAsync()
    {
        var result = await SiteBuild.RunAsync(RepoPaths.Content, _output);
        if (!result.Published) throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Items));
        return _output;
    }

    /// <summary>
    /// A page to audit. Axe needs JavaScript to run, so for the no-JavaScript case the page is loaded with scripts
    /// off, and the DOM that produced (scripts removed) is audited in a scripting context at the same address.
    /// </summary>
    public async Task<IPage> OpenForAuditAsync(string path, bool javaScript)
    {
        if (javaScript) return await OpenAsync(path);
        var noScript = await OpenAsync(path, javaScript: false);
        var html = await noScript.ContentAsync();
        await noScript.Context.CloseAsync();
        var page = await OpenAsync(path);
        await page.SetContentAsync(System.Text.RegularExpressions.Regex.Replace(html, "<script[^>]*>.*?</script>", "", System.Text.RegularExpressions.RegexOptions.Singleline));
        return page;
    }

    public Task<IPage> OpenAsync(string path, bool javaScript = true) =>
        OpenAsync(path, new BrowserNewContextOptions { JavaScriptEnabled = javaScript });

    /// <summary>A page in a context of its own (viewport, colour scheme, reduced motion...).</summary>
    public async Task<IPage> OpenAsync(string path, BrowserNewContextOptions options)
    {
        // BypassCSP lets Playwright inject axe-core into pages whose CSP (rightly) forbids scripts from anywhere else.
        options.BypassCSP = true;
        var context = await Browser!.NewContextAsync(options);
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.StopAsync();
        if (Directory.Exists(_output)) Directory.Delete(_output, recursive: true);
    }
}

/// <summary>The invented test site (tests/sites/bridges), served from the build the other tests of the run read.</summary>
public sealed class BridgesBrowserSite : BrowserSite
{
    protected override Task<string> BuildAsync()
    {
        if (!BridgesSite.Result.Published) throw new InvalidOperationException(string.Join("\n", BridgesSite.Result.Diagnostics.Items));
        return Task.FromResult(BridgesSite.Output);
    }
}
