using Microsoft.Playwright;

namespace Chronology.Tests.Browser;

/// <summary>
/// The checks every site must pass in the real browser, whatever its content: axe finds nothing on any page type with
/// JavaScript on and off; pages reflow at 320 pixels, keep contrast in dark mode and stay still with reduced motion;
/// search and the year filter work by keyboard. Each site has a subclass with its own fixture and page list:
/// <see cref="RealSiteAccessibilityTests"/> (the SIM chronology) and <see cref="BridgesAccessibilityTests"/> (the
/// invented test site).
/// </summary>
public abstract class AccessibilityTests(ServedSite site)
{
    protected ServedSite Site => site;

    /// <summary>The rows of the class's axe theory, audited side by side in the background once the first row runs.</summary>
    protected abstract IEnumerable<(string Path, bool JavaScript)> AxeRows { get; }

    /// <summary>The rows of the class's reflow theory, measured side by side in the background once the first row runs.</summary>
    protected abstract IEnumerable<string> ReflowRows { get; }

    /// <summary>Axe (WCAG 2.2 A and AA, best practice, target size) finds nothing on the page, as loaded with JavaScript on or off.</summary>
    protected async Task AssertAxeFindsNoViolationsAsync(string path, bool javaScript)
    {
        ServedSite.RequireBrowser();
        PrefetchAudits();

        var violations = await Site.AuditAsync(AxeKey(path, javaScript), () => AxeAsync(Site, path, javaScript));

        Assert.True(violations.Length == 0, string.Join("\n", violations.AsEnumerable()));
    }

    private static string AxeKey(string path, bool javaScript) => $"axe {path} {(javaScript ? "js" : "no-js")}";

    /// <summary>
    /// The page audited as loaded with JavaScript on or off. Most pages run no script at all: with JavaScript off such a
    /// page is the very same document (<see cref="ServedSite.ReadsTheSameWithoutJavaScript"/> checks that from the built
    /// file on every run), so its no-JavaScript row takes the audit with JavaScript on rather than auditing the same
    /// document twice. A page that runs a script (the home page's filter, search, a register's sort) is audited twice.
    /// </summary>
    private static async Task<Axe.Violation[]> AxeAsync(ServedSite site, string path, bool javaScript)
    {
        await site.StartAsync();
        return !javaScript && site.ReadsTheSameWithoutJavaScript(path)
            ? await site.AuditAsync(AxeKey(path, true), () => AxeAsync(site, path, true))
            : await site.AuditPageAsync(path, javaScript, Axe.AuditAsync);
    }

    /// <summary>What the reflow test measures on one page at 320 pixels, dark, with reduced motion.</summary>
    private sealed record Reflow(string[] Overflow, bool FitsWidth, double Background, Axe.Violation[] Contrast, string[] Moving);

    /// <summary>
    /// WCAG 1.4.10, 1.4.3 and 2.3.3 as a reader meets them: at 320 CSS pixels wide nothing makes the page scroll
    /// sideways (wide tables scroll inside their own region); with a dark colour scheme the page is dark and axe
    /// finds no contrast failure; with reduced motion nothing moves.
    /// </summary>
    protected async Task AssertReflowsKeepsContrastAndStaysStillAsync(string path)
    {
        ServedSite.RequireBrowser();
        PrefetchAudits();

        var measured = await Site.AuditAsync(ReflowKey(path), () => ReflowAsync(Site, path));

        Assert.True(measured.Overflow.Length == 0 && measured.FitsWidth, "the page scrolls sideways at 320px: " + string.Join(", ", measured.Overflow));
        Assert.True(measured.Background < 0.1, $"the page is not dark with prefers-color-scheme: dark (background luminance {measured.Background:0.00})");
        Assert.True(measured.Contrast.Length == 0, string.Join("\n", measured.Contrast.AsEnumerable()));
        Assert.True(measured.Moving.Length == 0, "elements still animate with reduced motion: " + string.Join(", ", measured.Moving));
    }

    private static string ReflowKey(string path) => $"reflow {path}";

