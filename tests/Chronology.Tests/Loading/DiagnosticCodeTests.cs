using Chronology.Diagnostics;
using Chronology.Loading;

namespace Chronology.Tests.Loading;

/// <summary>Every diagnostic code, triggered by the smallest input that causes it, at the right place.</summary>
public class DiagnosticCodeTests
{
    private const string GoodEntry = """
        ---
        date: 2012-11
        label: November 2012
        title: A thing happened
        citations:
          - source: src-a
        ---
        The report states that a thing happened.[^1]
        """;

    public static TheoryData<string, string, string, int, int> Cases => new()
    {
        // code, files, file that must be named, line, column
        { DiagnosticCodes.MalformedYaml, Entry("a", "---\ndate: [2012\ntitle: x\n---\nBody."), "content/entries/a.md", 2, 7 },
        { DiagnosticCodes.MalformedYaml, "-- content/sources/src-a.yml --\ntitle: \"unclosed\npublisher: p", "content/sources/src-a.yml", 1, 8 },
        { DiagnosticCodes.MissingFrontMatter, Entry("a", "date: 2012\n\nBody."), "content/entries/a.md", 1, 1 },
        { DiagnosticCodes.TemplateText, Entry("a", GoodEntry.Replace("happened.[^1]", "happened.[^1]\n\nAnd " + EntryReader.TemplateBody + ", as new entry wrote it.")), "content/entries/a.md", 10, 5 },
        { DiagnosticCodes.UnknownKey, Entry("a", GoodEntry.Replace("title:", "titel: x\ntitle:")), "content/entries/a.md", 4, 1 },
        { DiagnosticCodes.DuplicateKey, Entry("a", GoodEntry.Replace("label:", "title: Again\nlabel:")), "content/entries/a.md", 5, 1 },
        { DiagnosticCodes.MissingField, Entry("a", GoodEntry.Replace("title: A thing happened\n", "")), "content/entries/a.md", 2, 1 },
        // Present with no value: reported at its key, not where the front matter starts.
        { DiagnosticCodes.MissingField, Entry("a", GoodEntry.Replace("title: A thing happened\n", "title:\n")), "content/entries/a.md", 4, 1 },
        { DiagnosticCodes.MissingField, Entry("a", GoodEntry.Replace("title: A thing happened\n", "title: \"  \"\n")), "content/entries/a.md", 4, 1 },
        { DiagnosticCodes.InvalidValue, Entry("a", GoodEntry.Replace("citations:", "annex: twelve\ncitations:")), "content/entries/a.md", 5, 8 },
        { DiagnosticCodes.InvalidId, Entry("Bad_Name", GoodEntry), "content/entries/Bad_Name.md", 1, 1 },
        { DiagnosticCodes.MissingSiteConfig, "-- content/site.yml.bak --\nx: 1", "content/site.yml", 1, 1 },
        { DiagnosticCodes.InvalidDate, Entry("a", GoodEntry.Replace("date: 2012-11", "date: 2012-11-31")), "content/entries/a.md", 2, 7 },
        { DiagnosticCodes.OverPreciseDate, Entry("a", GoodEntry.Replace("date: 2012-11", "date: 2012-11-05")), "content/entries/a.md", 2, 7 },
        { DiagnosticCodes.DuplicateId, Entry("a", GoodEntry) + "\n-- content/sources/src-a.yaml --\ntitle: t\npublisher: p\ntype: report\nnoUrlReason: none", "content/sources/src-a.yml", 1, 1 },
        { DiagnosticCodes.UnknownSource, Entry("a", GoodEntry.Replace("source: src-a", "source: src-missing")), "content/entries/a.md", 6, 13 },
        { DiagnosticCodes.UnknownSource, Entry("a", GoodEntry) + "-- content/site.yml --\ntitle: T\ndescription: D\nannexSource: nowhere\n", "content/site.yml", 3, 14 },
        { DiagnosticCodes.UnknownOrganisation, Entry("a", GoodEntry.Replace("citations:", "organisations: [org-a, org-missing]\ncitations:")), "content/entries/a.md", 5, 24 },
        { DiagnosticCodes.InvalidLocator, Entry("a", GoodEntry.Replace("source: src-a", "source: src-a\n    locator: p. 15")), "content/entries/a.md", 7, 14 },
        { DiagnosticCodes.MissingUrlReason, Entry("a", GoodEntry) + "\n-- content/sources/src-b.yml --\ntitle: t\npublisher: p\ntype: report", "content/sources/src-b.yml", 1, 8 },
        { DiagnosticCodes.DuplicateAnnexItem, Entry("a", GoodEntry.Replace("title:", "annex: 3\ntitle:")) + Entry("b", GoodEntry.Replace("title:", "annex: 3\ntitle:")), "content/entries/b.md", 4, 8 },
        { DiagnosticCodes.InvalidUrl, "-- content/sources/src-a.yml --\ntitle: t\npublisher: p\ntype: report\nurl: javascript:alert(1)", "content/sources/src-a.yml", 4, 6 },
        { DiagnosticCodes.UnknownNoteMarker, Entry("a", GoodEntry.Replace("happened.[^1]", "happened.[^2]")), "content/entries/a.md", 8, 41 },
        { DiagnosticCodes.UnknownNoteMarker, Entry("a", GoodEntry.Replace("---\nThe report", "---\n\nA first paragraph.\n\nThe report").Replace("[^1]", "[^1] and [^one]")), "content/entries/a.md", 11, 50 },
        { DiagnosticCodes.MissingField, Entry("a", GoodEntry) + "-- content/sources/src-a.yml --\ntitle: t\npublisher: p\ntype: report\ndate: 2020\nurl: https://example.org/x\n", "content/sources/src-a.yml", 5, 6 },
        { DiagnosticCodes.MalformedLinkStatus, Entry("a", GoodEntry) + "-- content/link-status.json --\n{ \"links\": [ }", "content/link-status.json", 1, 1 },
        { DiagnosticCodes.PageOutOfRange, Entry("a", GoodEntry.Replace("source: src-a", "source: src-a\n    locator: page 5")) + SourceA("pages: 4"), "content/entries/a.md", 6, 5 },
        { DiagnosticCodes.InvalidArchiveUrl, Entry("a", GoodEntry) + SourceA("archiveUrl: https://web.archive.org/web/2021*/https://example.org/report.pdf"), "content/sources/src-a.yml", 7, 13 },
        { DiagnosticCodes.SnapshotWithoutSource, Entry("a", GoodEntry) + "-- content/snapshots/src-x.txt --\n---\ntitle: t\npublisher: p\nnote: n\n---\ntext", "content/snapshots/src-x.txt", 1, 1 },
        { DiagnosticCodes.QuoteNotFound, Entry("a", GoodEntry.Replace("source: src-a", "source: src-a\n    quote: developed novel and innovative services")) + Snapshot, "content/entries/a.md", 7, 12 },
        { DiagnosticCodes.QuoteWrongPage, Entry("a", GoodEntry.Replace("source: src-a", "source: src-a\n    locator: page 2\n    quote: developed new and innovative services")) + Snapshot, "content/entries/a.md", 8, 12 },
        { DiagnosticCodes.QuoteWrongDocument, Entry("a", GoodEntry.Replace("source: src-a", "source: src-a\n    locator: document 2\n    quote: developed new and innovative services")) + Bundle, "content/entries/a.md", 8, 12 },
        { DiagnosticCodes.InvalidValue, Entry("a", GoodEntry) + Bundle.Replace("[document 2]", "[document 1]"), "content/snapshots/src-a.txt", 11, 1 },
        { DiagnosticCodes.LinkDead, Entry("a", GoodEntry) + LinkStatus("dead"), "content/sources/src-a.yml", 1, 1 },
        { DiagnosticCodes.UnknownEntry, Entry("a", GoodEntry) + ReviewItem("entries: [a, b]"), "content/review/r1.yml", 6, 14 },
        { DiagnosticCodes.UnknownReviewItem, Entry("a", GoodEntry) + ReviewItem("") + "-- content/responses/x.yml --\nrespondsTo: r2\norganisation: org-a\nkind: commentary\ndate: 2023\ntext: words\nsource: src-a\n", "content/responses/x.yml", 1, 13 },
        { DiagnosticCodes.UnknownRegister, Docs("register: reg\n", "register: nowhere\n"), "content/risks/od-funding.yml", 1, 11 },
        { DiagnosticCodes.UnknownMatrix, Docs("matrix: matrix\n", "matrix: nowhere\n"), "content/registers/reg.md", 12, 9 },
        { DiagnosticCodes.RatingMismatch, Docs("rating: 9\n", "rating: 6\n"), "content/risks/od-funding.yml", 11, 9 },
        { DiagnosticCodes.ScoreOutOfScale, Docs("probability: 3\nimpact: 3\nrating: 9\n", "probability: 3\nimpact: 4\nrating: 12\n"), "content/risks/od-funding.yml", 11, 9 },
        { DiagnosticCodes.MatrixBandsInvalid, Docs("ratings: [6, 9]", "ratings: [6, 9, 4]"), "content/matrices/matrix.yml", 13, 5 },
        { DiagnosticCodes.FigureNotInQuote, Docs("value: \"£6,000\"", "value: \"£6000\""), "content/documents/the-note.md", 25, 12 },
        { DiagnosticCodes.FigureNumberMismatch, Docs("number: 6000\n", "number: 600\n"), "content/documents/the-note.md", 26, 13 },
        { DiagnosticCodes.NameNotInQuote, Docs("name: Ann Example", "name: Anne Example"), "content/people/ann-example.yml", 3, 12 },
        { DiagnosticCodes.UnknownEntry, Docs("entries: [2020-register-updated]\nsections:", "entries: [2020-register-updated, nowhere]\nsections:"), "content/documents/the-note.md", 8, 34 },
        { DiagnosticCodes.UnknownSource, Docs("documents: [note-doc]", "documents: [nowhere]"), "content/risks/od-funding.yml", 22, 17 },
        { DiagnosticCodes.UnknownOrganisation, Docs("organisation: net", "organisation: nowhere"), "content/people/ann-example.yml", 5, 19 },
        { DiagnosticCodes.InvalidValue, Docs("group: essential", "group: vital"), "content/documents/the-note.md", 16, 16 },
        { DiagnosticCodes.OverPreciseDate, Docs("date: \"2020-03\"\ndateLabel: March 2020", "date: \"2020-03-13\"\ndateLabel: March 2020"), "content/documents/the-note.md", 6, 7 },
    };

