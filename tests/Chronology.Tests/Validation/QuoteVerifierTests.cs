using Chronology.Diagnostics;
using Chronology.Validation;

namespace Chronology.Tests.Validation;

public class QuoteVerifierTests
{
    private static readonly string Snapshot = TestSite.SnapshotOfSourceA("""
        Introductory text before any page marker.
        [page 15]
        “The service had developed new and
        innovative services to protect vulnerable people and reduce the use of the
        Mental Health Act. One example of this was 'Operation Serenity'.”
        [page 16]
        The AHSN Network’s work on co-
        designed tools – and the roll-out.
        """);

    [Theory]
    [InlineData("The service had developed new and innovative services", "page 15")] // across a line break
    [InlineData("One example of this was 'Operation Serenity'", "page 15")]          // straight quotes as written
    [InlineData("One example of this was ‘Operation Serenity’", "page 15")]          // curly for straight
    [InlineData("The AHSN Network's work on co-designed tools - and the roll-out.", "page 16")] // apostrophe, dash, hyphen across lines
    [InlineData("work on codesigned tools", "page 16")]                              // the line-break hyphen dropped
    [InlineData("Introductory text before any page marker.", "page 3")]               // no page known there: not page-checked
    [InlineData("The service had developed new and innovative services", null)]
    public void Finds_quotes_after_normalisation(string quote, string? locator)
    {
        var (outcome, _) = Verify(quote, locator);

        Assert.Equal(QuoteOutcome.Verified, outcome);
    }

    [Fact]
    public void A_quote_on_another_page_is_wrong_page()
    {
        var (outcome, diagnostics) = Verify("innovative services to protect vulnerable people", "page 16");

        Assert.Equal(QuoteOutcome.WrongPage, outcome);
        Assert.Contains("on page 15, not on the cited p. 16", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void A_mistyped_quote_shows_the_closest_passage_and_a_word_diff()
    {
        var (outcome, diagnostics) = Verify("innovative services to protect vulnerable persons and reduce the use", "page 15");

        Assert.Equal(QuoteOutcome.NotFound, outcome);
        var message = Assert.Single(diagnostics).Message;
        Assert.Contains("closest passage: \"innovative services to protect vulnerable people and reduce the use\"", message);
        Assert.Contains("vulnerable [-persons-] {+people+} and reduce", message);
    }

    [Fact]
    public void A_quote_from_a_source_without_archived_text_is_unverifiable_not_verified()
    {
        using var site = TestSite.Create(Entry("src-a", "words that appear nowhere", null));

        var checkedEvidence = Check(site, out var diagnostics);

        Assert.Equal(QuoteOutcome.Unverifiable, Assert.Single(checkedEvidence.Integrity.Quotes).Outcome);
        Assert.DoesNotContain(diagnostics, d => d.Code is DiagnosticCodes.QuoteNotFound);
    }

    [Fact]
    public void A_source_known_through_another_is_checked_against_that_document_without_its_page()
    {
        using var site = TestSite.Create(Entry("cqc", "One example of this was 'Operation Serenity'", "page 59") + Snapshot + "\n" +
            "-- content/sources/cqc.yml --\ntitle: Inspection\npublisher: CQC\ntype: inspection-report\ndate: 2014\nnoUrlReason: none\nknownThrough: src-a\n");

        var checkedEvidence = Check(site, out var diagnostics);

        var check = Assert.Single(checkedEvidence.Integrity.Quotes);
        Assert.Equal((QuoteOutcome.VerifiedAsQuoted, "src-a"), (check.Outcome, check.CheckedAgainst));
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
    }

    // A bundle of documents, as the FOI bundle is: document 1 spells a word as document 2 does not.
    private const string Bundle = """
        -- content/snapshots/src-a.txt --
        ---
        title: A bundle
        publisher: Someone
        note: Archived text extraction, for tests.
        ---
        [document 1]
        [page 1]
        Services can volutarily purchase it.
        The first register.
        [page 2]
        A sentence both documents print.
        [document 2]
        [page 3]
        Services can voluntarily purchase it.
        A sentence both documents print.
        [document 2a]
        [page 4]
        An extract from a report.
        """;

    [Theory]
    [InlineData("Services can volutarily purchase it.", "document 1")]
    [InlineData("Services can voluntarily purchase it.", "document 2")]
    [InlineData("An extract from a report.", "document 2a")]
    [InlineData("A sentence both documents print.", "document 2")]          // its second occurrence
    [InlineData("A sentence both documents print.", "document 1, page 2")]
    [InlineData("A sentence both documents print.", "page 3, document 2")]
    [InlineData("Services can voluntarily purchase it.", "page 3")]         // no document cited: not document-checked
    [InlineData("Services can voluntarily purchase it.", null)]
    public void Finds_quotes_in_the_cited_document_of_a_bundle(string quote, string? locator)
    {
        var (outcome, diagnostics) = Verify(quote, locator, Bundle);

        Assert.Equal(QuoteOutcome.Verified, outcome);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("Services can voluntarily purchase it.", "document 1", "in document 2, not in the cited document 1")]
    [InlineData("An extract from a report.", "document 2", "in document 2a, not in the cited document 2")] // 2 is not 2a
    [InlineData("Services can volutarily purchase it.", "document 2a", "in document 1, not in the cited document 2a")]
    public void A_quote_only_in_another_document_is_wrong_document(string quote, string locator, string expected)
    {
        var (outcome, diagnostics) = Verify(quote, locator, Bundle);

        Assert.Equal(QuoteOutcome.WrongDocument, outcome);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.QuoteWrongDocument, error.Code);
        Assert.Equal($"the quote is in the archived text of 'src-a' {expected}", error.Message);
    }

    [Fact]
    public void A_document_the_archived_text_does_not_mark_is_wrong_document()
    {
        var (outcome, diagnostics) = Verify("The first register.", "document 7", Bundle);

        Assert.Equal(QuoteOutcome.WrongDocument, outcome);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.QuoteWrongDocument, error.Code);
        Assert.Equal("the archived text of 'src-a' marks no document 7 (it marks documents 1, 2, 2a); the quote is in document 1", error.Message);
    }

