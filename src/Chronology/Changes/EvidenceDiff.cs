using Chronology.Model;
using Chronology.Validation;

namespace Chronology.Changes;

/// <summary>
/// Compares the evidence of two revisions of the content: what a reviewer of a pull request needs to see in place of
/// a YAML diff. Pure: the same two checked corpora always give the same changes, sorted by id.
/// </summary>
public static class EvidenceDiff
{
    public static EvidenceChanges Compare(CheckedEvidence @base, CheckedEvidence head)
    {
        var baseChecks = Checks(@base.Integrity);
        var headChecks = Checks(head.Integrity);
        var quoteChecks = new List<QuoteCheckChange>();

        var baseEntries = ById(@base.Evidence.Entries, e => e.Id);
        var headEntries = ById(head.Evidence.Entries, e => e.Id);
        var entriesAdded = headEntries.Keys.Where(id => !baseEntries.ContainsKey(id)).Order(StringComparer.Ordinal)
            .Select(id => Summary(headEntries[id], headChecks)).ToList();
        var entriesRemoved = baseEntries.Keys.Where(id => !headEntries.ContainsKey(id)).Order(StringComparer.Ordinal)
            .Select(id => Summary(baseEntries[id], baseChecks)).ToList();
        var entriesChanged = new List<EntryChange>();
        foreach (var id in baseEntries.Keys.Where(headEntries.ContainsKey).Order(StringComparer.Ordinal))
        {
            if (CompareEntry(baseEntries[id], headEntries[id], baseChecks, headChecks, quoteChecks) is { } change) entriesChanged.Add(change);
        }
        quoteChecks.AddRange(OtherQuoteChecks(@base, head, baseChecks, headChecks));

        var baseSources = ById(@base.Evidence.Sources, s => s.Id);
        var headSources = ById(head.Evidence.Sources, s => s.Id);
        var sourcesAdded = headSources.Keys.Where(id => !baseSources.ContainsKey(id)).Order(StringComparer.Ordinal)
            .Select(id => Summary(headSources[id])).ToList();
        var sourcesRemoved = baseSources.Keys.Where(id => !headSources.ContainsKey(id)).Order(StringComparer.Ordinal)
            .Select(id => Summary(baseSources[id])).ToList();
        var sourcesChanged = new List<SourceChange>();
        foreach (var id in baseSources.Keys.Where(headSources.ContainsKey).Order(StringComparer.Ordinal))
        {
            if (CompareSource(baseSources[id], headSources[id], @base.Evidence, head.Evidence) is { } change) sourcesChanged.Add(change);
        }

        return new EvidenceChanges(entriesAdded, entriesRemoved, entriesChanged, sourcesAdded, sourcesRemoved, sourcesChanged,
            [.. quoteChecks.OrderBy(q => q.Owner, StringComparer.Ordinal)]);
    }

    public static DateValue Date(EdtfDate date) => new(date.ToString(), date.Describe());

