using Chronology.Diagnostics;

namespace Chronology.Tests.Site;

/// <summary>
/// The reader's path from a sentence to the passage it rests on: note markers and back-links, the passage in its
/// context in the site's copy, deep links by declared format, and the words and dates a reader sees.
/// </summary>
public sealed class EvidencePathTests : IDisposable
{
    private const string Files = """
        -- content/site.yml --
        title: Test chronology
        description: A site for tests.
        maintainer: the test maintainers
        reportErrorUrl: https://example.org/issues/new
        -- content/glossary.yml --
        terms:
          - term: ABC
            expansion: Alpha Beta Council
            note: The report spells it out once.
        -- content/sources/src-a.yml --
        title: A report
        publisher: Someone
        type: report
        date: 2014-07
        url: https://example.org/api/reports/17
        format: pdf
        -- content/sources/web.yml --
        title: A web page
        type: web-page
        date: 2020
        url: https://example.org/page
        format: html
        accessed: 2021-01-01
        -- content/sources/no-link.yml --
        title: An unpublished note
        publisher: Someone
        type: letter
        date: 2020
        noUrlReason: The documents give no address for it.
        -- content/snapshots/no-link.txt --
        ---
        title: An unpublished note
        publisher: Someone
        note: A copy of the note's text.
        ---
        [page 1]
        one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
        eighteen nineteen twenty twentyone twentytwo twentythree twentyfour twentyfive twentysix twentyseven
        twentyeight twentynine thirty thirtyone thirtytwo thirtythree thirtyfour
        [page 2]
        The ABC agreed the plan
        on a Tuesday. alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma
        tau upsilon phi chi psi omega uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce
        -- content/entries/a.md --
        ---
        date: "2021-04-21"
        label: "21/04/21"
        title: The ABC agrees a plan
        citations:
          - source: no-link
            locator: page 2
            quote: The ABC agreed the plan on a Tuesday.
          - source: src-a
            locator: page 15
          - source: web
            quote: Some words
        ---
        The note says the ABC agreed the plan.[^1] The report discusses it on page 15,[^2] and so does the
        ABC's web page.[^3][^1]
        """;

    private readonly TestSite _site = TestSite.Create(Files);

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Markers_link_to_their_notes_and_each_note_links_back_to_every_marker()
    {
        await _site.BuildOkAsync();
        var page = _site.Page("/entries/a/");

        var markers = page.QuerySelectorAll(".entry-body sup.noteref");
        Assert.Equal(["ref-1-1", "ref-2-1", "ref-3-1", "ref-1-2"], markers.Select(m => m.Id));
        Assert.Equal(["#cite-1", "#cite-2", "#cite-3", "#cite-1"], markers.Select(m => m.QuerySelector("a[role=doc-noteref]")!.GetAttribute("href")));
        Assert.Equal("note [1]", markers[0].TextContent);

        var backlinks = page.QuerySelectorAll("#cite-1 a[role=doc-backlink]");
        Assert.Equal(["#ref-1-1", "#ref-1-2"], backlinks.Select(a => a.GetAttribute("href")));
        Assert.Equal(["#ref-2-1"], page.QuerySelectorAll("#cite-2 a[role=doc-backlink]").Select(a => a.GetAttribute("href")));
        Assert.Equal("↑b back to the text of note 1, mark 2 of 2", backlinks[1].TextContent);
    }

    [Fact]
    public async Task Markers_leave_no_trace_in_plain_text_exports()
    {
        await _site.BuildOkAsync();

        Assert.DoesNotContain("[^", _site.ReadOutput("feed.xml"));
        Assert.DoesNotContain("[^", _site.ReadOutput("data/chronology.json"));
        Assert.DoesNotContain("[^", _site.ReadOutput("search/index.json"));
    }