    [Fact]
    public void A_quote_before_the_first_document_marker_is_in_no_document()
    {
        var (outcome, diagnostics) = Verify("Words before the bundle.", "document 1", Bundle.Replace("[document 1]", "Words before the bundle.\n[document 1]"));

        Assert.Equal(QuoteOutcome.WrongDocument, outcome);
        Assert.Contains("before its first document marker, not in the cited document 1", Assert.Single(diagnostics).Message);
    }

    [Theory]
    [InlineData("innovative services to protect vulnerable people", "document 3")]
    [InlineData("innovative services to protect vulnerable people", "document 3, page 15")]
    public void Without_document_markers_a_cited_document_is_not_checked(string quote, string locator)
    {
        var (outcome, diagnostics) = Verify(quote, locator);

        Assert.Equal(QuoteOutcome.Verified, outcome);
        Assert.Empty(diagnostics);
    }

    [Theory]
    // In the cited document, but not on the cited page: the page is wrong.
    [InlineData("Services can volutarily purchase it.", "document 1, page 2", new[] { DiagnosticCodes.QuoteWrongPage }, QuoteOutcome.WrongPage)]
    [InlineData("A sentence both documents print.", "document 2, page 2", new[] { DiagnosticCodes.QuoteWrongPage }, QuoteOutcome.WrongPage)]
    // On the cited page, but in another document: the document is wrong.
    [InlineData("Services can voluntarily purchase it.", "document 1, page 3", new[] { DiagnosticCodes.QuoteWrongDocument }, QuoteOutcome.WrongDocument)]
    // Neither: both are wrong, and both are reported in one run.
    [InlineData("Services can voluntarily purchase it.", "document 1, page 1", new[] { DiagnosticCodes.QuoteWrongDocument, DiagnosticCodes.QuoteWrongPage }, QuoteOutcome.WrongDocument)]
    public void Page_and_document_are_both_checked(string quote, string locator, string[] codes, QuoteOutcome expected)
    {
        var (outcome, diagnostics) = Verify(quote, locator, Bundle);

        Assert.Equal(expected, outcome);
        Assert.Equal(codes.Order(), diagnostics.Select(d => d.Code).Order());
    }