    /// <summary>The register/risk/document fixture with one change.</summary>
    private static string Docs(string from, string to)
    {
        Assert.Contains(from, DocumentFixtures.Files);
        return DocumentFixtures.Files.Replace(from, to);
    }

    private static string ReviewItem(string extra) =>
        "-- content/review/r1.yml --\nkind: conclusion\nsection: \"4.1\"\ntitle: T\ntext: words\nsource: src-a\n" + extra + "\n";

    public static TheoryData<string, string, string, int, int> WarningCases => new()
    {
        { DiagnosticCodes.UnmarkedCitation, Entry("a", GoodEntry.Replace("[^1]", "")), "content/entries/a.md", 6, 5 },
        { DiagnosticCodes.NotesOutOfOrder, Entry("a", GoodEntry.Replace("  - source: src-a\n", "  - source: src-a\n  - source: src-a\n  - source: src-a\n").Replace("happened.[^1]", "happened.[^1] Later.[^3] Then.[^2]")), "content/entries/a.md", 10, 52 },
        { DiagnosticCodes.UncitedSource, Entry("a", GoodEntry) + "-- content/sources/src-b.yml --\ntitle: t\npublisher: p\ntype: report\ndate: 2020\nnoUrlReason: none given", "content/sources/src-b.yml", 1, 1 },
        { DiagnosticCodes.IncompleteSource, Entry("a", GoodEntry) + SourceA("accessed: 2021-08-10", date: null), "content/sources/src-a.yml", 1, 1 },
        { DiagnosticCodes.IncompleteSource, Entry("a", GoodEntry) + SourceA("") + LinkStatus("failing"), "content/sources/src-a.yml", 1, 1 },
        { DiagnosticCodes.IncompleteSource, Entry("a", GoodEntry) + "-- content/organisations/org-a.yml --\nname: Org A\ndescription: An organisation.\n" + SourceA("organisations: [org-a]").Replace("publisher: Someone\n", ""), "content/sources/src-a.yml", 6, 17 },
        { DiagnosticCodes.LinkUnverifiable, Entry("a", GoodEntry) + LinkStatus("unverifiable"), "content/sources/src-a.yml", 1, 1 },
        { DiagnosticCodes.LinkFailing, Entry("a", GoodEntry) + LinkStatus("failing"), "content/sources/src-a.yml", 1, 1 },
        { DiagnosticCodes.LinkUnchecked, Entry("a", GoodEntry), "content/link-status.json", 1, 1 },
        { DiagnosticCodes.UnreadFile, Entry("a", GoodEntry) + "-- content/entry/b.md --\nLost.\n", "content/entry/", 1, 1 },
        { DiagnosticCodes.TextFragmentNotUnique, Entry("a", GoodEntry.Replace("source: src-a", "source: web\n    quote: Other text")) + Snapshot.Replace("src-a.txt", "web.txt") + "\nOther text again.\n" +
            "-- content/sources/web.yml --\ntitle: W\npublisher: P\ntype: web-page\ndate: 2020\nurl: https://example.org/page\nformat: html\naccessed: 2021-01-01\n" +
            "-- content/sources/src-a.yml --\ntitle: A\npublisher: P\ntype: report\ndate: 2020\nnoUrlReason: none\nknownThrough: web\n" + LinkStatus("ok").Replace("report.pdf", "page"), "content/entries/a.md", 7, 12 },
    };

