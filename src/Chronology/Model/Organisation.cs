namespace Chronology.Model;

public sealed record Organisation(
    string Id,
    string Name,
    string? ShortName,
    IReadOnlyList<string> Aliases,
    string Description,
    ContentLocation Location) : IReadInPart
{
    /// <summary>
    /// Its name or description could not be read (an error at the file says why), and stands in for it only so that
    /// what names it is not reported again as naming an unknown organisation. Such an organisation is never rendered.
    /// </summary>
    public bool Unread { get; init; }
}
