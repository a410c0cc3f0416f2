using Chronology.Diagnostics;
using Chronology.Model;

namespace Chronology.Validation;

/// <summary>
/// Looks up every quoted passage in the archived text of its source (or, for a source known only through another
/// document, in that document's text) and reports those it cannot find, with the closest passage and a word diff.
/// </summary>
public static class QuoteVerifier
{
    public static IntegrityReport Verify(Evidence evidence, DiagnosticBag diagnostics)
    {
        var report = new IntegrityReport();
        var sources = evidence.Sources.ToDictionary(s => s.Id, StringComparer.Ordinal);

        foreach (var (quotation, citation) in evidence.AllCitations())
        {
            if (citation.Quote is null || !sources.TryGetValue(citation.SourceId, out var source)) continue;

            var (snapshot, asQuoted) = SnapshotFor(source, evidence);
            if (snapshot is null)
            {
                report.Add(quotation, new QuoteCheck(QuoteOutcome.Unverifiable, null));
                continue;
            }
            var text = NormalisedText.Of(snapshot);

            var check = Check(citation, snapshot, text, checkPage: !asQuoted);
            if (asQuoted && check.Outcome == QuoteOutcome.Verified) check = check with { Outcome = QuoteOutcome.VerifiedAsQuoted };
            report.Add(quotation, check);
            Report(check, citation, snapshot, asQuoted, diagnostics);
            if (!asQuoted && check.Outcome == QuoteOutcome.Verified && source.Url is not null && source.IsWebPage && text.Count(citation.Quote) > 1)
            {
                var at = citation.QuoteLocation ?? citation.Location;
                diagnostics.Warning(DiagnosticCodes.TextFragmentNotUnique, at,
                    $"the quote occurs {text.Count(citation.Quote)} times in the archived text of '{source.Id}', so its link (#:~:text=) will highlight the first; quote a longer passage");
            }
        }
        return report;
    }

    /// <summary>
    /// Looks the quote up in <paramref name="text"/>. With <paramref name="checkPage"/> (the snapshot is the cited
    /// source's own), one occurrence must also be on the cited page, where pages are marked, and in the cited document,
    /// where the snapshot marks the documents of a bundle.
    /// </summary>
    public static QuoteCheck Check(Citation citation, Snapshot snapshot, NormalisedText text, bool checkPage)
    {
        var quote = NormalisedText.Of(citation.Quote!).Value;
        var found = new List<Occurrence>();
        for (var at = text.Value.IndexOf(quote, StringComparison.Ordinal); at >= 0; at = text.Value.IndexOf(quote, at + 1, StringComparison.Ordinal))
            found.Add(new Occurrence(snapshot.PageAt(text.OriginalIndex[at]), snapshot.DocumentAt(text.OriginalIndex[at]),
                new TextSpan(text.OriginalIndex[at], text.OriginalIndex[at + Math.Max(quote.Length, 1) - 1] + 1 - text.OriginalIndex[at])));

        if (found.Count == 0)
        {
            var (closest, diff) = ClosestPassage.Find(quote, text, snapshot.Text);
            return new QuoteCheck(QuoteOutcome.NotFound, snapshot.SourceId, Closest: closest, WordDiff: diff);
        }

        var pages = checkPage ? citation.Locator?.Pages : null;
        var document = checkPage && snapshot.DocumentStarts.Count > 0 ? citation.Locator?.Document : null;
        // A quote before the first page marker is on no known page, so its page is not checked.
        bool OnCitedPage(Occurrence o) => pages is not { } cited || o.Page is not { } page || cited.Contains(page);
        bool InCitedDocument(Occurrence o) => document is null || o.Document == document;

        if (found.FirstOrDefault(o => OnCitedPage(o) && InCitedDocument(o)) is { } verified)
            return new QuoteCheck(QuoteOutcome.Verified, snapshot.SourceId, verified.Page, FoundInDocument: verified.Document) { Span = verified.Span };
        if (found.FirstOrDefault(InCitedDocument) is { } inDocument)
            return new QuoteCheck(QuoteOutcome.WrongPage, snapshot.SourceId, inDocument.Page, FoundInDocument: inDocument.Document);
        var shown = found.FirstOrDefault(OnCitedPage) ?? found[0];
        return new QuoteCheck(QuoteOutcome.WrongDocument, snapshot.SourceId, shown.Page, FoundInDocument: shown.Document,
            CitedDocument: new CitedDocument(document!, snapshot.MarksDocument(document!)));
    }

    /// <summary>Where one occurrence of a quote is: its marked page and document, where marked.</summary>
    private sealed record Occurrence(int? Page, string? Document, TextSpan Span);

    private static (Snapshot? Snapshot, bool AsQuoted) SnapshotFor(Source source, Evidence evidence)
    {
        if (evidence.Snapshots.TryGetValue(source.Id, out var own)) return (own, false);
        if (source.KnownThrough is { } through && evidence.Snapshots.TryGetValue(through, out var via)) return (via, true);
        return (null, false);
    }

    private static void Report(QuoteCheck check, Citation citation, Snapshot snapshot, bool asQuoted, DiagnosticBag diagnostics)
    {
        var at = citation.QuoteLocation ?? citation.Location;
        var where = asQuoted ? $"the archived text of '{snapshot.SourceId}' (through which this source is known)" : $"the archived text of '{snapshot.SourceId}'";
        switch (check.Outcome)
        {
            case QuoteOutcome.NotFound:
                var hint = check.Closest is null
                    ? "no passage shares its opening or closing words"
                    : $"closest passage: \"{check.Closest}\"; difference: {check.WordDiff}";
                diagnostics.Error(DiagnosticCodes.QuoteNotFound, at, $"quote not found in {where}; {hint}");
                break;
            case QuoteOutcome.WrongPage:
                ReportWrongPage(check, citation, where, diagnostics);
                break;
            case QuoteOutcome.WrongDocument:
                var cited = check.CitedDocument!;
                var foundIn = check.FoundInDocument is { } document ? $"in document {document}" : "before its first document marker";
                diagnostics.Error(DiagnosticCodes.QuoteWrongDocument, at, cited.IsMarked
                    ? $"the quote is in {where} {foundIn}, not in the cited document {cited.Id}"
                    : $"{where} marks no document {cited.Id} (it marks documents {string.Join(", ", snapshot.DocumentStarts.Select(d => d.Document))}); the quote is {foundIn}");
                // The cited page may be wrong as well: say so in the same run.
                if (citation.Locator?.Pages is { } pages && check.FoundOnPage is { } page && !pages.Contains(page))
                    ReportWrongPage(check, citation, where, diagnostics);
                break;
        }
    }

    private static void ReportWrongPage(QuoteCheck check, Citation citation, string where, DiagnosticBag diagnostics)
    {
        var at = citation.QuoteLocation ?? citation.Location;
        diagnostics.Error(DiagnosticCodes.QuoteWrongPage, at,
            $"the quote is in {where} on page {check.FoundOnPage}, not on the cited {citation.Locator!.PagePart!.Display}");
    }
}
