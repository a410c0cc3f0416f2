namespace Chronology.Model;

/// <summary>
/// A conclusion or recommendation of a review, in the review's own words (quoted from the document that gives it),
/// with the chronology entries and sources that bear on it.
/// </summary>
public sealed record ReviewItem(
    string Id,
    ReviewItemKind Kind,
    string? Section,
    int? Number,
    string Title,
    Citation Text,
    IReadOnlyList<string> Entries,
    IReadOnlyList<string> Sources,
    ContentLocation Location) : IReadInPart
{
    /// <summary>A required field could not be read; see <see cref="IReadInPart"/>.</summary>
    public bool Unread { get; init; }

    /// <summary>The kinds as content writes them.</summary>
    public static readonly IReadOnlyList<string> Kinds = Spelling.All<ReviewItemKind>();

    public IReadOnlyList<ContentLocation> EntryLocations { get; init; } = [];

    public IReadOnlyList<ContentLocation> SourceLocations { get; init; } = [];

    /// <summary>Conclusions by section, then recommendations by their number in the table.</summary>
    public static IComparer<ReviewItem> ReviewOrder { get; } = Comparer<ReviewItem>.Create((a, b) =>
    {
        var byKind = a.Kind.CompareTo(b.Kind);
        if (byKind != 0) return byKind;
        var bySection = CompareSections(a.Section, b.Section);
        if (bySection != 0) return bySection;
        var byNumber = (a.Number ?? 0).CompareTo(b.Number ?? 0);
        return byNumber != 0 ? byNumber : string.CompareOrdinal(a.Id, b.Id);
    });

    private static int CompareSections(string? a, string? b)
    {
        var left = (a ?? "").Split('.').Select(p => int.TryParse(p, out var n) ? n : 0).ToArray();
        var right = (b ?? "").Split('.').Select(p => int.TryParse(p, out var n) ? n : 0).ToArray();
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            if (left[i] != right[i]) return left[i].CompareTo(right[i]);
        }
        return left.Length.CompareTo(right.Length);
    }
}
