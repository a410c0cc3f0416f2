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

    /// <summary>Review conclusions and recommendations, in review order.</summary>
    public IReadOnlyList<ReviewItem> ReviewItems { get; init; } = [];

    /// <summary>Responses to review items.</summary>
    public IReadOnlyList<ReviewResponse> Responses { get; init; } = [];

    /// <summary>Every quotation in the corpus, wherever it stands, with who makes it: for the quote verifier.</summary>
    public IEnumerable<(string Owner, int Index, Citation Citation)> AllCitations()
    {
        foreach (var entry in Entries)
        {
            for (var i = 0; i < entry.Citations.Count; i++) yield return (entry.Id, i, entry.Citations[i]);
        }
        foreach (var item in ReviewItems) yield return ("review/" + item.Id, 0, item.Text);
        foreach (var response in Responses) yield return ("responses/" + response.Id, 0, response.Text);
    }
}
