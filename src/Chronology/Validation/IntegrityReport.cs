using Chronology.Model;

namespace Chronology.Validation;

/// <summary>What the integrity checks found, for pages to show beside each quote and on the evidence-health page.</summary>
public sealed class IntegrityReport
{
    private readonly Dictionary<(string Owner, int Index), QuoteCheck> _quotes = [];

    public static IntegrityReport Empty { get; } = new();

    public IReadOnlyCollection<QuoteCheck> Quotes => _quotes.Values;

    /// <summary>Every check with whose quote it is: the owner ("entry-id", "review/x", "risks/y") and the quote's index there.</summary>
    public IEnumerable<(string Owner, int Index, QuoteCheck Check)> All =>
        _quotes.OrderBy(q => q.Key.Owner, StringComparer.Ordinal).ThenBy(q => q.Key.Index).Select(q => (q.Key.Owner, q.Key.Index, q.Value));

    /// <param name="owner">An entry id, or "review/&lt;id&gt;" or "responses/&lt;id&gt;".</param>
    public void Add(string owner, int citationIndex, QuoteCheck check) => _quotes[(owner, citationIndex)] = check;

    /// <summary>The check of an entry's citation (0-based index), or null when the citation has no quote.</summary>
    public QuoteCheck? For(ChronologyEntry entry, int citationIndex) => For(entry.Id, citationIndex);

    public QuoteCheck? For(ReviewItem item) => For("review/" + item.Id, 0);

    public QuoteCheck? For(ReviewResponse response) => For("responses/" + response.Id, 0);

    private QuoteCheck? For(string owner, int index) => _quotes.TryGetValue((owner, index), out var check) ? check : null;

    /// <summary>Every check on the quotes of one piece of content ("risks/x", "documents/y", "people/z").</summary>
    public IReadOnlyList<QuoteCheck> AllFor(string owner) =>
        [.. _quotes.Where(q => q.Key.Item1 == owner).OrderBy(q => q.Key.Item2).Select(q => q.Value)];

    /// <summary>How many quotations one piece of content has (an entry id, "risks/x"...) and how many were found in the source's own archived text.</summary>
    public QuoteTally TallyFor(string owner)
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
