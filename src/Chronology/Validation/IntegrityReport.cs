using Chronology.Model;

namespace Chronology.Validation;

/// <summary>What the integrity checks found, for pages to show beside each quote and on the evidence-health page.</summary>
public sealed class IntegrityReport
{
    private readonly Dictionary<(string EntryId, int Index), QuoteCheck> _quotes = [];

    public static IntegrityReport Empty { get; } = new();

    public IReadOnlyCollection<QuoteCheck> Quotes => _quotes.Values;

    public void Add(ChronologyEntry entry, int citationIndex, QuoteCheck check) => _quotes[(entry.Id, citationIndex)] = check;

    /// <summary>The check of an entry's citation (0-based index), or null when the citation has no quote.</summary>
    public QuoteCheck? For(ChronologyEntry entry, int citationIndex) =>
        _quotes.TryGetValue((entry.Id, citationIndex), out var check) ? check : null;

    public int Count(QuoteOutcome outcome) => _quotes.Values.Count(q => q.Outcome == outcome);
}
