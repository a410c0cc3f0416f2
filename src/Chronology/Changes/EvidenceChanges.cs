using System.Text.Json.Serialization;
using Chronology.Validation;

namespace Chronology.Changes;

/// <summary>
/// What changed in the evidence between two revisions of the content: entries, their citations and quotations,
/// sources, and the outcomes of the quote checks. Every list is sorted (by id, then by position), so the same two
/// revisions always give the same report.
/// </summary>
public sealed record EvidenceChanges(
    IReadOnlyList<EntrySummary> EntriesAdded,
    IReadOnlyList<EntrySummary> EntriesRemoved,
    IReadOnlyList<EntryChange> EntriesChanged,
    IReadOnlyList<SourceSummary> SourcesAdded,
    IReadOnlyList<SourceSummary> SourcesRemoved,
    IReadOnlyList<SourceChange> SourcesChanged,
    IReadOnlyList<QuoteCheckChange> QuoteChecksChanged)
{
    /// <summary>The revision compared from, where known (the diff command sets it).</summary>
    public Revision? Base { get; init; }

    /// <summary>The revision compared to; a null commit is the working tree.</summary>
    public Revision? Head { get; init; }

    /// <summary>Errors found loading and checking the base; what loaded is still compared.</summary>
    public int BaseErrors { get; init; }

    /// <summary>Errors found loading and checking the head.</summary>
    public int HeadErrors { get; init; }

    [JsonIgnore]
    public bool IsEmpty =>
        EntriesAdded.Count == 0 && EntriesRemoved.Count == 0 && EntriesChanged.Count == 0 && SourcesAdded.Count == 0 &&
        SourcesRemoved.Count == 0 && SourcesChanged.Count == 0 && QuoteChecksChanged.Count == 0;
}

/// <summary>A side of the comparison: the name it was given ("HEAD~1", "working tree") and its commit, if any.</summary>
public sealed record Revision(string Name, string? Commit);

/// <summary>A date as written (EDTF, "2012-11") and as the site shows it ("November 2012").</summary>
public sealed record DateValue(string Edtf, string Display);

public sealed record TextChange(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Before,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? After);

public sealed record DateChange(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateValue? Before,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateValue? After);

/// <summary>Members of a list (organisations, tags) that one side has and the other has not.</summary>
public sealed record ListChange(IReadOnlyList<string> Added, IReadOnlyList<string> Removed);

public enum WordOpKind
{
    Equal,
    Delete,
    Insert,
}

/// <summary>A run of words that both sides share, or that only the base (delete) or the head (insert) has.</summary>
public sealed record WordOp(WordOpKind Op, string Text);

/// <summary>A text before and after, and the word diff from one to the other.</summary>
public sealed record WordDiff(string Before, string After, IReadOnlyList<WordOp> Ops);

/// <summary>
/// The changed region of a long text (an entry's body) with a few words of context either side;
/// <paramref name="StartsInside"/>/<paramref name="EndsInside"/> where words before or after it were left out.
/// </summary>
public sealed record TextExcerptDiff(IReadOnlyList<WordOp> Ops, bool StartsInside, bool EndsInside);

/// <summary>A citation as it stands on one side, with its quote check there.</summary>
public sealed record CitationSummary(string Source, string? Locator, string? Quote, QuoteOutcome? Check);

public sealed record EntrySummary(
    string Id,
    DateValue Date,
    string? Label,
    string Title,
    IReadOnlyList<string> Organisations,
    IReadOnlyList<CitationSummary> Citations);

/// <summary>A citation kept from one side to the other, whose locator or quotation changed.</summary>
public sealed record CitationChange(string Source, string? Locator, TextChange? LocatorChange, WordDiff? Quote);

/// <summary>An entry on both sides that changed; <paramref name="Heading"/> is its title in the head.</summary>
public sealed record EntryChange(
    string Id,
    string Heading,
    DateChange? Date,
    TextChange? Label,
    TextChange? Title,
    TextChange? Annex,
    ListChange? Organisations,
    ListChange? Tags,
    TextExcerptDiff? Body,
    IReadOnlyList<CitationSummary> CitationsAdded,
    IReadOnlyList<CitationSummary> CitationsRemoved,
    IReadOnlyList<CitationChange> CitationsChanged);

public sealed record SourceSummary(string Id, string Title, string? Publisher, DateValue? Date, string? Url);

/// <summary>
/// A source on both sides that changed; <paramref name="ArchivedText"/> is "added", "removed" or "changed" where its
/// archived text (the snapshot quotes are checked against) did.
/// </summary>
public sealed record SourceChange(
    string Id,
    string Heading,
    TextChange? Title,
    TextChange? Publisher,
    DateChange? Date,
    TextChange? Url,
    string? ArchivedText);

/// <summary>
/// A quotation on both sides whose check came out differently: <paramref name="Owner"/> is the entry id, or
/// "review/x", "risks/y" and so on for quotations elsewhere; the quote is the head's.
/// </summary>
public sealed record QuoteCheckChange(string Owner, string Source, string? Locator, string Quote, QuoteOutcome Before, QuoteOutcome After);
