namespace Chronology.Links;

/// <summary>What the last <c>links refresh</c> found at one URL.</summary>
public sealed record LinkRecord(
    string Url,
    LinkOutcome Outcome,
    int? Status,
    string? FinalUrl,
    IReadOnlyList<string> Redirects,
    string? ContentType,
    DateTimeOffset CheckedAt,
    DateTimeOffset? FirstFailedAt,
    string? Detail)
{
    public bool WasReached => Outcome is LinkOutcome.Ok or LinkOutcome.Redirected;
}