    private static readonly string Snapshot = TestSite.SnapshotOfSourceA("""
        [page 1]
        The service had developed new
        and innovative ser-
        vices to protect people.
        [page 2]
        Other text.
        """);

    /// <summary>The snapshot as a bundle: document 1 on page 1, document 2 on page 2.</summary>
    private static string Bundle => Snapshot.Replace("[page 1]", "[document 1]\n[page 1]").Replace("[page 2]", "[document 2]\n[page 2]");

    private static string SourceA(string extra, string? date = "2014-07") =>
        "-- content/sources/src-a.yml --\ntitle: A report\npublisher: Someone\ntype: report\n" + (date is null ? "" : $"date: {date}\n") +
        "url: https://example.org/report.pdf\nformat: pdf\n" + extra + "\n";

    private static string LinkStatus(string outcome) => $$"""
        -- content/link-status.json --
        { "links": [ { "url": "https://example.org/report.pdf", "outcome": "{{outcome}}", "status": 404, "finalUrl": null, "redirects": [],
          "contentType": null, "checkedAt": "2026-11-20T10:00:00Z", "firstFailedAt": "2026-11-01T10:00:00Z", "detail": "HTTP 404" } ] }

        """;

    [Theory]
    [MemberData(nameof(WarningCases))]
    public void Each_warning_is_reported_at_its_place(string code, string files, string file, int line, int column)
    {
        using var site = TestSite.Create(files);

        var diagnostics = site.Check();

        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        var found = Assert.Single(diagnostics, d => d.Code == code);
        Assert.Equal(Severity.Warning, found.Severity);
        Assert.Equal(site.Display(file["content/".Length..]), found.File);
        Assert.Equal((line, column), (found.Line, found.Column));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_code_is_reported_at_its_place(string code, string files, string file, int line, int column)
    {
        using var site = TestSite.Create(files);
        if (code == DiagnosticCodes.MissingSiteConfig) File.Delete(Path.Combine(site.Content, "site.yml"));

        var diagnostics = site.Check();

        var found = Assert.Single(diagnostics, d => d.Code == code);
        Assert.Equal(Severity.Error, found.Severity);
        Assert.Equal(site.Display(file["content/".Length..]), found.File);
        Assert.Equal((line, column), (found.Line, found.Column));
    }

    [Fact]
    [Triggers(DiagnosticCodes.NotUtf8)]
    public void Not_utf8_is_reported_with_line_and_column()
    {
        using var site = TestSite.Create("");
        var bytes = "---\ndate: 2012\ntitle: Caf"u8.ToArray().Concat(new byte[] { 0xE9 }).Concat("\n---\nBody.\n"u8.ToArray()).ToArray();
        site.WriteBytes("content/entries/latin1.md", bytes);

        var diagnostics = site.Check();

        var found = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.NotUtf8);
        Assert.Equal(site.Display("entries/latin1.md"), found.File);
        Assert.Equal((3, 11), (found.Line, found.Column));
    }

