using Microsoft.Playwright;

namespace Chronology.Tests.Browser;

/// <summary>
/// The layout as a new reader meets it, in the real browser: the timeline starts on the first screen, text is never
/// squeezed into a narrow column on a phone, the heat map fits a phone, the review sits beside its responses at
/// desktop width, every control has the same focus ring, and the favicon is there.
/// </summary>
public sealed class LayoutTests(BrowserSite site)
{
    public static TheoryData<int, int, bool> Screens() => new()
    {
        { 1280, 800, true }, { 1280, 800, false }, { 375, 667, true }, { 375, 667, false }, { 768, 1024, true },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_first_entry_of_the_timeline_is_on_the_first_screen(int width, int height, bool javaScript)
    {
        ServedSite.RequireBrowser();
        var page = await site.OpenAsync("/", new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, JavaScriptEnabled = javaScript });
        var bottom = await page.EvaluateAsync<double>("document.querySelector('.timeline .entry-summary .entry-title').getBoundingClientRect().bottom");
        TestContext.Current.TestOutputHelper?.WriteLine($"{width}x{height} JS {(javaScript ? "on" : "off")}: first entry card top {await page.EvaluateAsync<double>("document.querySelector('.timeline .entry-summary').getBoundingClientRect().top"):0} px, title bottom {bottom:0} px");
        Assert.True(bottom <= height, $"the first entry's title ends {bottom:0} px down, below the {height} px screen");

        // The filter is there only where it can work, and each select is wide enough for the choice it shows.
        Assert.Equal(javaScript, await page.IsVisibleAsync("#timeline-filter"));
        if (javaScript)
        {
            var cut = await page.EvaluateAsync<string[]>("""
                (() => {
                  const context = document.createElement('canvas').getContext('2d');
                  return [...document.querySelectorAll('#timeline-filter select')].filter(select => {
                    const s = getComputedStyle(select);
                    context.font = s.font;
                    const text = context.measureText(select.options[select.selectedIndex].text).width;
                    // the text, the select's own padding and about 16 px for the arrow
                    return select.clientWidth < text + parseFloat(s.paddingLeft) + parseFloat(s.paddingRight) + 16;
                  }).map(select => select.id);
                })()
                """);
            Assert.True(cut.Length == 0, $"at {width} px these selects cut their text: {string.Join(", ", cut)}");
        }
        site.Return(page);
    }

