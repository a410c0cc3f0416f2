namespace Chronology.Model;

public sealed record Source(
    string Id,
    string Title,
    string Publisher,
    string Type,
    EdtfDate? Date,
    string? Url,
    IReadOnlyList<string> AlsoAt,
    string? NoUrlReason,
    DateOnly? Accessed,
    string? ArchiveUrl,
    int? Pages,
    string? KnownThrough,
    string? Seed,
    IReadOnlyList<string> Organisations,
    string? Notes,
    ContentLocation Location)
{
    public IReadOnlyList<ContentLocation> OrganisationLocations { get; init; } = [];
    public ContentLocation? KnownThroughLocation { get; init; }

    public static readonly IReadOnlyList<string> Types =
    [
        "report", "inspection-report", "foi-response", "letter", "email", "web-page", "journal-article",
        "petition", "discussion-post", "guidance", "evaluation", "funding-award", "government-response",
        "policy-paper", "brochure", "dataset", "other",
    ];

    /// <summary>A type in words, as the register shows it: "FOI response", "web page", "inspection report".</summary>
    public static string DescribeType(string type) => type switch
    {
        "foi-response" => "FOI response",
        "email" => "e-mail",
        _ => type.Replace('-', ' '),
    };

    public bool IsPdf => Url is not null && Url.Split('?', '#')[0].EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);
}
