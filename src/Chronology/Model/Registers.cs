namespace Chronology.Model;

/// <summary>A reference by id to another piece of content, with where it was written (for errors).</summary>
public sealed record ContentRef(string Id, ContentLocation Location);

/// <summary>Words quoted exactly from a document, with where they stand in the content file.</summary>
public sealed record QuotedText(string Text, ContentLocation Location);

/// <summary>
/// A risk register as its document prints it: its title, update date, owner and the categories its references
/// start with. Its risks are <see cref="Risk"/> records that name it; its scores use a <see cref="RiskMatrix"/>.
/// </summary>
public sealed record RiskRegister(
    string Id,
    string Title,
    ContentRef Source,
    ContentRef QuotedFrom,
    Locator? Locator,
    EdtfDate? Updated,
    string? UpdatedLabel,
    QuotedText? Owner,
    IReadOnlyList<RiskCategory> Categories,
    ContentRef? Matrix,
    ContentRef? AnnotationSource,
    Locator? AnnotationLocator,
    string Summary,
    ContentLocation Location) : IReadInPart
{
    /// <summary>A required field could not be read; see <see cref="IReadInPart"/>.</summary>
    public bool Unread { get; init; }

    public int SummaryLine { get; init; } = 1;
}

/// <summary>A category of risk and the prefix its references start with ("OD", "SC"...), in the register's words.</summary>
public sealed record RiskCategory(string Prefix, QuotedText Text);

/// <summary>
/// One row of a risk register: the register's words quoted exactly, its scores as printed, and the later
/// annotations made against it. A rating is printed, not computed; validation checks it is probability × impact.
/// </summary>
public sealed record Risk : IReadInPart
{
    /// <summary>A required field could not be read; see <see cref="IReadInPart"/>.</summary>
    public bool Unread { get; init; }

    public required string Id { get; init; }

    /// <summary>The register the row stands in.</summary>
    public required ContentRef Register { get; init; }

    /// <summary>The register's own reference for the row ("OD1").</summary>
    public required string Reference { get; init; }

    public required string Title { get; init; }

    public EdtfDate? Identified { get; init; }

    public string? IdentifiedLabel { get; init; }

    public required QuotedText Description { get; init; }

    public QuotedText? Cause { get; init; }

    public QuotedText? Affected { get; init; }

    public int? Probability { get; init; }

    public int? Impact { get; init; }

    /// <summary>The rating as printed (validation checks it is probability × impact).</summary>
    public int? Rating { get; init; }

    public IReadOnlyList<QuotedText> Mitigations { get; init; } = [];

    public string? Timeline { get; init; }

    public string? Status { get; init; }

    /// <summary>Entries the risk bears on.</summary>
    public IReadOnlyList<ContentRef> Entries { get; init; } = [];

    /// <summary>Sources that bear on the risk, beyond the register itself.</summary>
    public IReadOnlyList<ContentRef> Sources { get; init; } = [];

    public string? Notes { get; init; }

    public IReadOnlyList<RiskAnnotation> Annotations { get; init; } = [];

    public required ContentLocation Location { get; init; }

    /// <summary>The row's position in its register, where the content gives it.</summary>
    public int? Row { get; init; }

    public ContentLocation? ScoresLocation { get; init; }

    public ContentLocation? IdentifiedLocation { get; init; }

    /// <summary>Every quoted field, for the quote verifier.</summary>
    public IEnumerable<QuotedText> Quotes()
    {
        if (Description.Text.Length > 0) yield return Description; // empty: a stand-in (see IReadInPart)
        if (Cause is not null) yield return Cause;
        if (Affected is not null) yield return Affected;
        foreach (var m in Mitigations) yield return m;
    }

    /// <summary>Register order: by register, then the row the register prints it in, then id.</summary>
    public static IComparer<Risk> RegisterOrder { get; } = Comparer<Risk>.Create((a, b) =>
    {
        var byRegister = string.CompareOrdinal(a.Register.Id, b.Register.Id);
        if (byRegister != 0) return byRegister;
        var byRow = (a.Row ?? int.MaxValue).CompareTo(b.Row ?? int.MaxValue);
        return byRow != 0 ? byRow : string.CompareOrdinal(a.Id, b.Id);
    });
}

/// <summary>An annotation made later against a risk (e.g. the July 2021 mitigation outcomes), quoted exactly.</summary>
public sealed record RiskAnnotation(
    EdtfDate Date,
    string Label,
    IReadOnlyList<QuotedText> Owners,
    IReadOnlyList<QuotedText> Outcomes,
    IReadOnlyList<ContentRef> Documents,
    ContentLocation Location);

/// <summary>A risk scoring matrix: the probability and impact scales and the bands their products fall in.</summary>
public sealed record RiskMatrix(
    string Id,
    string Title,
    ContentRef QuotedFrom,
    Locator? Locator,
    IReadOnlyList<ScaleLevel> Probability,
    IReadOnlyList<ScaleLevel> Impact,
    IReadOnlyList<RiskBand> Bands,
    string? Notes,
    ContentLocation Location) : IReadInPart
{
    /// <summary>A required field could not be read; see <see cref="IReadInPart"/>.</summary>
    public bool Unread { get; init; }

    public RiskBand? BandOf(int rating) => Bands.FirstOrDefault(b => b.Ratings.Contains(rating));
}

public sealed record ScaleLevel(int Score, string Label, ContentLocation Location);

/// <summary>A band of ratings. <see cref="Printed"/> is false where the document's text does not name the band.</summary>
public sealed record RiskBand(string Label, bool Printed, IReadOnlyList<int> Ratings, ContentLocation Location);
