namespace Chronology.Model;

/// <summary>The whole corpus as loaded: what every later step reads. Entries are in chronological order.</summary>
public sealed record Evidence(
    SiteConfig Site,
    IReadOnlyList<ChronologyEntry> Entries,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Organisation> Organisations)
{
    /// <summary>Archived text copies of sources, by source id.</summary>
    public IReadOnlyDictionary<string, Snapshot> Snapshots { get; init; } = new Dictionary<string, Snapshot>();
}
