using Chronology.Model;

namespace Chronology.Validation;

/// <summary>What the integrity checks found, for pages to show beside each quote and on the evidence-health page.</summary>
public sealed class IntegrityReport
{
    private readonly Dictionary<QuotationId, QuoteCheck> _quotes = [];

    // Every page that lists entries asks for each entry's tally: by owner, so that is not a scan of every check.
    private readonly Dictionary<QuotationOwner, SortedList<int, QuoteCheck>> _byOwner = [];

    public static IntegrityReport Empty { get; } = new();

    public IReadOnlyCollection<QuoteCheck> Quotes => _quotes.Values;

    /// <summary>Every check with whose quotation it is, by owner (as the change report names it) and then place.</summary>
    public IEnumerable<(QuotationId Id, QuoteCheck Check)> All =>
        _quotes.OrderBy(q => q.Key.Owner.ToString(), StringComparer.Ordinal).ThenBy(q => q.Key.Index).Select(q => (q.Key, q.Value));

    public void Add(QuotationId quotation, QuoteCheck check)
    {
        _quotes[quotation] = check;
        if (!_byOwner.TryGetValue(quotation.Owner, out var checks)) _byOwner[quotation.Owner] = checks = [];
        checks[quotation.Index] = check;
    }

    /// <summary>The check of one quotation, or null where it has none (a citation with no quote, or of an unknown source).</summary>
    public QuoteCheck? For(QuotationId quotation) => _quotes.GetValueOrDefault(quotation);

    /// <summary>The check of an entry's citation (0-based index), or null when the citation has no quote.</summary>
    public QuoteCheck? For(ChronologyEntry entry, int citationIndex) => For(new QuotationId(QuotationOwner.Of(entry), citationIndex));

    public QuoteCheck? For(ReviewItem item) => For(new QuotationId(QuotationOwner.Of(item), 0));

    public QuoteCheck? For(ReviewResponse response) => For(new QuotationId(QuotationOwner.Of(response), 0));

    /// <summary>Every check on the quotes of one piece of content, in their order there.</summary>
    public IReadOnlyList<QuoteCheck> AllFor(QuotationOwner owner) => _byOwner.TryGetValue(owner, out var checks) ? [.. checks.Values] : [];

    /// <summary>How many quotations one piece of content has and how many were found in the source's own archived text.</summary>
    public QuoteTally TallyFor(QuotationOwner owner)
    {
        var checks = AllFor(owner);
        return new QuoteTally(checks.Count, checks.Count(c => c.Outcome is QuoteOutcome.Verified));
    }

    public int Count(QuoteOutcome outcome) => _quotes.Values.Count(q => q.Outcome == outcome);
}

/// <summary>A count of quotations and of those checked against the source's own archived text, in words for lists.</summary>
public readonly record struct QuoteTally(int Quotations, int Verified)
{
    public bool AllVerified => Quotations > 0 && Verified == Quotations;

    /// <summary>"no quotations", "1 quotation, checked", "4 quotations, all checked", "4 quotations, 3 checked".</summary>
    public string Describe() => (Quotations, Verified) switch
    {
        (0, _) => "no quotations",
        (1, 1) => "1 quotation, checked",
        (1, _) => "1 quotation, not checked",
        var (q, v) when v == q => $"{q} quotations, all checked",
        (var q, 0) => $"{q} quotations, none checked",
        var (q, v) => $"{q} quotations, {v} checked",
    };
}