    [Fact]
    public void A_citation_no_marker_uses_is_a_warning_at_the_citation()
    {
        _site.Write("content/entries/a.md", File.ReadAllText(Path.Combine(_site.Content, "entries", "a.md")).Replace("[^3]", ""));

        var diagnostics = _site.Check();

        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        var warning = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.UnmarkedCitation);
        Assert.Equal((11, 5), (warning.Line, warning.Column));
        Assert.Contains("citation 3 ('web')", warning.Message);
    }

    [Fact]
    public async Task A_verified_quotation_links_to_its_passage_highlighted_in_context_in_the_sites_copy()
    {
        await _site.BuildOkAsync();
        var entry = _site.Page("/entries/a/");

        var link = entry.QuerySelector("#cite-1 a.passage-link")!;
        Assert.Equal("Read it in context (page 2)", link.TextContent);
        var href = link.GetAttribute("href")!;
        Assert.StartsWith("../../sources/no-link/copy/#q-", href);

        var copy = _site.Page("/sources/no-link/copy/");
        var passage = copy.GetElementById(href[(href.IndexOf('#') + 1)..])!;
        Assert.Equal("The ABC agreed the plan on a Tuesday.", passage.QuerySelector("mark")!.TextContent);
        var context = passage.QuerySelector("blockquote")!.TextContent;
        // 30 words either side, never the whole text, and never the site's own page markers.
        Assert.StartsWith("… five six seven", context);
        Assert.EndsWith("cuatro cinco seis …", context);
        Assert.DoesNotContain("four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone", context.Replace("… ", ""));
        Assert.DoesNotContain("[page", context);
        Assert.Equal("Page 2", passage.QuerySelector(".passage-where")!.TextContent);
        Assert.Contains("added to the site", copy.QuerySelector(".copy-about")!.TextContent + "added to the site");
        Assert.Contains("There is no link to the original. The documents give no address for it.", copy.QuerySelector(".copy-about")!.TextContent);
        Assert.Equal("../../../entries/a/#cite-1", passage.QuerySelector(".quoted-in-list a")!.GetAttribute("href"));
        Assert.Null(copy.QuerySelector(".full-text"));
    }

    [Fact]
    public async Task A_link_whose_address_the_copy_lost_is_quoted_and_shown_as_its_words()
    {
        // "[words](#)": where the document had a link, the copy kept its words but not its address.
        var snapshot = Path.Combine(_site.Content, "snapshots", "no-link.txt");
        File.WriteAllText(snapshot, File.ReadAllText(snapshot)
            .Replace("The ABC agreed the plan", "The [ABC](#) agreed the [plan\non a](#) Tuesday.".Replace(" Tuesday.", ""))
            .Replace("on a Tuesday. alpha", "Tuesday. alpha").Replace("gamma delta", "[gamma delta](#)"));
        await _site.BuildOkAsync();

        var passages = _site.Page("/sources/no-link/copy/");
        Assert.Contains("keeps the link's words, marked as a link, but not its address; this page shows the words alone", passages.QuerySelector(".copy-about")!.TextContent);
        var passage = passages.QuerySelector(".passage")!;
        Assert.Equal("The ABC agreed the plan on a Tuesday.", passage.QuerySelector("mark")!.TextContent);
        Assert.Contains("beta gamma delta epsilon", passage.QuerySelector("blockquote")!.TextContent);

        _site.Write("content/sources/no-link.yml", File.ReadAllText(Path.Combine(_site.Content, "sources", "no-link.yml")) + "archive: full\n");
        await _site.BuildOkAsync();
        var copy = _site.Page("/sources/no-link/copy/");
        var text = copy.QuerySelector(".full-text")!;
        Assert.Equal("The ABC agreed the plan on a Tuesday.", text.QuerySelector("mark[id^=q-]")!.TextContent);
        Assert.Contains("beta gamma delta epsilon", text.TextContent);
        Assert.DoesNotContain("](#)", text.TextContent);
        Assert.DoesNotContain("[", text.TextContent.Replace("[page", ""));
    }

    [Fact]
    public async Task The_whole_text_is_published_only_where_the_source_allows_it()
    {
        _site.Write("content/sources/no-link.yml", File.ReadAllText(Path.Combine(_site.Content, "sources", "no-link.yml")) + "archive: full\n");
        await _site.BuildOkAsync();

        var copy = _site.Page("/sources/no-link/copy/");
        var text = copy.QuerySelector(".full-text")!;
        Assert.Contains("one two three", text.TextContent);
        Assert.Contains("trece catorce", text.TextContent);
        Assert.Equal("The ABC agreed the plan on a Tuesday.", text.QuerySelector("mark[id^=q-]")!.TextContent);
    }

    [Fact]
    public void An_unknown_archive_scope_or_format_is_an_error()
    {
        _site.Write("content/sources/web.yml", File.ReadAllText(Path.Combine(_site.Content, "sources", "web.yml")).Replace("format: html", "format: htm") + "archive: everything\n");

        var errors = _site.Check().Where(d => d.Severity == Severity.Error).ToList();

        Assert.Contains(errors, d => d.Code == DiagnosticCodes.InvalidValue && d.Message.Contains("unknown format 'htm'"));
        Assert.Contains(errors, d => d.Code == DiagnosticCodes.InvalidValue && d.Message.Contains("unknown archive scope 'everything'"));
    }

    [Fact]
    public async Task A_declared_pdf_opens_at_the_cited_page_whatever_its_address_and_a_web_page_at_the_quoted_words()
    {
        await _site.BuildOkAsync();
        var entry = _site.Page("/entries/a/");

        Assert.Equal("https://example.org/api/reports/17#page=15", entry.QuerySelector("#cite-2 .document-link a")!.GetAttribute("href"));
        Assert.Equal("open the document at page 15: A report", entry.QuerySelector("#cite-2 .document-link a")!.TextContent);
        Assert.Equal("https://example.org/page#:~:text=Some%20words", entry.QuerySelector("#cite-3 .document-link a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Dates_show_in_one_plain_form_with_the_documents_wording_beside_them()
    {
        await _site.BuildOkAsync();

        var date = _site.Page("/entries/a/").QuerySelector(".entry-date")!;
        Assert.Equal("21 April 2021", date.QuerySelector("time[datetime='2021-04-21']")!.TextContent);
        Assert.Equal("(dated in the document as “21/04/21”)", date.QuerySelector(".date-wording")!.TextContent);
        var home = _site.Page("/");
        Assert.Equal("21 April 2021", home.QuerySelector(".entry-summary time")!.TextContent);
        Assert.Contains("21 April 2021", _site.ReadOutput("feed.xml"));
        Assert.Contains("\"display\": \"21 April 2021\"", _site.ReadOutput("data/chronology.json"));
        Assert.DoesNotContain("21/04/21", home.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task An_abbreviation_is_spelled_out_at_its_first_use_on_each_page_and_listed_in_the_glossary()
    {
        await _site.BuildOkAsync();

        var entry = _site.Page("/entries/a/");
        var abbr = Assert.Single(entry.QuerySelectorAll("main abbr"));
        Assert.Equal(("ABC", "Alpha Beta Council"), (abbr.TextContent, abbr.GetAttribute("title")));
        Assert.Equal("The ABC agrees a plan", entry.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("<abbr", entry.QuerySelector("head")!.InnerHtml);
        var glossary = _site.Page("/glossary/");
        Assert.Equal("ABC", glossary.QuerySelector("dl.glossary dt")!.TextContent);
        Assert.Contains("The report spells it out once.", glossary.QuerySelector("dl.glossary dd")!.TextContent);
    }

    [Fact]
    public async Task Every_entry_offers_a_prefilled_error_report_and_says_who_keeps_the_site()
    {
        await _site.BuildOkAsync();

        var report = _site.Page("/entries/a/").QuerySelector(".report-error a")!.GetAttribute("href")!;
        Assert.StartsWith("https://example.org/issues/new?title=Error%20in%20entry%3A%20The%20ABC%20agrees%20a%20plan&body=", report);
        Assert.Contains("content%2Fentries%2Fa.md", report);
        Assert.Contains("This chronology is kept by the test maintainers.", _site.Page("/about/").GetElementById("corrections")!.NextElementSibling!.TextContent);
    }

    [Fact]
    public async Task Without_an_issue_form_the_error_report_leads_to_the_about_pages_corrections()
    {
        _site.Write("content/site.yml", "title: T\ndescription: D\ncorrections: Write to the editors.\n");
        await _site.BuildOkAsync();

        Assert.Equal("../../about/#corrections", _site.Page("/entries/a/").QuerySelector(".report-error a")!.GetAttribute("href"));
        Assert.Contains("Write to the editors.", _site.Page("/about/").QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_document_summary_ties_its_sentences_to_the_pages_quoted_passages()
    {
        using var site = TestSite.Create(DocumentFixtures.Files.Replace("A note about the programme's plans.", "A note about the programme's plans.[^2] It has a checklist.[^1][^2]"), withDefaults: false);
        await site.BuildOkAsync();

        var page = site.Page("/documents/the-note/");
        var markers = page.QuerySelectorAll("#summary ~ p sup.noteref a, section[aria-labelledby=summary] sup.noteref a");
        Assert.Equal(["#passage-2", "#passage-1", "#passage-2"], markers.Select(a => a.GetAttribute("href")));
        // Passages are numbered in page order: the checklist's item, then the figures.
        Assert.Equal("LI", page.GetElementById("passage-1")!.TagName);
        var figure = page.GetElementById("passage-2")!;
        Assert.Equal("Police officers", figure.QuerySelector("th")!.TextContent);
        Assert.Equal(["#ref-2-1", "#ref-2-2"], figure.QuerySelectorAll("a[role=doc-backlink]").Select(a => a.GetAttribute("href")));
        Assert.NotNull(page.GetElementById("passage-3"));
    }

    [Fact]
    public void A_document_summary_marker_beyond_its_passages_is_an_error_at_its_place()
    {
        using var site = TestSite.Create(DocumentFixtures.Files.Replace("A note about the programme's plans.", "A note about the programme's plans.[^4]"), withDefaults: false);

        var error = Assert.Single(site.Check(), d => d.Code == DiagnosticCodes.UnknownNoteMarker);

        Assert.Equal(site.Display("documents/the-note.md"), error.File);
        Assert.Equal((31, 36), (error.Line, error.Column));
        Assert.Contains("quotes 3 passages", error.Message);
    }
}
