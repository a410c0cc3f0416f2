namespace Chronology.Model;

/// <summary>A document the chronology cites, as its register describes it.</summary>
public sealed record Source : IReadInPart
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Publisher { get; init; }

    /// <summary>One of <see cref="Types"/>, or a type the site adds in site.yml's <c>sourceTypes</c>.</summary>
    public required string Type { get; init; }

    public EdtfDate? Date { get; init; }

    public string? Url { get; init; }

    /// <summary>Other addresses where the same document is published.</summary>
    public IReadOnlyList<string> AlsoAt { get; init; } = [];

    public string? NoUrlReason { get; init; }

    public DateOnly? Accessed { get; init; }

    public string? ArchiveUrl { get; init; }

    /// <summary>How many pages the document has, where known: a cited page beyond it is an error.</summary>
    public int? Pages { get; init; }

    /// <summary>The source through which this one is known (a document that quotes it), by id.</summary>
    public string? KnownThrough { get; init; }

    public SourceFormat? Format { get; init; }

    /// <summary>The organisations that wrote or published it, by id.</summary>
    public IReadOnlyList<string> Organisations { get; init; } = [];

    public string? Notes { get; init; }

    public required ContentLocation Location { get; init; }

    /// <summary>
    /// Its title or type could not be read (an error at the file says why), and stands in for it only so that the rest
    /// of the source, and every quotation cited from it, is checked in the same run. Such a source is never rendered.
    /// </summary>
    public bool Unread { get; init; }

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

    /// <summary>The formats as content writes them.</summary>
    public static readonly IReadOnlyList<string> Formats = Spelling.All<SourceFormat>();

    /// <summary>A format in words: "PDF document", "web page".</summary>
    public static string DescribeFormat(SourceFormat format) => format switch
    {
        SourceFormat.Pdf => "PDF document",
        SourceFormat.Html => "web page",
        SourceFormat.Doc => "word-processor document",
        _ => Spelling.Of(format),
    };

    /// <summary>The archive scopes as content writes them.</summary>
    public static readonly IReadOnlyList<string> ArchiveScopes = Spelling.All<ArchiveScope>();

    /// <summary>Full where the source's terms allow the whole archived text to be published; otherwise passages only.</summary>
    public ArchiveScope Archive { get; init; } = ArchiveScope.Passages;

    /// <summary>A PDF, as the source's file declares (never guessed from the URL): page citations open with <c>#page=N</c>.</summary>
    public bool IsPdf => Format == SourceFormat.Pdf;

    /// <summary>A web page: citations open with a text fragment that highlights the quoted passage.</summary>
    public bool IsWebPage => Format == SourceFormat.Html;
}
