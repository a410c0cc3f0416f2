namespace Chronology.Model;

public sealed record Source(
    string Id,
    string Title,
    string? Publisher,
    string Type,
    EdtfDate? Date,
    string? Url,
    IReadOnlyList<string> AlsoAt,
    string? NoUrlReason,
    DateOnly? Accessed,
    string? ArchiveUrl,
    int? Pages,
    string? KnownThrough,
    string? Format,
    IReadOnlyList<string> Organisations,
    string? Notes,
    ContentLocation Location)
{
    public IReadOnlyList<ContentLocation> OrganisationLocations { get; init; } = [];
    public ContentLocation? KnownThroughLocation { get; init; }
    public ContentLocation? TypeLocation { get; init; }
    public ContentLocation? ArchiveUrlLocation { get; init; }

    /// <summary>Why the source has no date: a fact of the documents, recorded once, so that no warning repeats it.</summary>
    public string? NoDateReason { get; init; }

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

    /// <summary>The publisher or author as the register gives it, or says that the documents do not name one.</summary>
    public string PublisherText => Publisher ?? "Not named in the documents";

    /// <summary>What a source's file declares it to be: how its document opens, so how a citation deep-links into it.</summary>
    public static readonly IReadOnlyList<string> Formats = ["pdf", "html", "doc", "spreadsheet", "presentation", "video", "other"];

    /// <summary>A format in words: "PDF document", "web page".</summary>
    public static string DescribeFormat(string format) => format switch
    {
        "pdf" => "PDF document",
        "html" => "web page",
        "doc" => "word-processor document",
        _ => format,
    };

    /// <summary>How much of the archived text the site publishes: the quoted passages in context (the default), or all of it.</summary>
    public static readonly IReadOnlyList<string> ArchiveScopes = ["passages", "full"];

    /// <summary>"full" where the source's terms allow the whole archived text to be published; otherwise passages only.</summary>
    public string Archive { get; init; } = "passages";

    /// <summary>A PDF, as the source's file declares (never guessed from the URL): page citations open with <c>#page=N</c>.</summary>
    public bool IsPdf => Format == "pdf";

    /// <summary>A web page: citations open with a text fragment that highlights the quoted passage.</summary>
    public bool IsWebPage => Format == "html";
}
