using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Chronology.Tests.Browser;

/// <summary>
/// Search on the real site, in the real browser, as a reader meets it: every word must match, quotes make a phrase,
/// a misspelt word is corrected and the reader told, titles rank first, every kind of page can be found, the
/// filters come after the results, and without JavaScript the page says so instead of showing a box that does nothing.
/// </summary>
public sealed class SearchTests(BrowserSite site)
{
    private sealed record Hit(string Href, string Kind, string Title);

    /// <summary>Opens /search/?q=…, waits for the status to say how many results, and returns them in order.</summary>
    private async Task<(IPage Page, string Status, List<Hit> Hits)> SearchAsync(string query)
    {
        var page = await site.OpenAsync("/search/?q=" + Uri.EscapeDataString(query));
        await page.WaitForFunctionAsync("/results? for|No results/.test(document.getElementById('search-status').textContent)");
        var status = (await page.TextContentAsync("#search-status"))!;
        var hits = await page.EvaluateAsync<string[][]>("""
            [...document.querySelectorAll('#search-results li')].map(li =>
              [li.querySelector('a').getAttribute('href'), li.querySelector('.search-type').textContent, li.querySelector('a').textContent])
            """);
        return (page, status, [.. hits.Select(h => new Hit(h[0], h[1], h[2]))]);
    }

    /// <summary>Each result's indexed text (title, names, quotations, text), from the index the page loaded.</summary>
    private static async Task<Dictionary<string, string>> IndexedTextAsync(IPage page)
    {
        var pairs = await page.EvaluateAsync<string[][]>("""
            fetch('../search/index.json').then(r => r.json()).then(data => data.documents.map(d =>
              ['../' + d.url.replace(/^\//, ''), [d.title, d.names, d.quotes, d.text].filter(Boolean).join(' \n ')]))
            """);
        return pairs.ToDictionary(p => p[0], p => p[1]);
    }

    [Fact]
    public async Task Every_word_must_match()
    {
        ServedSite.RequireBrowser();
        var (page, status, hits) = await SearchAsync("High Intensity Network");
        var text = await IndexedTextAsync(page);

        Assert.Matches("^[0-9]+ results for “High Intensity Network” \\(pages with all of these words\\)", status);
        Assert.NotEmpty(hits);
        foreach (var hit in hits)
        {
            foreach (var word in new[] { @"\bhigh", @"\bintensit", @"\bnetwork" })
                Assert.True(Regex.IsMatch(text[hit.Href], word, RegexOptions.IgnoreCase), $"{hit.Title} lacks {word}");
        }
        // Any-word matching found 137; far fewer pages have all three.
        var anyWord = text.Values.Count(t => Regex.IsMatch(t, @"\b(high|intensit|network)", RegexOptions.IgnoreCase));
        Assert.True(hits.Count < anyWord, $"{hits.Count} results, and {anyWord} pages have any of the words");
        site.Return(page);
    }

    [Fact]
    public async Task Titles_rank_first_so_stop_sim_finds_the_petition_and_results_say_their_kind()
    {
        ServedSite.RequireBrowser();
        var (page, _, hits) = await SearchAsync("stop sim");

        Assert.Contains(hits.Take(3), h => h.Href == "../sources/stopsim-petition/");
        var petition = hits.First(h => h.Href == "../sources/stopsim-petition/");
        Assert.Equal(("Source", "#StopSIM Petition"), (petition.Kind, petition.Title));
        site.Return(page);
    }

    [Fact]
    public async Task A_misspelt_word_shows_results_for_the_closest_word_and_says_so()
    {
        ServedSite.RequireBrowser();
        var (page, status, hits) = await SearchAsync("Serentiy");

        Assert.True(await page.IsVisibleAsync("#search-correction"));
        Assert.Equal("No results for “Serentiy”. Showing results for serenity instead.", await page.TextContentAsync("#search-correction"));
        Assert.Matches("^[0-9]+ results for “serenity”", status);
        Assert.NotEmpty(hits);
        Assert.Contains(hits, h => h.Title.Contains("Serenity", StringComparison.Ordinal));
        Assert.NotEmpty(await page.Locator("#search-results mark").AllTextContentsAsync());
        site.Return(page);
    }

