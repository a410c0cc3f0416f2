namespace Chronology.Model;

public sealed record Organisation(
    string Id,
    string Name,
    string? ShortName,
    IReadOnlyList<string> Aliases,
    string Description,
    ContentLocation Location);