    [Fact]
    public async Task The_first_entry_is_a_few_tab_presses_from_the_top_and_every_control_has_the_same_focus_ring()
    {
        ServedSite.RequireBrowser();
        var page = await site.OpenAsync("/", new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var rings = new HashSet<string>();
        var kinds = new HashSet<string>();
        var presses = 0;
        for (; presses < 40; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string[]>("""
                (() => {
                  const e = document.activeElement, s = getComputedStyle(e);
                  return [e.tagName.toLowerCase(), s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor + ' ' + s.boxShadow,
                          String(e === document.querySelector('.timeline .entry-summary .entry-title'))];
                })()
                """);
            kinds.Add(focused[0]);
            rings.Add(focused[1]);
            if (focused[2] == "true") break;
        }
        // Skip link, header (navigation, search), the introduction's summary, two ways in, the filter, the year: then the entry.
        TestContext.Current.TestOutputHelper?.WriteLine($"Tab presses from the top of the page to the first entry: {presses + 1}");
        Assert.InRange(presses + 1, 1, 22);
        Assert.Superset(new HashSet<string> { "a", "input", "button", "select", "summary" }, kinds);
        Assert.True(rings.Count == 1, "focus rings differ: " + string.Join(" | ", rings));
        Assert.StartsWith("solid 3px", rings.Single());
        site.Return(page);
    }

    public static TheoryData<string> TextPages() =>
    [
        "/", "/entries/2014-cqc-report-cites-operation-serenity/", "/review/", "/review/conclusion-4-5/", "/about/",
        "/sources/ahsn-network-commentary-2023/", "/registers/ahsn-sim-national-programme-risk-register-2020/", "/at-a-glance/",
    ];

    /// <summary>On a phone, running text takes the width: no paragraph or quotation is set in a column under 60% of main's content width (data tables excepted).</summary>
    [Theory]
    [MemberData(nameof(TextPages))]
    public async Task On_a_phone_no_text_column_is_narrower_than_60_percent_of_the_content(string path)
    {
        ServedSite.RequireBrowser();
        var page = await site.OpenAsync(path, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 375, Height = 667 } });
        var narrow = await page.EvaluateAsync<string[]>("""
            (() => {
              const main = document.querySelector('main'), s = getComputedStyle(main);
              const content = main.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
              return [...main.querySelectorAll('p, blockquote')]
                .filter(e => e.textContent.trim().length >= 40 && e.offsetParent !== null)
                .filter(e => !e.closest('table:not(.review), .story-scroll'))
                .filter(e => e.getBoundingClientRect().width < 0.6 * content)
                .slice(0, 5).map(e => Math.round(e.getBoundingClientRect().width) + ' of ' + Math.round(content) + ' px: ' + e.textContent.trim().slice(0, 50));
            })()
            """);
        Assert.True(narrow.Length == 0, "narrow text columns: " + string.Join(" | ", narrow));
        site.Return(page);
    }

    [Fact]
    public async Task The_heat_map_fits_a_phone_and_colours_every_cell_by_its_rating()
    {
        ServedSite.RequireBrowser();
        var page = await site.OpenAsync("/registers/ahsn-sim-national-programme-risk-register-2020/", new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 375, Height = 667 } });
        var facts = await page.EvaluateAsync<string[]>("""
            (() => {
              const table = document.querySelector('table.risk-matrix'), wrap = table.closest('.table-wrap');
              const problems = [];
              if (table.getBoundingClientRect().width > wrap.clientWidth + 1) problems.push('the table is wider than the screen');
              for (const cell of table.querySelectorAll('th, td')) {
                if (cell.scrollWidth > cell.clientWidth + 1) problems.push('overflows: ' + cell.textContent.trim().slice(0, 30));
              }
              for (const cell of table.querySelectorAll('tbody td')) {
                if (![...cell.classList].some(c => /^score-[1-5]$/.test(c))) problems.push('no score colour: ' + cell.textContent.trim().slice(0, 30));
              }
              if (!document.querySelector('.score-legend li')) problems.push('no legend');
              return problems;
            })()
            """);
        Assert.True(facts.Length == 0, string.Join(" | ", facts));
        site.Return(page);
    }

    [Theory]
    [InlineData(1280, true)]
    [InlineData(375, false)]
    public async Task The_review_sits_beside_its_responses_at_desktop_and_above_them_on_a_phone(int width, bool sideBySide)
    {
        ServedSite.RequireBrowser();
        var page = await site.OpenAsync("/review/", new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 800 } });
        var box = await page.EvaluateAsync<double[]>("""
            (() => {
              const row = document.querySelector('table.review tbody tr');
              const a = row.querySelector('th').getBoundingClientRect(), b = row.querySelector('td').getBoundingClientRect();
              return [a.right, b.left, a.bottom, b.top];
            })()
            """);
        var (reviewRight, responseLeft, reviewBottom, responseTop) = (box[0], box[1], box[2], box[3]);
        if (sideBySide) Assert.True(responseLeft >= reviewRight - 1, $"the response starts at {responseLeft:0}, before the review ends at {reviewRight:0}");
        else Assert.True(responseTop >= reviewBottom - 1, $"the response starts at {responseTop:0}, above the review's end at {reviewBottom:0}");
        site.Return(page);
    }

    [Fact]
    public async Task At_1280_pixels_the_navigation_is_on_one_line_and_tables_are_wider_than_the_text()
    {
        ServedSite.RequireBrowser();
        var page = await site.OpenAsync("/registers/ahsn-sim-national-programme-risk-register-2020/", new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var tops = await page.EvaluateAsync<double[]>("[...document.querySelectorAll('.site-header nav li')].map(li => Math.round(li.getBoundingClientRect().top))");
        Assert.Single(tops.Distinct());
        var widths = await page.EvaluateAsync<double[]>("[document.querySelector('table.risks').getBoundingClientRect().width, document.querySelector('main p').getBoundingClientRect().width]");
        var (table, text) = (widths[0], widths[1]);
        Assert.True(table > text * 1.3, $"the register table is {table:0} px wide; the text {text:0} px");
        var status = await page.IsVisibleAsync("table.risks thead th:last-child");
        Assert.True(status);
        var clipped = await page.EvaluateAsync<bool>("(() => { const w = document.querySelector('table.risks').closest('.table-wrap'); return w.scrollWidth > w.clientWidth + 1; })()");
        Assert.False(clipped, "the register table scrolls at 1280 px");
        site.Return(page);
    }

    [Fact]
    public async Task The_favicon_is_served()
    {
        ServedSite.RequireBrowser();
        var page = await site.OpenAsync("/");
        var ico = await page.APIRequest.GetAsync(site.BaseUrl + "/favicon.ico");
        Assert.Equal(200, ico.Status);
        var svg = await page.APIRequest.GetAsync(site.BaseUrl + "/assets/favicon.svg");
        Assert.Equal(200, svg.Status);
        site.Return(page);
    }

}
