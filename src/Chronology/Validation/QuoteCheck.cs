namespace Chronology.Validation;

/// <summary>The result of checking one quotation.</summary>
/// <param name="CheckedAgainst">The source id whose archived text was searched.</param>
/// <param name="FoundOnPage">The marked page the quote was found on, where pages are marked.</param>
/// <param name="Closest">For a quote not found: the closest passage of the archived text.</param>
/// <param name="WordDiff">For a quote not found: the quote against that passage, <c>[-quote's word-]{+text's word+}</c>.</param>
public sealed record QuoteCheck(QuoteOutcome Outcome, string? CheckedAgainst, int? FoundOnPage = null, string? Closest = null, string? WordDiff = null);
