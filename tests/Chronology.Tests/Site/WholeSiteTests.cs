using System.Text.Json;
using AngleSharp.Diffing;
using AngleSharp.Dom;

namespace Chronology.Tests.Site;

/// <summary>Builds one small site, once for the class, and checks every page type as a reader (and a tool) would meet it.</summary>
public sealed class WholeSiteTests(WholeSiteTests.Built built) : IClassFixture<WholeSiteTests.Built>
{
    private readonly TestSite _site = built.Site;

    /// <summary>The site every test here reads: built once; no test writes to it.</summary>
    public sealed class Built : IAsyncLifetime, IDisposable
    {
        internal TestSite Site { get; } = TestSite.Create("""
        -- content/entries/2012-street-triage.md --
        ---
        date: 2012-11
        label: November 2012
        title: Street triage introduced
        annex: 1
        organisations: [org-a, org-b]
        tags: [street-triage]
        citations:
          - source: commentary
            locator: annex 1, item 1, page 10
            quote: Operation Serenity Street Triage programme introduced
          - source: inspection
            locator: page 15
            quote: >-
              The service had developed new
              and innovative services
        ---
        The commentary states that a *street triage* programme was introduced.[^1][^2]
        -- content/entries/2017-late.md --
        ---
        date: 2017-41~
        label: Late 2017
        title: Portfolios constructed
        annex: 10
        organisations: [org-a]
        citations:
          - source: commentary
            locator: annex 1, item 10, page 11
        ---
        The commentary states that portfolios were constructed.
        -- content/entries/2017-march.md --
        ---
        date: 2017-03
        label: March 2017
        title: Adopted in Surrey
        annex: 6
        citations:
          - source: inspection
        ---
        Adopted.
        -- content/sources/commentary.yml --
        title: The commentary
        publisher: The Network
        type: report
        date: 2023
        noUrlReason: The seeds give no URL for this document.
        -- content/sources/inspection.yml --
        title: An inspection report
        publisher: The Inspectorate
        type: inspection-report
        date: 2014-07
        url: https://example.org/report.pdf
        format: pdf
        knownThrough: commentary
        organisations: [org-b]
        notes: Quoted in *Annex 1*.
        -- content/organisations/org-a.yml --
        name: Alpha Trust
        aliases: [Alpha]
        description: A trust named in the documents.
        -- content/organisations/org-b.yml --
        name: Beta Inspectorate
        description: An inspectorate.
        -- content/snapshots/commentary.txt --
        ---
        title: The commentary
        publisher: The Network
        note: Archived text extraction, for tests.
        ---
        [page 10]
        Operation Serenity Street Triage
        programme introduced on Isle of Wight.
        Page 15 “The service had developed new and
        innovative services to protect vulnerable people.”
        -- content/link-status.json --
        { "links": [ { "url": "https://example.org/report.pdf", "outcome": "redirected", "status": 200, "finalUrl": "https://example.org/new/report.pdf",
          "redirects": ["https://example.org/report.pdf"], "contentType": "application/pdf", "checkedAt": "2026-11-20T10:00:00Z", "firstFailedAt": null, "detail": null } ] }
        """, withDefaults: false);

        public async ValueTask InitializeAsync()
        {
            Site.Write("content/site.yml", "title: Test chronology\ndescription: A site for tests.\nbaseUrl: https://chronology.example/\nannexSource: commentary\nannexName: Annex 1\n");
            await Site.BuildOkAsync();
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        public void Dispose() => Site.Dispose();
    }

