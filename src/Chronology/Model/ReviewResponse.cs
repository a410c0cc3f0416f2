namespace Chronology.Model;

/// <summary>An organisation's response to a review item: its commentary, or the action it reports, quoted exactly.</summary>
public sealed record ReviewResponse(
    string Id,
    string RespondsTo,
    string Organisation,
    ResponseKind Kind,
    EdtfDate Date,
    string Label,
    Citation Text,
    ContentLocation Location) : IReadInPart
{
    /// <summary>A required field could not be read; see <see cref="IReadInPart"/>.</summary>
    public bool Unread { get; init; }

    /// <summary>The kinds as content writes them.</summary>
    public static readonly IReadOnlyList<string> Kinds = Spelling.All<ResponseKind>();

    public ContentLocation? RespondsToLocation { get; init; }

    public ContentLocation? OrganisationLocation { get; init; }
}
