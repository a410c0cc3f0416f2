namespace Chronology.Model;

/// <summary>The whole corpus as loaded: what every later step reads. Entries are in chronological order.</summary>
public sealed record Evidence(
    SiteConfig Site,
    IReadOnlyList<ChronologyEntry> Entries,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Organisation> Organisations);