    private static Dictionary<string, T> ById<T>(IEnumerable<T> items, Func<T, string> id)
    {
        var byId = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items) byId.TryAdd(id(item), item); // a duplicate id is an error the check reports; the first counts
        return byId;
    }

    private static Dictionary<QuotationId, QuoteOutcome> Checks(IntegrityReport integrity) =>
        integrity.All.ToDictionary(c => c.Id, c => c.Check.Outcome);

    private static EntrySummary Summary(ChronologyEntry entry, Dictionary<QuotationId, QuoteOutcome> checks) =>
        new(entry.Id, Date(entry.Date), ExplicitLabel(entry), entry.Title, entry.Organisations,
            [.. entry.Citations.Select((c, i) => Summary(new QuotationId(QuotationOwner.Of(entry), i), c, checks))]);

    private static CitationSummary Summary(QuotationId quotation, Citation citation, Dictionary<QuotationId, QuoteOutcome> checks) =>
        new(citation.SourceId, citation.Locator?.ToString(), citation.Quote is null ? null : WordDiffer.Collapse(citation.Quote),
            checks.TryGetValue(quotation, out var outcome) ? outcome : null);

    private static SourceSummary Summary(Source source) =>
        new(source.Id, source.Title, source.Publisher, source.Date is { } date ? Date(date) : null, source.Url);

    private static EntryChange? CompareEntry(
        ChronologyEntry before, ChronologyEntry after,
        Dictionary<QuotationId, QuoteOutcome> baseChecks, Dictionary<QuotationId, QuoteOutcome> headChecks,
        List<QuoteCheckChange> quoteChecks)
    {
        var date = before.Date.ToString() == after.Date.ToString() ? null : new DateChange(Date(before.Date), Date(after.Date));
        var body = WordDiffer.Words(before.Body).SequenceEqual(WordDiffer.Words(after.Body))
            ? null
            : WordDiffer.Excerpt(WordDiffer.Ops(WordDiffer.Words(before.Body), WordDiffer.Words(after.Body)));

        var added = new List<CitationSummary>();
        var removed = new List<CitationSummary>();
        var changed = new List<CitationChange>();
        var pairs = PairCitations(before.Citations, after.Citations);
        var pairedBefore = pairs.Select(p => p.Before).ToHashSet();
        for (var i = 0; i < before.Citations.Count; i++)
        {
            if (!pairedBefore.Contains(i)) removed.Add(Summary(new QuotationId(QuotationOwner.Of(before), i), before.Citations[i], baseChecks));
        }
        var pairedAfter = pairs.ToDictionary(p => p.After, p => p.Before);
        for (var i = 0; i < after.Citations.Count; i++)
        {
            if (!pairedAfter.TryGetValue(i, out var b))
            {
                added.Add(Summary(new QuotationId(QuotationOwner.Of(after), i), after.Citations[i], headChecks));
                continue;
            }
            var (old, now) = (before.Citations[b], after.Citations[i]);
            var locator = Changed(old.Locator?.ToString(), now.Locator?.ToString());
            var quote = SameWords(old.Quote, now.Quote) ? null : WordDiffer.Diff(old.Quote, now.Quote);
            if (locator is not null || quote is not null) changed.Add(new CitationChange(now.SourceId, now.Locator?.ToString(), locator, quote));
            if (now.Quote is not null && baseChecks.TryGetValue(new QuotationId(QuotationOwner.Of(before), b), out var was) && headChecks.TryGetValue(new QuotationId(QuotationOwner.Of(after), i), out var @is) && was != @is)
                quoteChecks.Add(new QuoteCheckChange(after.Id, now.SourceId, now.Locator?.ToString(), WordDiffer.Collapse(now.Quote), was, @is));
        }

        var change = new EntryChange(
            after.Id, after.Title, date,
            Changed(ExplicitLabel(before), ExplicitLabel(after)),
            Changed(before.Title, after.Title),
            Changed(before.AnnexItem?.ToString(System.Globalization.CultureInfo.InvariantCulture), after.AnnexItem?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Changed(before.Organisations, after.Organisations),
            Changed(before.Tags, after.Tags),
            body, added, removed, changed);
        var same = change is { Date: null, Label: null, Title: null, Annex: null, Organisations: null, Tags: null, Body: null } &&
            added.Count == 0 && removed.Count == 0 && changed.Count == 0;
        return same ? null : change;
    }

    /// <summary>
    /// Which citation of the base became which of the head: first those identical, then those with the same source and
    /// quote (the locator changed), then the same source and locator (the quotation changed), then the same source, in
    /// order. What is left was removed or added.
    /// </summary>
    private static List<(int Before, int After)> PairCitations(IReadOnlyList<Citation> before, IReadOnlyList<Citation> after)
    {
        var pairs = new List<(int Before, int After)>();
        var freeBefore = Enumerable.Range(0, before.Count).ToList();
        var freeAfter = Enumerable.Range(0, after.Count).ToList();
        Func<Citation, Citation, bool>[] passes =
        [
            (a, b) => a.SourceId == b.SourceId && SameLocator(a, b) && SameWords(a.Quote, b.Quote),
            (a, b) => a.SourceId == b.SourceId && SameWords(a.Quote, b.Quote),
            (a, b) => a.SourceId == b.SourceId && SameLocator(a, b),
            (a, b) => a.SourceId == b.SourceId,
        ];
        foreach (var matches in passes)
        {
            foreach (var h in freeAfter.ToList())
            {
                var b = freeBefore.FindIndex(i => matches(before[i], after[h]));
                if (b < 0) continue;
                pairs.Add((freeBefore[b], h));
                freeBefore.RemoveAt(b);
                freeAfter.Remove(h);
            }
        }
        return pairs;
    }

    private static bool SameLocator(Citation a, Citation b) => a.Locator?.ToString() == b.Locator?.ToString();

    private static bool SameWords(string? a, string? b) =>
        (a is null) == (b is null) && WordDiffer.Words(a).SequenceEqual(WordDiffer.Words(b));

    /// <summary>
    /// Quotations outside the entries (review items, risks, documents, people) whose check changed: matched by owner,
    /// source and words, as their positions may shift.
    /// </summary>
    private static IEnumerable<QuoteCheckChange> OtherQuoteChecks(
        CheckedEvidence @base, CheckedEvidence head,
        Dictionary<QuotationId, QuoteOutcome> baseChecks, Dictionary<QuotationId, QuoteOutcome> headChecks)
    {
        static Dictionary<(string Owner, string Source, string Quote), Queue<(Citation Citation, QuoteOutcome Outcome)>> Quotations(
            Evidence evidence, Dictionary<QuotationId, QuoteOutcome> checks)
        {
            var quotations = new Dictionary<(string, string, string), Queue<(Citation, QuoteOutcome)>>();
            foreach (var (quotation, citation) in evidence.AllCitations())
            {
                if (quotation.Owner.Kind == QuotationOwnerKind.Entry || citation.Quote is null || !checks.TryGetValue(quotation, out var outcome)) continue;
                var key = (quotation.Owner.ToString(), citation.SourceId, WordDiffer.Collapse(citation.Quote));
                if (!quotations.TryGetValue(key, out var queue)) quotations[key] = queue = new();
                queue.Enqueue((citation, outcome));
            }
            return quotations;
        }

        var before = Quotations(@base.Evidence, baseChecks);
        var after = Quotations(head.Evidence, headChecks);
        foreach (var (key, queue) in after.OrderBy(q => q.Key.Owner, StringComparer.Ordinal).ThenBy(q => q.Key.Source, StringComparer.Ordinal)
                     .ThenBy(q => q.Key.Quote, StringComparer.Ordinal))
        {
            if (!before.TryGetValue(key, out var old)) continue;
            foreach (var ((citation, outcome), was) in queue.Zip(old.Select(o => o.Outcome)))
            {
                if (outcome != was) yield return new QuoteCheckChange(key.Owner, key.Source, citation.Locator?.ToString(), key.Quote, was, outcome);
            }
        }
    }

    private static SourceChange? CompareSource(Source before, Source after, Evidence baseEvidence, Evidence headEvidence)
    {
        var date = before.Date?.ToString() == after.Date?.ToString()
            ? null
            : new DateChange(before.Date is { } b ? Date(b) : null, after.Date is { } a ? Date(a) : null);
        var oldText = baseEvidence.Snapshots.TryGetValue(before.Id, out var oldSnapshot) ? oldSnapshot.Text : null;
        var newText = headEvidence.Snapshots.TryGetValue(after.Id, out var newSnapshot) ? newSnapshot.Text : null;
        var archived = (oldText, newText) switch
        {
            (null, null) => null,
            (null, _) => "added",
            (_, null) => "removed",
            _ when oldText != newText => "changed",
            _ => null,
        };
        var change = new SourceChange(after.Id, after.Title, Changed(before.Title, after.Title), Changed(before.Publisher, after.Publisher), date,
            Changed(before.Url, after.Url), archived);
        return change is { Title: null, Publisher: null, Date: null, Url: null, ArchivedText: null } ? null : change;
    }

    /// <summary>
    /// The label where it says more than the display date ("Late 2017" beside "About late 2017"); null where the file
    /// gives none (the loader then uses the display date) or gives the same words, so a date change is not also a label change.
    /// </summary>
    private static string? ExplicitLabel(ChronologyEntry entry) => entry.Date.WordingBeside(entry.Label);

    private static TextChange? Changed(string? before, string? after) =>
        string.Equals(before, after, StringComparison.Ordinal) ? null : new TextChange(before, after);

    private static ListChange? Changed(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var added = after.Except(before, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var removed = before.Except(after, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return added.Count == 0 && removed.Count == 0 ? null : new ListChange(added, removed);
    }
}