    /// <summary>
    /// Content links are checked where they are written, so a broken one never reaches the rendered pages (the link
    /// checker still guards the pages themselves: LinkCheckerTests).
    /// </summary>
    [Fact]
    [Triggers(DiagnosticCodes.BrokenLink)]
    [Triggers(DiagnosticCodes.BrokenFragment)]
    public async Task A_broken_link_or_fragment_in_content_is_an_error_where_it_is_written()
    {
        using var site = TestSite.Create(Entry("a", GoodEntry.Replace("happened.", "happened; see [b](../b/) and [c](#nowhere).")));

        var result = await site.BuildAsync();

        Assert.False(result.Published);
        var link = Assert.Single(result.Diagnostics.Items, d => d.Code == DiagnosticCodes.BrokenLink);
        Assert.Equal((site.Display("entries/a.md"), 8, 46), (link.File, link.Line, link.Column));
        Assert.Contains("'../b/'", link.Message);
        var fragment = Assert.Single(result.Diagnostics.Items, d => d.Code == DiagnosticCodes.BrokenFragment);
        Assert.Equal((site.Display("entries/a.md"), 8, 61), (fragment.File, fragment.Line, fragment.Column));
        Assert.Equal(result.Diagnostics.Items.Where(d => d.Severity == Severity.Error), site.Check().Where(d => d.Severity == Severity.Error));
    }

