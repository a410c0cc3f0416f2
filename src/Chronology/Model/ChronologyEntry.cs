namespace Chronology.Model;

public sealed record ChronologyEntry(
    string Id,
    EdtfDate Date,
    string Label,
    string Title,
    string Body,
    int? AnnexItem,
    IReadOnlyList<string> Organisations,
    IReadOnlyList<string> Tags,
    IReadOnlyList<Citation> Citations,
    ContentLocation Location) : IReadInPart
{
    // Where each part was written, so that later checks can point at the exact line.
    public IReadOnlyList<ContentLocation> OrganisationLocations { get; init; } = [];
    public ContentLocation? DateLocation { get; init; }
    public ContentLocation? LabelLocation { get; init; }
    public ContentLocation? AnnexLocation { get; init; }
    public int BodyLine { get; init; }

    /// <summary>
    /// Its date or title could not be read (an error at the file says why), and stands in for it only so that the
    /// rest of the entry is checked in the same run. Such an entry is never rendered.
    /// </summary>
    public bool Unread { get; init; }

    /// <summary>Chronological order: earliest possible day, then Annex 1 number, then id.</summary>
    public static IComparer<ChronologyEntry> ChronologicalOrder { get; } = Comparer<ChronologyEntry>.Create((a, b) =>
    {
        var byDay = a.Date.Earliest.CompareTo(b.Date.Earliest);
        if (byDay != 0) return byDay;
        var byAnnex = (a.AnnexItem ?? int.MaxValue).CompareTo(b.AnnexItem ?? int.MaxValue);
        return byAnnex != 0 ? byAnnex : string.CompareOrdinal(a.Id, b.Id);
    });
}