    [Fact]
    public void Home_lists_the_whole_chronology_in_order_grouped_by_year()
    {
        var home = _site.Page("/");

        Assert.Single(home.QuerySelectorAll("h1"));
        Assert.Equal(["2012", "2017"], home.QuerySelectorAll("section.year h2 a").Select(h => h.TextContent));
        Assert.Equal(["1 entry", "2 entries"], home.QuerySelectorAll("section.year h2 .year-count").Select(h => h.TextContent));
        Assert.Equal(["y2012", "y2017"], home.QuerySelectorAll("section.year h2").Select(h => h.Id!));
        Assert.Equal(
            ["Street triage introduced", "Adopted in Surrey", "Portfolios constructed"],
            home.QuerySelectorAll(".entry-title").Select(a => a.TextContent));
        Assert.Equal("entries/2017-late/", home.QuerySelectorAll(".entry-title")[2].GetAttribute("href"));
        Assert.Equal(["2012-11", "2017-03", "2017"], home.QuerySelectorAll(".timeline time").Select(t => t.GetAttribute("datetime")!));
        // Each year on the time axis links to its own page (the filter's no-JavaScript equivalent).
        Assert.Equal(["years/2012/", "years/2017/"], home.QuerySelectorAll("section.year h2 a").Select(a => a.GetAttribute("href")!));
        // Each card: one line from the entry (note markers and Markdown gone), its organisations, how its evidence stands.
        var card = home.QuerySelector(".timeline .entry-summary")!;
        Assert.Equal("The commentary states that a street triage programme was introduced.", card.QuerySelector(".entry-card-summary")!.TextContent);
        Assert.Equal(["Alpha Trust", "Beta Inspectorate"], card.QuerySelectorAll(".org-badge").Select(b => b.TextContent));
        Assert.StartsWith("2 sources · 2 quotations", card.QuerySelector(".evidence-tally")!.TextContent);
        // The picture of the whole story: a mark linking to each entry in each lane, and the same as a table.
        var story = home.QuerySelector("figure#story")!;
        Assert.Equal("true", story.QuerySelector("svg")!.GetAttribute("aria-hidden"));
        Assert.All(story.QuerySelectorAll("svg a"), a => Assert.Equal("-1", a.GetAttribute("tabindex")));
        Assert.Equal(4, story.QuerySelectorAll("svg a").Length); // street triage in org-a and org-b; late 2017 in org-a; Surrey in "others"
        Assert.Equal(["Alpha Trust", "Beta Inspectorate", "Others, or none named"], story.QuerySelectorAll(".story-table tbody th").Select(th => th.TextContent.Trim()));
        Assert.Equal(["assets/timeline-filter.js"], home.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!));
        Assert.Empty(home.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public void An_entry_page_has_its_date_body_organisations_tags_and_numbered_citations()
    {
        var page = _site.Page("/entries/2012-street-triage/");

        Assert.Equal("Street triage introduced", page.QuerySelector("h1")!.TextContent);
        var time = page.QuerySelector(".entry-date time")!;
        Assert.Equal(("2012-11", "November 2012"), (time.GetAttribute("datetime"), time.TextContent));
        Assert.Equal("Annex 1, item 1, in The commentary", page.QuerySelector(".annex-item")!.TextContent);
        Assert.StartsWith("<p>The commentary states that a <em>street triage</em> programme was introduced.<sup class=\"noteref\" id=\"ref-1-1\">", page.QuerySelector(".entry-body")!.InnerHtml.Trim());
        Assert.Equal(["Alpha Trust", "Beta Inspectorate"], page.QuerySelectorAll(".entry-meta ul:not(.tags) a").Select(a => a.TextContent));
        Assert.Equal("../../organisations/org-a/", page.QuerySelector(".entry-meta a")!.GetAttribute("href"));
        Assert.Equal("../../tags/street-triage/", page.QuerySelector(".tags a")!.GetAttribute("href"));

        var citations = page.QuerySelectorAll(".citations li");
        Assert.Equal(["cite-1", "cite-2"], citations.Select(c => c.Id!));
        Assert.Equal("../../sources/commentary/", citations[0].QuerySelector(".citation-source a")!.GetAttribute("href"));
        Assert.Equal(", annex 1, item 1, p. 10", citations[0].QuerySelector(".locator")!.TextContent);
        Assert.Null(citations[0].QuerySelector(".document-link"));
        Assert.Equal("https://example.org/report.pdf#page=15", citations[1].QuerySelector(".document-link a")!.GetAttribute("href"));
        Assert.Equal("The service had developed new and innovative services", citations[1].QuerySelector("blockquote")!.TextContent.Trim());
    }

    [Fact]
    public void Entry_pages_link_to_their_neighbours()
    {
        var first = _site.Page("/entries/2012-street-triage/");
        var middle = _site.Page("/entries/2017-march/");
        var last = _site.Page("/entries/2017-late/");

        Assert.Null(first.QuerySelector("a[rel=prev]"));
        Assert.Equal("../2017-march/", first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("../2012-street-triage/", middle.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("../2017-late/", middle.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Null(last.QuerySelector("a[rel=next]"));
        Assert.Contains("date-approximate", last.QuerySelector(".entry-date time")!.ClassName);
        Assert.Equal("About late 2017", last.QuerySelector(".entry-date time")!.TextContent);
        Assert.Equal("(dated in the document as “Late 2017”)", last.QuerySelector(".entry-date .date-wording")!.TextContent);
    }

    [Fact]
    public void The_source_register_lists_every_source_with_its_link_state()
    {
        var register = _site.Page("/sources/");

        var rows = register.QuerySelectorAll("tbody tr");
        Assert.Equal(["An inspection report", "The commentary"], rows.Select(r => r.QuerySelector("th")!.TextContent));
        Assert.Equal(["An inspection report", "The Inspectorate", "inspection report", "July 2014", "yes", "2 entries"], Cells(rows[0]));
        Assert.Equal(["The commentary", "The Network", "report", "2023", "none (see source page)", "2 entries"], Cells(rows[1]));
    }

    [Fact]
    public void A_source_page_lists_every_entry_that_cites_it_with_locators()
    {
        var page = _site.Page("/sources/commentary/");

        Assert.Equal("The commentary", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("The seeds give no URL for this document.", page.QuerySelector(".no-url")!.TextContent);
        var uses = page.QuerySelectorAll(".cited-by li");
        Assert.Equal(["../../entries/2012-street-triage/#cite-1", "../../entries/2017-late/#cite-1"], uses.Select(u => u.QuerySelector("a")!.GetAttribute("href")!));
        Assert.Equal("(citation 1, annex 1, item 1, p. 10)", uses[0].QuerySelector(".locator")!.TextContent);

        var inspection = _site.Page("/sources/inspection/");
        Assert.Equal("https://example.org/report.pdf", inspection.QuerySelector("a.url")!.GetAttribute("href"));
        Assert.Equal("../commentary/", inspection.QuerySelector("dd a[href='../commentary/']")!.GetAttribute("href"));
        Assert.Equal("<p>Quoted in <em>Annex 1</em>.</p>", inspection.QuerySelector(".notes p")!.OuterHtml);
        Assert.Equal(2, inspection.QuerySelectorAll(".cited-by li").Length);
    }

    [Fact]
    public void Organisation_pages_list_their_entries_and_sources()
    {
        var index = _site.Page("/organisations/");
        Assert.Equal(["Alpha Trust (2 entries)", "Beta Inspectorate (1 entry)"], index.QuerySelectorAll(".organisation-list li").Select(l => l.TextContent));

        var alpha = _site.Page("/organisations/org-a/");
        Assert.Equal("Alpha Trust", alpha.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Street triage introduced", "Portfolios constructed"], alpha.QuerySelectorAll(".entry-title").Select(a => a.TextContent));

        var beta = _site.Page("/organisations/org-b/");
        Assert.Equal("../../sources/inspection/", beta.QuerySelector("#sources + ul a")!.GetAttribute("href"));
    }

    [Fact]
    public void About_and_not_found_pages_exist()
    {
        Assert.Equal("About this chronology", _site.Page("/about/").QuerySelector("h1")!.TextContent);
        var notFound = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(_site.ReadOutput("404.html"));
        Assert.Equal("Page not found", notFound.QuerySelector("h1")!.TextContent);
    }

    /// <summary>This site is not a git repository: the list of changes says it has no record rather than showing none.</summary>
    [Fact]
    public void The_changes_page_says_when_this_copy_has_no_record_of_changes()
    {
        var page = _site.Page("/changes/");
        Assert.Equal("Changes to the chronology", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("No record of changes is available in this copy of the site.", page.QuerySelector("main")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".change-log"));
        Assert.Equal("../about/#corrections", page.QuerySelector("main a")!.GetAttribute("href"));
    }

    [Fact]
    public void Every_page_has_the_shell_a_reader_relies_on()
    {
        foreach (var file in Directory.EnumerateFiles(_site.Output, "*.html", SearchOption.AllDirectories))
        {
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(file));
            Assert.Equal("en-GB", page.DocumentElement.GetAttribute("lang"));
            Assert.Single(page.QuerySelectorAll("h1"));
            Assert.NotNull(page.QuerySelector("a.skip-link[href='#main']"));
            Assert.NotNull(page.QuerySelector("main#main"));
            var policy = page.QuerySelector("meta[http-equiv=Content-Security-Policy]")!.GetAttribute("content")!;
            Assert.DoesNotContain("unsafe-", policy);
            Assert.Contains("default-src 'none'", policy);
            // No third-party requests: every script, style sheet and image is the site's own.
            Assert.All(page.QuerySelectorAll("script[src], link[rel=stylesheet], img[src], link[rel=icon]"),
                e => Assert.DoesNotContain("//", e.GetAttribute("src") ?? e.GetAttribute("href")!));
            Assert.Empty(page.QuerySelectorAll("[style], script:not([src]):not([type=\"application/ld+json\"])"));
        }
        var entry = _site.Page("/entries/2017-late/");
        Assert.Equal("https://chronology.example/entries/2017-late/", entry.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public void The_entry_page_matches_its_golden_html()
    {
        var expected = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Chronology.Tests", "Golden", "entry.html"));
        var actual = _site.Page("/entries/2012-street-triage/").QuerySelector("main")!.InnerHtml;

        var diffs = DiffBuilder.Compare(expected).WithTest(actual).Build().ToList();

        Assert.True(diffs.Count == 0, string.Join("\n", diffs.Select(d => d.Result + " " + d.Target)) + "\nactual:\n" + actual);
    }

    [Fact]
    public void The_open_data_file_has_entries_sources_and_organisations()
    {
        using var json = JsonDocument.Parse(_site.ReadOutput("data/chronology.json"));
        var root = json.RootElement;

        var entries = root.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["2012-street-triage", "2017-march", "2017-late"], entries.Select(e => e.GetProperty("id").GetString()));
        var first = entries[0];
        Assert.Equal("2012-11", first.GetProperty("date").GetString());
        Assert.Equal("November 2012", first.GetProperty("label").GetString());
        Assert.Equal("Street triage introduced", first.GetProperty("title").GetString());
        Assert.Equal("The commentary states that a street triage programme was introduced.", first.GetProperty("body").GetString());
        Assert.Equal(1, first.GetProperty("annexItem").GetInt32());
        Assert.Equal(["org-a", "org-b"], first.GetProperty("organisations").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(["street-triage"], first.GetProperty("tags").EnumerateArray().Select(o => o.GetString()));
        var citation = first.GetProperty("citations")[1];
        Assert.Equal("inspection", citation.GetProperty("source").GetString());
        Assert.Equal("page 15", citation.GetProperty("locator").GetString());
        Assert.Equal("The service had developed new and innovative services", citation.GetProperty("quote").GetString());
        Assert.Equal("2017-41~", entries[2].GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, entries[1].GetProperty("organisations").EnumerateArray().Any() ? JsonValueKind.Undefined : JsonValueKind.Null);

        var sources = root.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(["commentary", "inspection"], sources.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Null, sources[0].GetProperty("url").ValueKind);
        Assert.Equal("https://example.org/report.pdf", sources[1].GetProperty("url").GetString());
        Assert.Equal("inspection-report", sources[1].GetProperty("type").GetString());
        Assert.Equal("2014-07", sources[1].GetProperty("date").GetString());
        Assert.Equal("The Inspectorate", sources[1].GetProperty("publisher").GetString());

        Assert.Equal(["org-a", "org-b"], root.GetProperty("organisations").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
    }

    [Fact]
    public void Each_quote_says_how_it_was_checked()
    {
        var statuses = _site.Page("/entries/2012-street-triage/").QuerySelectorAll(".quote-status");

        Assert.Equal(["quote-status-verified", "quote-status-versifiedasquoted".Replace("versified", "verified")],
            statuses.Select(s => s.ClassList.Last()));
        Assert.StartsWith("✓Quotation checked against this site's copy of The commentary, page 10.", statuses[0].TextContent.Trim());
        Assert.StartsWith("✓Quotation checked against this site's copy of The commentary, which quotes it; the original document has not been checked.",
            statuses[1].TextContent.Trim());
    }

    [Fact]
    public void The_evidence_health_page_counts_quotes_sources_and_links()
    {
        var page = _site.Page("/evidence/");
        string Row(string table, string label) =>
            page.QuerySelectorAll($"#{table} ~ table tr").First(r => r.QuerySelector("th")!.TextContent.StartsWith(label, StringComparison.Ordinal)).QuerySelector("td")!.TextContent;

        Assert.Equal("1", Row("quotes", "Checked against this site's copy of the document itself"));
        Assert.Equal("1", Row("quotes", "Checked against this site's copy of a document that quotes it"));
        Assert.Equal("0", Row("quotes", "Not checkable"));
        Assert.Equal("1", Row("sources", "With a web address"));
        Assert.Equal("1", Row("sources", "Without one"));
        Assert.Equal("1", Row("sources", "Whose text this site holds a copy of"));
        Assert.Equal("1", Row("links", "Reached after a redirect"));
        Assert.Equal("0", Row("links", "Not yet checked"));
        Assert.Contains("The seeds give no URL for this document.", page.QuerySelector("#without-url + ul")!.TextContent);
    }

    [Fact]
    public void A_source_page_shows_its_last_link_check()
    {
        var page = _site.Page("/sources/inspection/");

        Assert.Equal("Reached on 20 November 2026, after redirection to https://example.org/new/report.pdf.", page.QuerySelector(".link-state")!.TextContent);
    }

    [Fact]
    public void The_csv_files_hold_entries_citations_and_sources()
    {
        var entries = _site.ReadOutput("data/entries.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var citations = _site.ReadOutput("data/citations.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var sources = _site.ReadOutput("data/sources.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("id,date,label,earliest,latest,title,body,organisations,tags,annexItem,url,display", entries[0]);
        Assert.Equal("2012-street-triage,2012-11,November 2012,2012-11-01,2012-11-30,Street triage introduced,The commentary states that a street triage programme was introduced.,org-a;org-b,street-triage,1,/entries/2012-street-triage/,November 2012", entries[1]);
        Assert.Equal(4, entries.Length);
        Assert.Equal("2012-street-triage,2,inspection,page 15,The service had developed new and innovative services", citations[2]);
        Assert.Equal(5, citations.Length);
        Assert.StartsWith("commentary,The commentary,The Network,report,2023,,,The seeds give no URL for this document.,", sources[1]);
    }

    [Fact]
    public void The_print_page_has_every_entry_and_every_citation_as_a_numbered_note_with_its_url()
    {
        var page = _site.Page("/print/");

        Assert.Equal(3, page.QuerySelectorAll("article.print-entry").Length);
        var notes = page.QuerySelectorAll("ol.notes > li");
        Assert.Equal(4, notes.Length);
        Assert.Equal(["#note-1", "#note-2", "#note-3", "#note-4"], page.QuerySelectorAll("a.note-ref").Select(a => a.GetAttribute("href")!));
        Assert.Equal("https://example.org/report.pdf#page=15", notes[1].QuerySelector(".url")!.TextContent);
        Assert.Contains("No web address: The seeds give no URL for this document.", notes[0].TextContent);
        Assert.Contains("“The service had developed new and innovative services”", notes[1].TextContent);
    }

    [Fact]
    public void Tag_pages_list_their_entries_in_order()
    {
        var index = _site.Page("/tags/");
        var tag = _site.Page("/tags/street-triage/");

        Assert.Equal(["street-triage (1 entry)"], index.QuerySelectorAll(".tag-list li").Select(l => l.TextContent));
        Assert.Equal("Tag: street-triage", tag.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Street triage introduced"], tag.QuerySelectorAll(".entry-title").Select(a => a.TextContent));
    }

    [Fact]
    public void Each_entry_can_be_cited_as_bibtex_ris_and_csl_json()
    {
        var page = _site.Page("/entries/2017-late/");

        Assert.Equal("https://chronology.example/entries/2017-late/", page.QuerySelector(".cite-this .url")!.TextContent);
        Assert.Equal(["cite.bib", "cite.ris", "cite.json"], page.QuerySelectorAll(".cite-this a").Select(a => a.GetAttribute("href")!));
        Assert.Equal("Portfolios constructed", page.QuerySelector("meta[name=citation_title]")!.GetAttribute("content"));
        Assert.Equal(
            "@misc{2017-late,\n  author = {{Test chronology}},\n  title = {Portfolios constructed},\n  howpublished = {\\url{https://chronology.example/entries/2017-late/}},\n  url = {https://chronology.example/entries/2017-late/},\n  note = {Chronology entry; date of the event: About late 2017 (in the document: Late 2017) (EDTF 2017-41~)}\n}\n",
            _site.ReadOutput("entries/2017-late/cite.bib"));
        Assert.Equal(
            "TY  - ELEC\r\nAU  - Test chronology\r\nTI  - Portfolios constructed\r\nUR  - https://chronology.example/entries/2017-late/\r\nN1  - Chronology entry; date of the event: About late 2017 (in the document: Late 2017) (EDTF 2017-41~)\r\nER  - \r\n",
            _site.ReadOutput("entries/2017-late/cite.ris"));
        using var csl = JsonDocument.Parse(_site.ReadOutput("entries/2017-late/cite.json"));
        Assert.Equal(("webpage", "Portfolios constructed"), (csl.RootElement[0].GetProperty("type").GetString(), csl.RootElement[0].GetProperty("title").GetString()));
    }

    [Fact]
    public void Each_source_can_be_cited_as_the_document_itself()
    {
        var page = _site.Page("/sources/inspection/");

        Assert.Equal("The Inspectorate (July 2014). An inspection report. Available at: https://example.org/report.pdf.",
            System.Text.RegularExpressions.Regex.Replace(page.QuerySelector(".cite-this .reference")!.TextContent, @"\s+", " ").Trim());
        Assert.Equal(["cite.bib", "cite.ris", "cite.json"], page.QuerySelectorAll(".cite-this a").Select(a => a.GetAttribute("href")!));
        Assert.Equal(
            [("citation_title", "An inspection report"), ("citation_publisher", "The Inspectorate"), ("citation_publication_date", "2014/07"), ("citation_public_url", "https://example.org/report.pdf")],
            page.QuerySelectorAll("meta[name^=citation_]").Select(m => (m.GetAttribute("name")!, m.GetAttribute("content")!)));
        Assert.Equal(
            "@misc{inspection,\n  title = {An inspection report},\n  organization = {The Inspectorate},\n  date = {2014-07},\n  howpublished = {\\url{https://example.org/report.pdf}},\n  url = {https://example.org/report.pdf},\n"
            + "  note = {Inspection report. Date: July 2014 (EDTF 2014-07). Listed in the source register of Test chronology: https://chronology.example/sources/inspection/}\n}\n",
            _site.ReadOutput("sources/inspection/cite.bib"));
        Assert.Equal(
            "TY  - RPRT\r\nTI  - An inspection report\r\nPB  - The Inspectorate\r\nPY  - 2014\r\nDA  - 2014/07//\r\nUR  - https://example.org/report.pdf\r\n"
            + "N1  - Inspection report. Date: July 2014 (EDTF 2014-07). Listed in the source register of Test chronology: https://chronology.example/sources/inspection/\r\nER  - \r\n",
            _site.ReadOutput("sources/inspection/cite.ris"));
        using var csl = JsonDocument.Parse(_site.ReadOutput("sources/inspection/cite.json"));
        var item = csl.RootElement[0];
        Assert.Equal(("report", "The Inspectorate", "https://example.org/report.pdf"), (item.GetProperty("type").GetString(), item.GetProperty("publisher").GetString(), item.GetProperty("URL").GetString()));
        Assert.Equal([2014, 7], item.GetProperty("issued").GetProperty("date-parts")[0].EnumerateArray().Select(p => p.GetInt32()));

        // No URL: the register's reason is in the note, and no link field is written.
        var commentary = _site.ReadOutput("sources/commentary/cite.ris");
        Assert.DoesNotContain("UR  -", commentary);
        Assert.Contains("No link: The seeds give no URL for this document.", commentary);
    }

    [Fact]
    public void The_sitemap_lists_every_page_by_absolute_url_and_robots_points_to_it()
    {
        var sitemap = _site.ReadOutput("sitemap.xml");

        Assert.Contains("<loc>https://chronology.example/entries/2017-late/</loc>", sitemap);
        Assert.Contains("<loc>https://chronology.example/</loc>", sitemap);
        Assert.DoesNotContain("404", sitemap);
        Assert.Equal("User-agent: *\nAllow: /\nSitemap: https://chronology.example/sitemap.xml\n", _site.ReadOutput("robots.txt"));
        var notFound = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(_site.ReadOutput("404.html"));
        Assert.Equal("/sources/", notFound.QuerySelector("main a[href='/sources/']")!.GetAttribute("href"));
    }

    [Fact]
    public void Every_page_has_a_search_box_that_leads_to_the_search_page()
    {
        var entry = _site.Page("/entries/2017-late/");
        var search = _site.Page("/search/");

        var box = entry.QuerySelector("form.site-search[role=search]")!;
        Assert.Equal(("../../search/", "get"), (box.GetAttribute("action"), box.GetAttribute("method")));
        Assert.Equal("q", box.QuerySelector("input[type=search]")!.GetAttribute("name"));
        Assert.NotNull(entry.QuerySelector("label[for=site-search-q]"));
        Assert.Empty(entry.QuerySelectorAll("script[src]"));

        var form = search.QuerySelector("#search-form")!;
        Assert.Equal(("index.json", "../"), (form.GetAttribute("data-index"), form.GetAttribute("data-root")));
        Assert.Equal(["../assets/lunr.min.js", "../assets/search.js"], search.QuerySelectorAll("script").Select(s => s.GetAttribute("src")!));
        Assert.Equal("polite", search.QuerySelector("#search-status")!.GetAttribute("aria-live"));
        Assert.Contains(search.QuerySelectorAll("#browse ~ ul a"), a => a.GetAttribute("href") == "../tags/");
        // Without JavaScript the browse list leads to the pre-rendered pages: by year, tag, organisation and type.
        var browse = search.QuerySelectorAll("#browse ~ ul a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("../years/2012/", browse);
        Assert.Contains("../at-a-glance/", browse);
        Assert.Contains("../organisations/", browse);
        Assert.Contains("../sources/", browse);
        Assert.Contains("../about/", browse);
        Assert.True(search.QuerySelector("#search-facets")!.HasAttribute("hidden"));

        // Without JavaScript there is no box that would do nothing: the form is hidden (search.js shows it) and the
        // page says why, before the browse links. The filters come after the results, collapsed.
        Assert.True(form.HasAttribute("hidden"));
        Assert.StartsWith("Search needs JavaScript, which is off or blocked in this browser. You can browse instead", search.QuerySelector("#search-nojs")!.TextContent);
        Assert.Equal("", search.QuerySelector("#search-status")!.TextContent);
        var order = search.QuerySelectorAll("#search-form, #search-results, #search-facets").Select(e => e.Id).ToList();
        Assert.Equal(["search-form", "search-results", "search-facets"], order);
        Assert.Equal(("DETAILS", "Filter results", false), (search.QuerySelector("#search-facets")!.TagName, search.QuerySelector("#search-facets > summary")!.TextContent, search.QuerySelector("#search-facets")!.HasAttribute("open")));
    }

    [Fact]
    public void The_search_index_holds_entries_sources_and_organisations()
    {
        using var json = JsonDocument.Parse(_site.ReadOutput("search/index.json"));
        var documents = json.RootElement.GetProperty("documents").EnumerateArray().ToList();

        // Every kind of page, the lists and the About page too (its text as written); organisation names are a
        // field of their own, ranked after titles.
        var urls = documents.Select(d => d.GetProperty("url").GetString()).ToList();
        foreach (var url in new[] { "/", "/about/", "/sources/", "/organisations/", "/tags/", "/tags/street-triage/", "/years/2012/", "/at-a-glance/", "/evidence/" })
            Assert.Contains(url, urls);
        Assert.DoesNotContain("/search/", urls);
        Assert.DoesNotContain("/print/", urls);
        var about = documents.Single(d => d.GetProperty("url").GetString() == "/about/");
        Assert.Contains("How it is made", about.GetProperty("text").GetString());
        Assert.Equal("page", about.GetProperty("type").GetString());
        Assert.Contains("Alpha Trust", documents[0].GetProperty("names").GetString());

        Assert.Equal(3, documents.Count(d => d.GetProperty("type").GetString() == "entry"));
        Assert.Equal(2, documents.Count(d => d.GetProperty("type").GetString() == "source"));
        Assert.Equal(2, documents.Count(d => d.GetProperty("type").GetString() == "organisation"));
        var first = documents[0];
        Assert.Equal(("/entries/2012-street-triage/", "Street triage introduced", "November 2012", 2012),
            (first.GetProperty("url").GetString(), first.GetProperty("title").GetString(), first.GetProperty("date").GetString(), first.GetProperty("year").GetInt32()));
        Assert.Contains("The service had developed new and innovative services", first.GetProperty("quotes").GetString());
        Assert.Contains("street triage programme was introduced", first.GetProperty("text").GetString());
    }

    [Fact]
    public void Year_pages_filters_and_the_at_a_glance_view_work_without_javascript()
    {
        var home = _site.Page("/");
        var filter = home.QuerySelector("form#timeline-filter")!;
        Assert.True(filter.HasAttribute("hidden")); // shown by the script; without it the links below are the filters
        Assert.Equal(["", "2012", "2017"], filter.QuerySelectorAll("#filter-year option").Select(o => o.GetAttribute("value")!));
        Assert.Equal(["", "org-a", "org-b"], filter.QuerySelectorAll("#filter-org option").Select(o => o.GetAttribute("value")!));
        Assert.Equal(["", "street-triage"], filter.QuerySelectorAll("#filter-tag option").Select(o => o.GetAttribute("value")!));
        var first = home.QuerySelector("section.year .entry-summary")!;
        Assert.Equal(("2012", "org-a org-b", "street-triage"), (first.GetAttribute("data-year"), first.GetAttribute("data-orgs"), first.GetAttribute("data-tags")));
        Assert.Equal(["years/2012/", "years/2017/"], home.QuerySelectorAll(".browse a[href^='years/']").Select(a => a.GetAttribute("href")!));

        var year = _site.Page("/years/2017/");
        Assert.Equal("The chronology in 2017", year.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Adopted in Surrey", "Portfolios constructed"], year.QuerySelectorAll(".entry-title").Select(a => a.TextContent));
        Assert.Equal("page", year.QuerySelector(".year-nav a[href='./']")!.GetAttribute("aria-current"));

        var glance = _site.Page("/at-a-glance/");
        var rows = glance.QuerySelectorAll("table.at-a-glance tbody tr").ToList();
        Assert.Equal([("2012", "1"), ("2017", "2")], rows.Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector("td")!.TextContent)));
        Assert.Equal(["Adopted in Surrey", "Portfolios constructed"], rows[1].QuerySelectorAll(".glance-list a").Select(a => a.TextContent));
        Assert.Contains("About late 2017", rows[1].TextContent);
    }

    [Fact]
    public void The_about_page_describes_every_exported_field_and_the_licence_position()
    {
        var about = _site.Page("/about/");
        var fields = about.QuerySelector("dl.data-fields")!.TextContent;
        foreach (var field in new[] { "earliest", "latest", "annexItem", "locator", "quote", "noUrlReason", "knownThrough", "shortName" })
            Assert.Contains(field, fields);
        Assert.NotNull(about.QuerySelector("#licence"));
        Assert.Contains("none is claimed", about.QuerySelector("#licence")!.NextElementSibling!.NextElementSibling!.TextContent);
        Assert.Contains(about.QuerySelectorAll("a"), a => a.GetAttribute("href") == "../data/entries.csv");
    }

    [Fact]
    public void The_atom_feed_lists_entries_with_stable_ids_absolute_links_and_summaries()
    {
        var atom = System.Xml.Linq.XDocument.Parse(_site.ReadOutput("feed.xml"));
        System.Xml.Linq.XNamespace a = "http://www.w3.org/2005/Atom";

        var feed = atom.Root!;
        Assert.Equal("Test chronology", feed.Element(a + "title")!.Value);
        Assert.Equal("https://chronology.example/feed.xml", feed.Elements(a + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        var entries = feed.Elements(a + "entry").ToList();
        Assert.Equal(3, entries.Count);
        // Outside a git repository there is no change history: each entry's own date stands in, newest first.
        Assert.Equal(["2017-07-01T00:00:00Z", "2017-03-01T00:00:00Z", "2012-11-01T00:00:00Z"], entries.Select(e => e.Element(a + "updated")!.Value));
        Assert.Equal(entries[0].Element(a + "updated")!.Value, feed.Element(a + "updated")!.Value);
        var first = entries[0];
        Assert.Equal("https://chronology.example/entries/2017-late/", first.Element(a + "link")!.Attribute("href")!.Value);
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", first.Element(a + "id")!.Value);
        Assert.Equal(Chronology.Site.FeedExport.Id("entries/2017-late"), first.Element(a + "id")!.Value);
        Assert.StartsWith("About late 2017: The commentary states that portfolios were constructed.", first.Element(a + "summary")!.Value);
        Assert.Equal("street-triage", entries[2].Element(a + "category")!.Attribute("term")!.Value);
    }

    [Fact]
    public void The_json_feed_is_version_1_1_with_the_same_items()
    {
        using var json = JsonDocument.Parse(_site.ReadOutput("feed.json"));
        var root = json.RootElement;

        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal("https://chronology.example/feed.json", root.GetProperty("feed_url").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Portfolios constructed", "Adopted in Surrey", "Street triage introduced"], items.Select(i => i.GetProperty("title").GetString()));
        Assert.Equal(("https://chronology.example/entries/2017-late/", "2017-07-01T00:00:00Z"),
            (items[0].GetProperty("url").GetString(), items[0].GetProperty("date_modified").GetString()));
        Assert.Equal(["street-triage"], items[2].GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void Pages_carry_open_graph_feed_links_and_json_ld()
    {
        var entry = _site.Page("/entries/2012-street-triage/");
        string Meta(IDocument page, string property) => page.QuerySelector($"meta[property='{property}']")!.GetAttribute("content")!;
        Assert.Equal(("Street triage introduced", "article", "https://chronology.example/entries/2012-street-triage/", "en_GB"),
            (Meta(entry, "og:title"), Meta(entry, "og:type"), Meta(entry, "og:url"), Meta(entry, "og:locale")));
        Assert.Equal("../../feed.xml", entry.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
        Assert.Equal("../../feed.json", entry.QuerySelector("link[rel=alternate][type='application/feed+json']")!.GetAttribute("href"));

        using var ld = JsonDocument.Parse(entry.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var e = ld.RootElement;
        Assert.Equal(("https://schema.org", "Event", "Street triage introduced", "2012-11"),
            (e.GetProperty("@context").GetString(), e.GetProperty("@type").GetString(), e.GetProperty("name").GetString(), e.GetProperty("startDate").GetString()));
        Assert.Equal(["The commentary", "An inspection report"], e.GetProperty("citation").EnumerateArray().Select(c => c.GetProperty("name").GetString()));

        // An approximate date is never put in startDate: only its label, in the description.
        using var late = JsonDocument.Parse(_site.Page("/entries/2017-late/").QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.False(late.RootElement.TryGetProperty("startDate", out _));
        Assert.StartsWith("About late 2017:", late.RootElement.GetProperty("description").GetString());

        using var dataset = JsonDocument.Parse(_site.Page("/about/").QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("Dataset", dataset.RootElement.GetProperty("@type").GetString());
        Assert.Equal(["https://chronology.example/data/chronology.json", "https://chronology.example/data/entries.csv", "https://chronology.example/data/citations.csv", "https://chronology.example/data/sources.csv",
            "https://chronology.example/data/risks.csv", "https://chronology.example/data/figures.csv"],
            dataset.RootElement.GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("contentUrl").GetString()));
    }

    private static IEnumerable<string> Cells(IElement row) => row.Children.Select(c => c.TextContent.Trim());
}
