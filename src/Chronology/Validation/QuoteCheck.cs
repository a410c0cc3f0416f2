namespace Chronology.Validation;

/// <summary>The result of checking one quotation.</summary>
/// <param name="CheckedAgainst">The source id whose archived text was searched.</param>
/// <param name="FoundOnPage">The marked page the quote was found on, where pages are marked.</param>
/// <param name="Closest">For a quote not found: the closest passage of the archived text.</param>
/// <param name="WordDiff">For a quote not found: the quote against that passage, <c>[-quote's word-]{+text's word+}</c>.</param>
/// <param name="FoundInDocument">The marked document (<c>2d</c>) the quote was found in, where the archived text marks documents.</param>
/// <param name="CitedDocument">For a quote not in the document its locator names: that document.</param>
public sealed record QuoteCheck(
    QuoteOutcome Outcome,
    string? CheckedAgainst,
    int? FoundOnPage = null,
    string? Closest = null,
    string? WordDiff = null,
    string? FoundInDocument = null,
    CitedDocument? CitedDocument = null)
{
    /// <summary>Where the quotation stands in the archived text (characters of <c>Snapshot.Text</c>), where it was found.</summary>
    public TextSpan? Span { get; init; }

    public bool IsVerified => Outcome is QuoteOutcome.Verified or QuoteOutcome.VerifiedAsQuoted;
}

/// <summary>A run of characters of an archived text: <paramref name="Start"/> and the length.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>The document a citation's locator names (<c>document 2d</c>), and whether the archived text marks it at all.</summary>
public sealed record CitedDocument(string Id, bool IsMarked);