    [Fact]
    public void A_missing_date_recorded_with_its_reason_is_not_a_warning_and_a_reason_beside_a_date_is_an_error()
    {
        using var quiet = TestSite.Create(Entry("a", GoodEntry) + SourceA("accessed: 2021-08-10\nnoDateReason: The documents give none.", date: null));
        Assert.DoesNotContain(quiet.Check(), d => d.Code == DiagnosticCodes.IncompleteSource);

        using var both = TestSite.Create(Entry("a", GoodEntry) + SourceA("accessed: 2021-08-10\nnoDateReason: The documents give none."));
        var error = Assert.Single(both.Check(), d => d.Severity == Severity.Error);
        Assert.Equal((DiagnosticCodes.InvalidValue, 8), (error.Code, error.Line));
    }

    /// <summary>Facts of the documents, recorded once, are silent; what a maintainer can act on is said once.</summary>
    [Fact]
    public void Warnings_are_only_what_a_maintainer_can_act_on()
    {
        // A source registered because a cited source names it is on the register uncited, without a warning.
        using var knownThrough = TestSite.Create(Entry("a", GoodEntry) +
            "-- content/sources/src-b.yml --\ntitle: t\npublisher: p\ntype: report\ndate: 2020\nnoUrlReason: none given\nknownThrough: src-a\n");
        Assert.DoesNotContain(knownThrough.Check(), d => d.Code == DiagnosticCodes.UncitedSource);

        // A URL nobody has checked is not also "no access date"; three unchecked URLs are one warning, counting them.
        using var neverChecked = TestSite.Create(Entry("a", GoodEntry) + SourceA("alsoAt: [https://example.org/a, https://example.org/b]"));
        var diagnostics = neverChecked.Check();
        Assert.DoesNotContain(diagnostics, d => d.Code == DiagnosticCodes.IncompleteSource);
        var warning = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.LinkUnchecked);
        Assert.StartsWith("3 source URLs have never been checked", warning.Message);

        // Checked and reached: no access-date warning either.
        using var reached = TestSite.Create(Entry("a", GoodEntry) + SourceA("") + LinkStatus("ok"));
        Assert.DoesNotContain(reached.Check(), d => d.Severity == Severity.Warning);
    }

    [Fact]
    public void Every_code_is_documented_and_tested()
    {
        // Codes that need bytes, a build or a symbolic link have a test of their own, marked [Triggers(code)].
        var marked = typeof(DiagnosticCodeTests).Assembly.GetTypes().SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributes(typeof(TriggersAttribute), false).Cast<TriggersAttribute>()
                .Select(a => (Code: a.Code, IsTest: m.GetCustomAttributes(typeof(FactAttribute), true).Length > 0)))
            .ToList();
        Assert.All(marked, m => Assert.True(m.IsTest, $"[Triggers({m.Code})] is on a method that is not a test"));
        var tested = Cases.Concat(WarningCases).Select(c => c.Data.Item1).Concat(HostileInputTests.Cases.Select(c => c.Data.Item2))
            .Concat(marked.Select(m => m.Code)).ToHashSet();
        var documented = DiagnosticDocs.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "diagnostics.md")));
        var declared = typeof(DiagnosticCodes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        // The documentation's table and the code's constants list the same codes, and every one is triggered by a test.
        Assert.Equal(declared.Order(), documented.Keys.Order());
        Assert.All(declared, code => Assert.Contains(code, tested));
        // The library explains codes from the same table it embeds (what 'serve' shows), with a meaning and a fix for each.
        Assert.Equal(documented, DiagnosticDocs.All);
        Assert.All(documented.Values, row => Assert.False(string.IsNullOrWhiteSpace(row.Meaning) || string.IsNullOrWhiteSpace(row.Fix), row.Code));
    }

    private static string Entry(string id, string text) => $"-- content/entries/{id}.md --\n{text}\n";
}
