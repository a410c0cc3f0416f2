using Chronology.Diagnostics;
using Chronology.Validation;

namespace Chronology.Tests.Validation;

public class QuoteVerifierTests
{
    private const string Snapshot = """
        -- content/snapshots/src-a.txt --
        ---
        title: A report
        publisher: Someone
        note: Archived text extraction, for tests.
        ---
        Introductory text before any page marker.
        [page 15]
        “The service had developed new and
        innovative services to protect vulnerable people and reduce the use of the
        Mental Health Act. One example of this was 'Operation Serenity'.”
        [page 16]
        The AHSN Network’s work on co-
        designed tools – and the roll-out.
        """;

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
    public void Normalises_text_for_matching(string text, string expected) =>
        Assert.Equal(expected, NormalisedText.Of(text).Value);

    private static (QuoteOutcome Outcome, IReadOnlyList<Diagnostic> Diagnostics) Verify(string quote, string? locator)
    {
        using var site = TestSite.Create(Entry("src-a", quote, locator) + Snapshot);
        var checkedEvidence = Check(site, out var diagnostics);
        return (Assert.Single(checkedEvidence.Integrity.Quotes).Outcome,
            [.. diagnostics.Where(d => d.Code is DiagnosticCodes.QuoteNotFound or DiagnosticCodes.QuoteWrongPage)]);
    }

    private static CheckedEvidence Check(TestSite site, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var bag = new DiagnosticBag();
        var result = EvidenceChecks.Run(site.Content, bag);
        diagnostics = bag.Items;
        return result;
    }

    private static string Entry(string source, string quote, string? locator) =>
        "-- content/entries/a.md --\n---\ndate: 2014\ntitle: A\ncitations:\n  - source: " + source + "\n" +
        (locator is null ? "" : $"    locator: {locator}\n") + "    quote: \"" + quote.Replace("\"", "\\\"") + "\"\n---\nBody.\n";
}