    private static Task<Reflow> ReflowAsync(ServedSite site, string path) => site.WithPageAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 320, Height = 640 },
        ColorScheme = ColorScheme.Dark,
        ReducedMotion = ReducedMotion.Reduce,
    }, path, async page =>
    {
        var overflow = await page.EvaluateAsync<string[]>("""
            (() => {
              const width = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth <= width) return [];
              return [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('.table-wrap'))
                .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ': ' + Math.round(e.getBoundingClientRect().right) + 'px');
            })()
            """);
        var fits = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth");

        var background = await page.EvaluateAsync<double>("""
            (() => {
              const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/[0-9.]+/g).map(Number);
              const linear = c => (c /= 255) <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
              return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
            })()
            """);
        var contrast = await Axe.RulesAsync(page, "color-contrast", "link-in-text-block");

        var moving = await page.EvaluateAsync<string[]>("""
            [...document.querySelectorAll('*')].filter(e => {
              const s = getComputedStyle(e);
              return s.animationName !== 'none' || s.transitionDuration.split(',').some(d => parseFloat(d) > 0) || s.scrollBehavior === 'smooth';
            }).slice(0, 5).map(e => e.tagName.toLowerCase())
            """);
        return new Reflow(overflow, fits, background, contrast, moving);
    });

    /// <summary>Starts the audits of every row of both theories in the background (once per site).</summary>
    private void PrefetchAudits()
    {
        var site = Site;
        site.Prefetch("axe", AxeRows.Select(row => (AxeKey(row.Path, row.JavaScript), (Func<Task<Axe.Violation[]>>)(() => AxeAsync(site, row.Path, row.JavaScript)))));
        site.Prefetch("reflow", ReflowRows.Select(path => (ReflowKey(path), (Func<Task<Reflow>>)(() => ReflowAsync(site, path)))));
    }

    /// <summary>From the home page, by keyboard alone: type <paramref name="query"/> in the header's search box, get announced results, open the first.</summary>
    protected async Task AssertSearchWorksWithTheKeyboardAloneAsync(string query)
    {
        ServedSite.RequireBrowser();
        var page = await Site.OpenAsync("/");

        await page.Keyboard.PressAsync("Tab"); // skip link
        await page.FocusAsync("#site-search-q");
        await page.Keyboard.TypeAsync(query);
        await page.Keyboard.PressAsync("Enter");
        await ArrivesAtAsync(page, "/search/?q=" + Uri.EscapeDataString(query));
        await page.WaitForSelectorAsync("#search-results li");

        var status = await page.TextContentAsync("#search-status");
        Assert.Matches("^[0-9]+ results? for “" + System.Text.RegularExpressions.Regex.Escape(query) + "”", status);
        Assert.Equal("polite", await page.GetAttributeAsync("#search-status", "aria-live"));
        // The first result is whatever ranks first (a title match may be a source or a page): Enter opens it.
        var first = await page.QuerySelectorAsync("#search-results a");
        var target = await first!.EvaluateAsync<string>("a => new URL(a.href).pathname");
        Assert.NotEqual("/search/", target);
        await first.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await ArrivesAtAsync(page, target);
        Site.Return(page);
    }

    /// <summary>The home page's year filter, by keyboard: choosing <paramref name="year"/> shows only its entries and says how many.</summary>
    protected async Task AssertTheChronologyFiltersByYearAsync(string year)
    {
        ServedSite.RequireBrowser();
        var page = await Site.OpenAsync("/");
        var all = await page.Locator("section.year .entry-summary").CountAsync();

        await page.FocusAsync("#filter-year");
        await page.SelectOptionAsync("#filter-year", year);
        var visible = await page.Locator("section.year .entry-summary:visible").CountAsync();
        var status = await page.TextContentAsync("#filter-status");

        Assert.InRange(visible, 1, all - 1);
        Assert.Equal($"Showing {visible} of {all} entries.", status);
        Assert.Equal(1, await page.Locator("section.year:visible").CountAsync());
        Assert.True(await page.IsVisibleAsync("#y" + year));
        await page.SelectOptionAsync("#filter-year", "");
        Assert.Equal(all, await page.Locator("section.year .entry-summary:visible").CountAsync());
        Site.Return(page);
    }

    /// <summary>Printed, the entry page at <paramref name="path"/> hides the navigation and prints its document link's address.</summary>
    protected async Task AssertPrintHidesNavigationAndShowsTheDocumentUrlAsync(string path, string url)
    {
        ServedSite.RequireBrowser();
        var page = await Site.OpenAsync(path);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.False(await page.IsVisibleAsync(".site-header nav"));
        var after = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.document-link a'), '::after').content");
        Assert.Contains(url, after);
        await page.Context.CloseAsync(); // the emulated print media would stay with the page: closed, not handed back
    }

    /// <summary>
    /// Reads the page's address until it contains <paramref name="part"/>. Waiting for the navigation event instead
    /// timed out in about one CI run in three (cause not found); if the key press really does nothing, the message
    /// says where the browser is.
    /// </summary>
    protected static async Task ArrivesAtAsync(IPage page, string part)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!page.Url.Contains(part, StringComparison.Ordinal) && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(page.Url.Contains(part, StringComparison.Ordinal), $"expected to arrive at {part}; the browser is at {page.Url}");
    }

}

