namespace Chronology.Model;

/// <summary>An organisation's response to a review item: its commentary, or the action it reports, quoted exactly.</summary>
public sealed record ReviewResponse(
    string Id,
    string RespondsTo,
    string Organisation,
    string Kind,
    EdtfDate Date,
    string Label,
    Citation Text,
    ContentLocation Location)
{
    public static readonly IReadOnlyList<string> Kinds = ["commentary", "action-taken"];

    public ContentLocation? RespondsToLocation { get; init; }

    public ContentLocation? OrganisationLocation { get; init; }
}
