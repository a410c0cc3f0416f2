namespace Chronology.Model;

/// <summary>A claim's pointer to evidence: which source, where in it, and the exact words quoted.</summary>
public sealed record Citation(string SourceId, Locator? Locator, string? Quote, ContentLocation Location)
{
    public ContentLocation? SourceLocation { get; init; }

    public ContentLocation? QuoteLocation { get; init; }
}