/// <summary>The real site (the SIM chronology): every page type, with JavaScript on and off, and its own behaviours.</summary>
public sealed class RealSiteAccessibilityTests(BrowserSite site) : AccessibilityTests(site)
{
    public static TheoryData<string, bool> PageTypes()
    {
        var data = new TheoryData<string, bool>();
        foreach (var path in new[]
        {
            "/", "/entries/2014-cqc-report-cites-operation-serenity/", "/sources/", "/sources/ahsn-network-commentary-2023/",
            "/organisations/", "/organisations/hampshire-constabulary/", "/tags/", "/tags/london/", "/review/",
            "/review/conclusion-4-5/", "/review/recommendation-1/", "/evidence/", "/print/", "/search/", "/about/", "/404.html",
            "/documents/", "/registers/ahsn-sim-national-programme-risk-register-2020/", "/risks/2018-19-op1-nhs-england-targets/",
            "/documents/note-to-chief-officers-2020-03-13/", "/documents/12-core-elements-checklist/",
            "/documents/hin-resources-page/", "/people/", "/changes/", "/years/2018/", "/at-a-glance/",
            "/sources/ahsn-network-commentary-2023/copy/", "/sources/turner-discussion-post-2021/copy/", "/glossary/", "/search/?q=Serentiy",
            "/entries/2021-discussion-post-on-the-hin-approach-and-sim/",
        })
        {
            data.Add(path, true);
            data.Add(path, false);
        }
        return data;
    }

    protected override IEnumerable<(string Path, bool JavaScript)> AxeRows => PageTypes().Select(row => row.Data);

    protected override IEnumerable<string> ReflowRows => Paths().Select(row => row.Data);

