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
        var normalised = new Dictionary<string, NormalisedText>(StringComparer.Ordinal);

        foreach (var (owner, index, citation) in evidence.AllCitations())
        {
            if (citation.Quote is null || !sources.TryGetValue(citation.SourceId, out var source)) continue;

            var (snapshot, asQuoted) = SnapshotFor(source, evidence);
            if (snapshot is null)
            {
                report.Add(owner, index, new QuoteCheck(QuoteOutcome.Unverifiable, null));
                continue;
            }
            if (!normalised.TryGetValue(snapshot.SourceId, out var text))
                normalised[snapshot.SourceId] = text = NormalisedText.Of(snapshot.Text);

            var check = Check(citation, snapshot, text, checkPage: !asQuoted);
            if (asQuoted && check.Outcome == QuoteOutcome.Verified) check = check with { Outcome = QuoteOutcome.VerifiedAsQuoted };
            report.Add(owner, index, check);
            Report(check, citation, snapshot, asQuoted, diagnostics);
            if (!asQuoted && check.Outcome == QuoteOutcome.Verified && source.Url is not null && !source.IsPdf && text.Count(citation.Quote) > 1)
            {
                var at = citation.QuoteLocation ?? citation.Location;
                diagnostics.Warning(DiagnosticCodes.TextFragmentNotUnique, at.File, at.Line, at.Column,
                    $"the quote occurs {text.Count(citation.Quote)} times in the archived text of '{source.Id}', so its link (#:~:text=) will highlight the first; quote a longer passage");
            }
        }
        return report;
    }

    public static QuoteCheck Check(Citation citation, Snapshot snapshot, NormalisedText text, bool checkPage)
    {
        var quote = NormalisedText.Of(citation.Quote!).Value;
        var pages = new List<int?>();
        for (var at = text.Value.IndexOf(quote, StringComparison.Ordinal); at >= 0; at = text.Value.IndexOf(quote, at + 1, StringComparison.Ordinal))
            pages.Add(snapshot.PageAt(text.OriginalIndex[at]));

        if (pages.Count == 0)
        {
            var (closest, diff) = ClosestPassage.Find(quote, text, snapshot.Text);
            return new QuoteCheck(QuoteOutcome.NotFound, snapshot.SourceId, Closest: closest, WordDiff: diff);
        }

        var cited = CitedPages(citation.Locator);
        if (!checkPage || cited is null || pages.Any(p => p is null)) return new QuoteCheck(QuoteOutcome.Verified, snapshot.SourceId, pages[0]);
        var onCitedPage = pages.FirstOrDefault(p => p >= cited.Value.First && p <= cited.Value.Last);
        return onCitedPage is not null
            ? new QuoteCheck(QuoteOutcome.Verified, snapshot.SourceId, onCitedPage)
            : new QuoteCheck(QuoteOutcome.WrongPage, snapshot.SourceId, pages[0]);
    }

    private static (Snapshot? Snapshot, bool AsQuoted) SnapshotFor(Source source, Evidence evidence)
    {
        if (evidence.Snapshots.TryGetValue(source.Id, out var own)) return (own, false);
        if (source.KnownThrough is { } through && evidence.Snapshots.TryGetValue(through, out var via)) return (via, true);
        return (null, false);
    }

    private static (int First, int Last)? CitedPages(Locator? locator)
    {
        var part = locator?.Parts.FirstOrDefault(p => p.Kind is "page" or "pages");
        if (part is null) return null;
        var bounds = part.Value.Split('–');
        return (int.Parse(bounds[0]), int.Parse(bounds[^1]));
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
                diagnostics.Error(DiagnosticCodes.QuoteNotFound, at.File, at.Line, at.Column, $"quote not found in {where}; {hint}");
                break;
            case QuoteOutcome.WrongPage:
                diagnostics.Error(DiagnosticCodes.QuoteWrongPage, at.File, at.Line, at.Column,
                    $"the quote is in {where} on page {check.FoundOnPage}, not on the cited {citation.Locator!.Parts.First(p => p.Kind is "page" or "pages").Display}");
                break;
        }
    }
}