    [Fact]
    public void The_wrong_page_of_the_cited_document_names_the_page_in_that_document()
    {
        var (_, diagnostics) = Verify("A sentence both documents print.", "document 2, page 2", Bundle);

        Assert.Equal("the quote is in the archived text of 'src-a' on page 3, not on the cited p. 2", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void A_source_known_through_a_bundle_is_not_held_to_the_bundles_documents()
    {
        using var site = TestSite.Create(Entry("cqc", "Services can voluntarily purchase it.", "document 1, page 1") + Bundle + "\n" +
            "-- content/sources/cqc.yml --\ntitle: Inspection\npublisher: CQC\ntype: inspection-report\ndate: 2014\nnoUrlReason: none\nknownThrough: src-a\n");

        var checkedEvidence = Check(site, out var diagnostics);

        Assert.Equal(QuoteOutcome.VerifiedAsQuoted, Assert.Single(checkedEvidence.Integrity.Quotes).Outcome);
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void A_verified_quote_records_its_document_and_page()
    {
        using var site = TestSite.Create(Entry("src-a", "An extract from a report.", "document 2a") + Bundle);

        var check = Assert.Single(Check(site, out _).Integrity.Quotes);

        Assert.Equal((QuoteOutcome.Verified, "2a", (int?)4), (check.Outcome, check.FoundInDocument, check.FoundOnPage));
    }

    [Theory]
    [InlineData("document 1", "found in this site's copy of A report, but in document 2, not the cited document 1.")]
    [InlineData("document 7", "found in this site's copy of A report, which marks no document 7.")]
    public async Task A_quote_in_the_wrong_document_says_so_beside_it(string locator, string expected)
    {
        using var site = TestSite.Create(Entry("src-a", "Services can voluntarily purchase it.", locator) + Bundle);
        var checkedEvidence = Check(site, out _);
        var writer = new Chronology.Publishing.OutputWriter(site.Output);

        await Chronology.Theme.SiteRenderer.RenderAsync(new Chronology.Site.SiteModel(checkedEvidence), (url, html) => writer.WritePageAsync(url, html));

        var status = site.Page("/entries/a/").QuerySelector(".quote-status-wrongdocument")!;
        Assert.Equal("✗Quotation " + expected, status.TextContent.Trim());
        Assert.DoesNotContain("✓", status.TextContent);
    }

    [Theory]
    [InlineData("“Don’t”—she said…", "\"Don't\"-she said...")]
    [InlineData("co-\n  designed   and\u00A0roll-out", "codesigned and rollout")]
    [InlineData("ﬁnance ２０１８", "finance 2018")] // NFKC: ligature and full-width digits
    [InlineData("2018-2020 and Q1 - Q2", "2018-2020 and Q1 - Q2")] // hyphens between digits, or spaced, stay
    [InlineData("soft\u00ADhyphen", "softhyphen")]
    [InlineData("proof of concept and then the\n\n\n3.2\n\nfurther stage", "proof of concept and then the further stage")] // a lone paragraph number
    [InlineData("in 2018\n11\nitems", "in 2018 items")]
    [InlineData("programmes (2018-\n2020) and a 3-\n5-year horizon", "programmes (2018-2020) and a 3-5-year horizon")]
    [InlineData("for innovators -\ndiscover, develop", "for innovators - discover, develop")] // a spaced dash at a line end stays a dash
    [InlineData("runs out on 31st March\n\n\n2020\n2. Organisations", "runs out on 31st March 2020 2. Organisations")] // a year on its own line is part of the sentence
    [InlineData("In April 2018 the [Academic Health Science Networks](#) selected SIM", "In April 2018 the Academic Health Science Networks selected SIM")] // a link whose address was lost: its words
    [InlineData("the [first\nsecond](#) and [not a link] or [x](http://a) or ](#)", "the first second and [not a link] or [x](http://a) or ](#)")]
    public void Normalises_text_for_matching(string text, string expected) =>
        Assert.Equal(expected, NormalisedText.Of(text).Value);

    [Fact]
    public void A_stretch_of_archived_text_is_shown_without_the_marks_of_lost_links_wherever_it_begins_or_ends()
    {
        var snapshot = new Chronology.Model.Snapshot("s", "T", "P", null, "N", "before [the link](#) after", [], [], new Chronology.Model.ContentLocation("s.txt", 1, 1));
        var text = snapshot.Text;

        Assert.Equal("before the link after", NormalisedText.Shown(snapshot, 0, text.Length));
        Assert.Equal("before ", NormalisedText.Shown(snapshot, 0, text.IndexOf("the", StringComparison.Ordinal)));
        Assert.Equal("the link", NormalisedText.Shown(snapshot, text.IndexOf('['), text.IndexOf(" after", StringComparison.Ordinal)));
        Assert.Equal("link after", NormalisedText.Shown(snapshot, text.IndexOf("link", StringComparison.Ordinal), text.Length));
        var plain = new Chronology.Model.Snapshot("p", "T", "P", null, "N", "no [marks] here", [], [], new Chronology.Model.ContentLocation("p.txt", 1, 1));
        Assert.Equal("[marks]", NormalisedText.Shown(plain, 3, 10));
    }

    private static (QuoteOutcome Outcome, IReadOnlyList<Diagnostic> Diagnostics) Verify(string quote, string? locator, string? snapshot = null)
    {
        using var site = TestSite.Create(Entry("src-a", quote, locator) + (snapshot ?? Snapshot));
        var checkedEvidence = Check(site, out var diagnostics);
        return (Assert.Single(checkedEvidence.Integrity.Quotes).Outcome,
            [.. diagnostics.Where(d => d.Code is DiagnosticCodes.QuoteNotFound or DiagnosticCodes.QuoteWrongPage or DiagnosticCodes.QuoteWrongDocument)]);
    }

    private static CheckedEvidence Check(TestSite site, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var bag = new DiagnosticBag();
        var result = Chronology.Cli.SiteBuild.Check(site.Content, bag);
        diagnostics = bag.Items;
        return result;
    }

    private static string Entry(string source, string quote, string? locator) =>
        "-- content/entries/a.md --\n---\ndate: 2014\ntitle: A\ncitations:\n  - source: " + source + "\n" +
        (locator is null ? "" : $"    locator: {locator}\n") + "    quote: \"" + quote.Replace("\"", "\\\"") + "\"\n---\nBody.\n";
}