    [Theory]
    [MemberData(nameof(PageTypes))]
    public Task Axe_finds_no_violations(string path, bool javaScript) => AssertAxeFindsNoViolationsAsync(path, javaScript);

    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string>();
        foreach (var path in PageTypes().Select(row => row.Data.Item1).Distinct()) data.Add(path);
        return data;
    }

    /// <summary>
    /// WCAG 1.4.10, 1.4.3 and 2.3.3 as a reader meets them: at 320 CSS pixels wide nothing makes the page scroll
    /// sideways (wide tables scroll inside their own region); with a dark colour scheme the page is dark and axe
    /// finds no contrast failure; with reduced motion nothing moves.
    /// </summary>
    [Theory]
    [MemberData(nameof(Paths))]
    public Task Each_page_reflows_at_320_pixels_keeps_contrast_in_dark_mode_and_does_not_move_with_reduced_motion(string path) =>
        AssertReflowsKeepsContrastAndStaysStillAsync(path);

    /// <summary>
    /// The pages whose scripts change what a reader gets are audited with JavaScript off as well as on; a page with no
    /// script is one document either way, audited once.
    /// </summary>
    [Fact]
    public async Task Pages_that_run_scripts_are_audited_without_javascript_too()
    {
        ServedSite.RequireBrowser();
        await Site.StartAsync();

        foreach (var path in new[] { "/", "/search/", "/registers/ahsn-sim-national-programme-risk-register-2020/" })
            Assert.False(Site.ReadsTheSameWithoutJavaScript(path), path);
        foreach (var path in new[] { "/entries/2014-cqc-report-cites-operation-serenity/", "/about/", "/print/" })
            Assert.True(Site.ReadsTheSameWithoutJavaScript(path), path);
    }

    [Fact]
    public Task Search_works_with_the_keyboard_alone_and_announces_results() => AssertSearchWorksWithTheKeyboardAloneAsync("Surrey");

    [Fact]
    public Task The_chronology_filters_instantly_by_keyboard_and_says_how_many_entries_show() => AssertTheChronologyFiltersByYearAsync("2018");

    [Fact]
    public async Task Search_finds_british_spellings_from_american_ones_and_marks_the_words_it_matched()
    {
        ServedSite.RequireBrowser();
        var page = await Site.OpenAsync("/search/?q=organization");
        await page.WaitForFunctionAsync("/result/.test(document.getElementById('search-status').textContent)");
        var american = await page.TextContentAsync("#search-status");
        var marked = await page.Locator("#search-results mark").AllTextContentsAsync();

        Assert.Matches("^[0-9]+ results? for “organization”", american);
        Assert.NotEmpty(marked);
        Assert.All(marked, m => Assert.StartsWith("organis", m, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["organisation", "behaviour", "programme", "analyse", "centre", "citizen", "organisations"],
            await page.EvaluateAsync<string[]>("['organization', 'behavior', 'program', 'analyze', 'center', 'citizen', 'organisations'].map(w => window.chronologySearchSpelling(w))"));

        // The British spelling finds the same results.
        await page.GotoAsync(Site.BaseUrl + "/search/?q=organisation");
        await page.WaitForFunctionAsync("/result/.test(document.getElementById('search-status').textContent)");
        var british = await page.TextContentAsync("#search-status");
        Assert.Equal(american!.Split(' ')[0], british!.Split(' ')[0]);
        Site.Return(page);
    }

    [Fact]
    public Task Print_hides_navigation_and_shows_every_document_url() =>
        AssertPrintHidesNavigationAndShowsTheDocumentUrlAsync("/entries/2018-hmicfrs-picking-up-the-pieces/", "https://www.justiceinspectorates.gov.uk/");

    [Fact]
    public async Task A_register_table_sorts_by_its_column_buttons_and_announces_it()
    {
        ServedSite.RequireBrowser();
        var page = await Site.OpenAsync("/registers/ahsn-sim-risk-register-2018-19/");
        var printed = await page.Locator("table.risks tbody th").AllTextContentsAsync();
        Assert.Equal(["OP1", "SC1", "OP2", "OP3", "OP4", "OP5", "OF1"], printed);

        var rating = page.Locator("table.risks thead th").Nth(5);
        await rating.Locator("button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("ascending", await rating.GetAttributeAsync("aria-sort"));
        var ratings = (await page.Locator("table.risks tbody tr td:nth-child(6)").AllTextContentsAsync()).Select(t => int.Parse(System.Text.RegularExpressions.Regex.Match(t, "^[0-9]+").Value)).ToList();
        Assert.Equal(ratings.Order().ToList(), ratings);
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("descending", await rating.GetAttributeAsync("aria-sort"));
        Assert.Equal("OP1", (await page.Locator("table.risks tbody th").AllTextContentsAsync())[0]);
        Site.Return(page);
    }
}

/// <summary>
/// The invented test site (tests/sites/bridges): one page of every type its build wrote, with JavaScript on and off.
/// The page list is read from the build's output (<see cref="BridgesSite.OnePagePerType"/>), so a page type the
/// generator adds is audited here without anyone listing it, and a type this site does not have is never asked for.
/// </summary>
public sealed class BridgesAccessibilityTests(BridgesBrowserSite site) : AccessibilityTests(site)
{
    public static TheoryData<string, bool> PageTypes()
    {
        var data = new TheoryData<string, bool>();
        foreach (var path in BridgesSite.OnePagePerType())
        {
            data.Add(path, true);
            data.Add(path, false);
        }
        return data;
    }

    public static TheoryData<string> Paths() => [.. BridgesSite.OnePagePerType()];

    [Fact]
    public void The_page_list_covers_the_site_s_page_types_and_none_it_does_not_have()
    {
        var paths = BridgesSite.OnePagePerType();
        foreach (var expected in new[] { "/", "/404.html", "/about/", "/entries/*/", "/sources/*/", "/sources/*/copy/", "/organisations/*/", "/tags/*/", "/years/*/", "/glossary/", "/search/" })
            Assert.Contains(expected, paths.Select(BridgesSite.PageType));
        Assert.DoesNotContain(paths, p => p.StartsWith("/review", StringComparison.Ordinal) || p.StartsWith("/registers", StringComparison.Ordinal)
            || p.StartsWith("/risks", StringComparison.Ordinal) || p.StartsWith("/documents", StringComparison.Ordinal) || p.StartsWith("/people", StringComparison.Ordinal));
    }

    protected override IEnumerable<(string Path, bool JavaScript)> AxeRows => PageTypes().Select(row => row.Data);

    protected override IEnumerable<string> ReflowRows => Paths().Select(row => row.Data);

    [Theory]
    [MemberData(nameof(PageTypes))]
    public Task Axe_finds_no_violations(string path, bool javaScript) => AssertAxeFindsNoViolationsAsync(path, javaScript);

    [Theory]
    [MemberData(nameof(Paths))]
    public Task Each_page_reflows_at_320_pixels_keeps_contrast_in_dark_mode_and_does_not_move_with_reduced_motion(string path) =>
        AssertReflowsKeepsContrastAndStaysStillAsync(path);

    [Fact]
    public Task Search_works_with_the_keyboard_alone_and_announces_results() => AssertSearchWorksWithTheKeyboardAloneAsync("footbridge");

    [Fact]
    public Task The_chronology_filters_instantly_by_keyboard_and_says_how_many_entries_show() => AssertTheChronologyFiltersByYearAsync("2019");

    [Fact]
    public Task Print_hides_navigation_and_shows_every_document_url() =>
        AssertPrintHidesNavigationAndShowsTheDocumentUrlAsync("/entries/2018-principal-inspection-of-mill-lane-footbridge/", "https://aldermoor.example/");
}
