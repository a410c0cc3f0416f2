namespace Chronology.Model;

/// <summary>
/// A document given a page of its own: a neutral summary (Markdown) and its contents as typed, quoted items
/// (checklist items, steps, questions, passages, listed documents) and figures.
/// </summary>
public sealed record ProgrammeDocument(
    string Id,
    string Title,
    ContentRef Source,
    ContentRef QuotedFrom,
    Locator? Locator,
    EdtfDate? Date,
    string? DateLabel,
    IReadOnlyList<ContentRef> Entries,
    IReadOnlyList<DocumentSection> Sections,
    IReadOnlyList<DocumentFigure> Figures,
    string? Notes,
    string Summary,
    ContentLocation Location) : IReadInPart
{
    /// <summary>A required field could not be read; see <see cref="IReadInPart"/>.</summary>
    public bool Unread { get; init; }

    public int SummaryLine { get; init; } = 1;

    public ContentLocation? DateLocation { get; init; }

    public IEnumerable<QuotedText> Quotes() =>
        Sections.SelectMany(s => s.Items).Select(i => i.Text).Concat(Figures.Select(f => f.Quote));

    public IEnumerable<ContentRef> ItemSources() =>
        Sections.SelectMany(s => s.Items).Select(i => i.Source).OfType<ContentRef>();
}

public sealed record DocumentSection(string Heading, SectionKind Kind, IReadOnlyList<DocumentItem> Items, ContentLocation Location)
{
    public static readonly IReadOnlyList<string> Kinds = Spelling.All<SectionKind>();
}

public sealed record DocumentItem(string? Number, string? Title, QuotedText Text, ItemGroup? Group, ContentRef? Source, ContentLocation Location)
{
    public static readonly IReadOnlyList<string> Groups = Spelling.All<ItemGroup>();
}

/// <summary>A figure as the document prints it (<see cref="Value"/>), with the quote it stands in.</summary>
public sealed record DocumentFigure(string Name, string Value, decimal? Number, string? Unit, QuotedText Quote, string? Note, ContentLocation Location)
{
    public ContentLocation? ValueLocation { get; init; }

    public ContentLocation? NumberLocation { get; init; }

    public static readonly IReadOnlyList<string> Units = ["people", "teams", "officers", "percent", "gbp", "count"];
}

/// <summary>A person, only as the documents name them and in the public roles they give.</summary>
public sealed record Person(string Id, string Name, IReadOnlyList<PersonRole> Roles, IReadOnlyList<ContentRef> Entries, ContentLocation Location) : IReadInPart
{
    /// <summary>A required field could not be read; see <see cref="IReadInPart"/>.</summary>
    public bool Unread { get; init; }
}

public sealed record PersonRole(QuotedText Quote, string Role, ContentRef? Organisation, ContentRef Source, Locator? Locator, ContentLocation Location);