    [Fact]
    public async Task Quotes_make_a_phrase_that_must_appear_as_typed()
    {
        ServedSite.RequireBrowser();
        var (page, _, words) = await SearchAsync("programme national");
        var text = await IndexedTextAsync(page);
        site.Return(page);
        var (phrasePage, status, phrase) = await SearchAsync("\"national programme\"");

        Assert.Matches("^[0-9]+ results? for \"national programme\"", status);
        Assert.NotEmpty(phrase);
        Assert.All(phrase, hit => Assert.Matches(new Regex(@"national\W+programme", RegexOptions.IgnoreCase), text[hit.Href]));
        Assert.True(phrase.Count < words.Count, $"{phrase.Count} with the phrase, {words.Count} with both words");
        Assert.Subset(words.Select(h => h.Href).ToHashSet(), phrase.Select(h => h.Href).ToHashSet());
        site.Return(phrasePage);
    }

    [Theory]
    [InlineData("national programme risk register 2020", "../registers/ahsn-sim-national-programme-risk-register-2020/", "Risk register")]
    [InlineData("risk register 2018-19", "../registers/ahsn-sim-risk-register-2018-19/", "Risk register")]
    [InlineData("independent review responses", "../review/", "Page")]
    [InlineData("about this chronology", "../about/", "Page")]
    [InlineData("people named", "../people/", "Page")]
    [InlineData("abbreviations", "../glossary/", "Page")]
    public async Task Registers_the_review_about_people_and_the_glossary_can_be_found(string query, string href, string kind)
    {
        ServedSite.RequireBrowser();
        var (page, _, hits) = await SearchAsync(query);

        var hit = hits.Take(5).FirstOrDefault(h => h.Href == href);
        Assert.True(hit is not null, $"{href} not in the first five for “{query}”: {string.Join(", ", hits.Take(5).Select(h => h.Href))}");
        Assert.Equal(kind, hit.Kind.Split(" · ")[0]);
        site.Return(page);
    }

    [Fact]
    public async Task The_filters_come_after_the_results_collapsed_so_Tab_goes_from_the_box_to_the_results()
    {
        ServedSite.RequireBrowser();
        var (page, _, hits) = await SearchAsync("Surrey");
        Assert.NotEmpty(hits);

        Assert.False(await page.EvaluateAsync<bool>("document.getElementById('search-facets').open"));
        await page.FocusAsync("#search-form button");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal(hits[0].Href, await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));
        // The filters' summary is the next stop after the last result; none of their checkboxes is a stop while closed.
        await page.Locator("#search-results li a").Last.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Filter results", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        Assert.Equal(0, await page.Locator("#search-facets input:visible").CountAsync());
        site.Return(page);
    }

    [Fact]
    public async Task Without_JavaScript_the_page_says_search_needs_it_and_offers_the_browse_links_and_no_box()
    {
        ServedSite.RequireBrowser();
        var page = await site.OpenAsync("/search/?q=serenity", javaScript: false);

        Assert.True(await page.IsVisibleAsync("#search-nojs"));
        Assert.StartsWith("Search needs JavaScript, which is off or blocked in this browser. You can browse instead", await page.TextContentAsync("#search-nojs"));
        Assert.Equal(0, await page.Locator("main input:visible").CountAsync());
        Assert.Equal(0, await page.Locator("main button:visible").CountAsync());
        var browse = await page.Locator("#browse ~ ul a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Subset(browse.ToHashSet(), new HashSet<string> { "../", "../at-a-glance/", "../tags/", "../organisations/", "../sources/", "../review/", "../documents/", "../about/" });
        site.Return(page);

        // With JavaScript the message goes and the box is there.
        var (withScript, _, _) = await SearchAsync("serenity");
        Assert.False(await withScript.IsVisibleAsync("#search-nojs"));
        Assert.True(await withScript.IsVisibleAsync("#search-q"));
        Assert.Equal("serenity", await withScript.InputValueAsync("#search-q"));
        site.Return(withScript);
    }

}
