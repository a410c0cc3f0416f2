namespace Chronology.Model;

/// <summary>What a review item is; the review page lists conclusions first, in this order.</summary>
public enum ReviewItemKind
{
    Conclusion,
    Recommendation,
}
