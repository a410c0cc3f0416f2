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

    public IReadOnlyList<RiskRegister> Registers { get; init; } = [];

    /// <summary>Risks, in register order.</summary>
    public IReadOnlyList<Risk> Risks { get; init; } = [];

    public IReadOnlyList<RiskMatrix> Matrices { get; init; } = [];

    /// <summary>Document pages, by id.</summary>
    public IReadOnlyList<ProgrammeDocument> Documents { get; init; } = [];

    /// <summary>Abbreviations and what they stand for, alphabetically.</summary>
    public IReadOnlyList<GlossaryTerm> Glossary { get; init; } = [];

    /// <summary>People named in the documents, by name.</summary>
    public IReadOnlyList<Person> People { get; init; } = [];

    /// <summary>The site's own Markdown pages, in navigation order, then by id.</summary>
    public IReadOnlyList<FreePage> Pages { get; init; } = [];

    /// <summary>Files copied to the site as they are.</summary>
    public IReadOnlyList<ContentAsset> Assets { get; init; } = [];

    /// <summary>What the site says of a change instead of its commit message (content/changes.yml), in file order.</summary>
    public IReadOnlyList<ChangeNote> ChangeNotes { get; init; } = [];

    /// <summary>The content folder as messages name it (e.g. <c>content</c>, or whatever <c>--content</c> gave).</summary>
    [field: OnlyInMessages]
    public string ContentRoot { get; init; } = "content";

    /// <summary>
    /// Files that exist but could not be read (their own errors are reported), as <c>folder/id</c>: a reference to one
    /// says so, rather than that nothing has that id.
    /// </summary>
    public IReadOnlySet<string> Unreadable { get; init; } = new HashSet<string>();


    /// <summary>Every quotation in the corpus, wherever it stands, with who makes it: for the quote verifier.</summary>
    public IEnumerable<(QuotationId Id, Citation Citation)> AllCitations()
    {
        foreach (var entry in Entries)
        {
            for (var i = 0; i < entry.Citations.Count; i++) yield return (new(QuotationOwner.Of(entry), i), entry.Citations[i]);
        }
        foreach (var item in ReviewItems) yield return (new(QuotationOwner.Of(item), 0), item.Text);
        foreach (var response in Responses) yield return (new(QuotationOwner.Of(response), 0), response.Text);

        var registers = Registers.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var register in Registers)
        {
            var owner = QuotationOwner.Of(register);
            if (register.Owner is { } named) yield return (new(owner, 0), Quoted(register.QuotedFrom, register.Locator, named));
            for (var i = 0; i < register.Categories.Count; i++)
                yield return (new(owner, i + 1), Quoted(register.QuotedFrom, register.Locator, register.Categories[i].Text));
        }
        foreach (var risk in Risks)
        {
            if (!registers.TryGetValue(risk.Register.Id, out var register)) continue;
            var owner = QuotationOwner.Of(risk);
            var index = 0;
            foreach (var quote in risk.Quotes()) yield return (new(owner, index++), Quoted(register.QuotedFrom, register.Locator, quote));
            foreach (var annotation in risk.Annotations)
            {
                foreach (var quote in annotation.Owners.Concat(annotation.Outcomes))
                    yield return (new(owner, index++), Quoted(register.QuotedFrom, register.AnnotationLocator ?? register.Locator, quote));
            }
        }
        foreach (var document in Documents)
        {
            var owner = QuotationOwner.Of(document);
            var index = 0;
            foreach (var quote in document.Quotes()) yield return (new(owner, index++), Quoted(document.QuotedFrom, document.Locator, quote));
        }
        foreach (var person in People)
        {
            for (var i = 0; i < person.Roles.Count; i++)
                yield return (new(QuotationOwner.Of(person), i), Quoted(person.Roles[i].Source, person.Roles[i].Locator, person.Roles[i].Quote));
        }
    }

    /// <summary>Every Markdown text in the corpus, once: the one list that the depth and link checks walk.</summary>
    public IEnumerable<MarkdownField> MarkdownFields()
    {
        foreach (var entry in Entries)
            yield return new(entry.Body, MarkdownOwner.Entry, entry.Id, entry.Location with { Line = entry.BodyLine, Column = 1 });
        foreach (var document in Documents)
        {
            yield return new(document.Summary, MarkdownOwner.Document, document.Id, document.Location with { Line = document.SummaryLine, Column = 1 });
            if (document.Notes is { } notes) yield return new(notes, MarkdownOwner.Document, document.Id, document.Location);
        }
        foreach (var register in Registers)
            yield return new(register.Summary, MarkdownOwner.Register, register.Id, register.Location with { Line = register.SummaryLine, Column = 1 });
        foreach (var source in Sources)
        {
            if (source.Notes is { } notes) yield return new(notes, MarkdownOwner.Source, source.Id, source.Location);
        }
        foreach (var risk in Risks)
        {
            if (risk.Notes is { } notes) yield return new(notes, MarkdownOwner.Risk, risk.Id, risk.Location);
        }
        if (Site is { Introduction: { } introduction, IntroductionLocation: { } introductionAt })
            yield return new(introduction, MarkdownOwner.SiteIntroduction, "site", introductionAt);
        if (Site is { Corrections: { } corrections, CorrectionsLocation: { } correctionsAt })
            yield return new(corrections, MarkdownOwner.SiteCorrections, "site", correctionsAt);
        if (Site is { Footer: { } footer, FooterLocation: { } footerAt })
            yield return new(footer, MarkdownOwner.SiteFooter, "site", footerAt);
        if (Site is { Licence: { } licence, LicenceLocation: { } licenceAt })
            yield return new(licence, MarkdownOwner.SiteCorrections, "site", licenceAt);
        foreach (var page in Pages)
            yield return new(page.Body, MarkdownOwner.Page, page.Id, page.Location with { Line = page.BodyLine, Column = 1 });
    }

    /// <summary>Every source id the typed documents refer to (a source in use, though not quoted).</summary>
    public IEnumerable<string> SourceReferences()
    {
        foreach (var register in Registers)
        {
            yield return register.Source.Id;
            if (register.AnnotationSource is { } annotated) yield return annotated.Id;
        }
        foreach (var risk in Risks)
        {
            foreach (var source in risk.Sources) yield return source.Id;
            foreach (var document in risk.Annotations.SelectMany(a => a.Documents)) yield return document.Id;
        }
        foreach (var document in Documents)
        {
            yield return document.Source.Id;
            foreach (var source in document.ItemSources()) yield return source.Id;
        }
    }

    private static Citation Quoted(ContentRef source, Locator? locator, QuotedText quote) =>
        new(source.Id, locator, quote.Text, quote.Location) { SourceLocation = source.Location, QuoteLocation = quote.Location };
}
