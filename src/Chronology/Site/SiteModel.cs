using Chronology.Links;
using Chronology.Model;
using Chronology.Validation;

namespace Chronology.Site;

/// <summary>
/// Everything pages need that crosses items — years, neighbours, backlinks — computed once, in one pass over
/// the corpus, so that no page has to scan all entries.
/// </summary>
public sealed class SiteModel
{
    private readonly Dictionary<string, int> _entryIndex;
    private readonly Dictionary<string, List<SourceUse>> _citedBy;
    private readonly Dictionary<string, List<ChronologyEntry>> _entriesByOrganisation;
    private readonly Dictionary<string, List<Source>> _sourcesByOrganisation;
    private readonly SortedDictionary<string, List<ChronologyEntry>> _entriesByTag = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ReviewResponse>> _responsesByItem = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ReviewItem>> _reviewItemsByEntry = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Risk>> _risksByRegister = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Risk>> _risksByEntry = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Risk>> _risksBySource = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ProgrammeDocument>> _documentsByEntry = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ProgrammeDocument>> _documentsBySource = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(ProgrammeDocument Document, DocumentItem Item)>> _descriptionsBySource = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RiskRegister>> _registersBySource = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Person>> _peopleByEntry = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Person>> _peopleByOrganisation = new(StringComparer.Ordinal);

    /// <summary>The site's own pages except a replacement About page, in navigation order.</summary>
    public IReadOnlyList<FreePage> Pages => [.. Evidence.Pages.Where(p => p.Id != FreePage.AboutId)];

    /// <summary>The page that replaces the generator's About page, where content/pages/about.md exists.</summary>
    public FreePage? AboutPage => Evidence.Pages.FirstOrDefault(p => p.Id == FreePage.AboutId);

    /// <summary>Links the site adds to the navigation: its pages with a <c>nav</c> place, then site.yml's <c>nav</c>.</summary>
    public IReadOnlyList<(string Title, string Url)> ExtraNavigation => _extraNavigation ??=
    [
        .. Pages.Where(p => p.Nav is not null).Select(p => (p.Title, SiteUrls.Page(p.Id))),
        .. Evidence.Site.Nav.Select(n => (n.Title, n.Url)),
    ];

    private IReadOnlyList<(string Title, string Url)>? _extraNavigation; // every page's header shows it: made once

    /// <summary>Whether content/assets/extra.css exists, to be linked after the theme's stylesheet on every page.</summary>
    public bool HasExtraStylesheet => Evidence.Assets.Any(a => a.Path == ContentAsset.ExtraStylesheet);

    public SiteModel(Evidence evidence, IntegrityReport? integrity = null, IReadOnlyDictionary<string, LinkRecord>? linkStatus = null)
    {
        // What a reader read only in part holds stand-ins for the checks (see each Unread): never a site's content.
        if (ReadInPart(evidence).FirstOrDefault() is { } unread)
            throw new ArgumentException($"{unread} could not be read: content with errors is never made into a site", nameof(evidence));
        Evidence = evidence;
        Integrity = integrity ?? IntegrityReport.Empty;
        Passages = PassageIndex.Build(evidence, Integrity);
        LinkStatus = linkStatus ?? new Dictionary<string, LinkRecord>();
        Entries = evidence.Entries;
        Sources = [.. evidence.Sources.OrderBy(s => s.Title, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal)];
        Organisations = [.. evidence.Organisations.OrderBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Id, StringComparer.Ordinal)];
        SourcesById = evidence.Sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        OrganisationsById = evidence.Organisations.ToDictionary(o => o.Id, StringComparer.Ordinal);

        _entryIndex = new Dictionary<string, int>(Entries.Count, StringComparer.Ordinal);
        _citedBy = new(StringComparer.Ordinal);
        _entriesByOrganisation = new(StringComparer.Ordinal);
        _sourcesByOrganisation = new(StringComparer.Ordinal);
        var years = new List<YearGroup>();
        List<ChronologyEntry>? currentYear = null;

        for (var i = 0; i < Entries.Count; i++)
        {
            var entry = Entries[i];
            _entryIndex[entry.Id] = i;
            var year = entry.Date.Earliest.Year;
            if (years.Count == 0 || years[^1].Year != year)
            {
                currentYear = [];
                years.Add(new YearGroup(year, currentYear));
            }
            currentYear!.Add(entry);
            for (var n = 0; n < entry.Citations.Count; n++)
                Add(_citedBy, entry.Citations[n].SourceId, new SourceUse(entry, n + 1, entry.Citations[n]));
            foreach (var organisation in entry.Organisations.Distinct())
                Add(_entriesByOrganisation, organisation, entry);
            foreach (var tag in entry.Tags.Distinct())
            {
                if (!_entriesByTag.TryGetValue(tag, out var tagged)) _entriesByTag[tag] = tagged = [];
                tagged.Add(entry);
            }
        }
        foreach (var source in Sources)
        {
            foreach (var organisation in source.Organisations.Distinct())
                Add(_sourcesByOrganisation, organisation, source);
        }
        Years = years;
        foreach (var response in evidence.Responses) Add(_responsesByItem, response.RespondsTo, response);
        foreach (var item in evidence.ReviewItems)
        {
            foreach (var entry in item.Entries.Distinct()) Add(_reviewItemsByEntry, entry, item);
        }
        RegistersById = evidence.Registers.ToDictionary(r => r.Id, StringComparer.Ordinal);
        MatricesById = evidence.Matrices.ToDictionary(m => m.Id, StringComparer.Ordinal);
        foreach (var register in evidence.Registers) Add(_registersBySource, register.Source.Id, register);
        foreach (var risk in evidence.Risks)
        {
            Add(_risksByRegister, risk.Register.Id, risk);
            foreach (var entry in risk.Entries.Select(e => e.Id).Distinct()) Add(_risksByEntry, entry, risk);
            var concerns = risk.Sources.Concat(risk.Annotations.SelectMany(a => a.Documents)).Select(s => s.Id).Distinct();
            foreach (var source in concerns) Add(_risksBySource, source, risk);
        }
        Documents = [.. evidence.Documents.OrderBy(d => d.Title, StringComparer.Ordinal)];
        foreach (var document in Documents)
        {
            Add(_documentsBySource, document.Source.Id, document);
            foreach (var entry in document.Entries.Select(e => e.Id).Distinct()) Add(_documentsByEntry, entry, document);
            foreach (var item in document.Sections.SelectMany(s => s.Items))
            {
                if (item.Source is { } described) Add(_descriptionsBySource, described.Id, (document, item));
            }
        }
        foreach (var person in evidence.People)
        {
            foreach (var entry in person.Entries.Select(e => e.Id).Distinct()) Add(_peopleByEntry, entry, person);
            foreach (var organisation in person.Roles.Select(r => r.Organisation?.Id).OfType<string>().Distinct())
                Add(_peopleByOrganisation, organisation, person);
        }
    }

    public IReadOnlyDictionary<string, RiskRegister> RegistersById { get; } = new Dictionary<string, RiskRegister>();

    public IReadOnlyDictionary<string, RiskMatrix> MatricesById { get; } = new Dictionary<string, RiskMatrix>();

    public IReadOnlyList<RiskRegister> Registers => Evidence.Registers;

    /// <summary>Document pages, by title.</summary>
    public IReadOnlyList<ProgrammeDocument> Documents { get; } = [];

    public IReadOnlyList<Person> People => Evidence.People;

    public IReadOnlyList<Risk> RisksIn(string registerId) => Get(_risksByRegister, registerId);

    /// <summary>The scoring matrix a risk's register uses, if it names one.</summary>
    public RiskMatrix? MatrixOf(Risk risk) =>
        RegistersById.GetValueOrDefault(risk.Register.Id)?.Matrix is { } matrix ? MatricesById.GetValueOrDefault(matrix.Id) : null;

    /// <summary>The band a risk's printed rating falls in on its register's matrix.</summary>
    public RiskBand? BandOf(Risk risk) => risk.Rating is { } rating ? MatrixOf(risk)?.BandOf(rating) : null;

    public IReadOnlyList<Risk> RisksFor(string entryId) => Get(_risksByEntry, entryId);

    /// <summary>Risks that name this source as a document they concern, or whose annotations link it.</summary>
    public IReadOnlyList<Risk> RisksConcerning(string sourceId) => Get(_risksBySource, sourceId);

    public IReadOnlyList<ProgrammeDocument> DocumentsFor(string entryId) => Get(_documentsByEntry, entryId);

    /// <summary>Document pages about this source.</summary>
    public IReadOnlyList<ProgrammeDocument> DocumentPagesOf(string sourceId) => Get(_documentsBySource, sourceId);

    /// <summary>Where a document page lists or describes this source (e.g. the HIN resources page's description).</summary>
    public IReadOnlyList<(ProgrammeDocument Document, DocumentItem Item)> DescriptionsOf(string sourceId) => Get(_descriptionsBySource, sourceId);

    public IReadOnlyList<RiskRegister> RegistersOf(string sourceId) => Get(_registersBySource, sourceId);

    public IReadOnlyList<Person> PeopleFor(string entryId) => Get(_peopleByEntry, entryId);

    public IReadOnlyList<Person> PeopleIn(string organisationId) => Get(_peopleByOrganisation, organisationId);

    /// <summary>Everything read only in part (see <see cref="IReadInPart"/>), as the refusal names it.</summary>
    private static IEnumerable<string> ReadInPart(Evidence evidence)
    {
        static IEnumerable<string> Of(string what, IEnumerable<IReadInPart> items) => items.Where(i => i.Unread).Select(i => $"{what} '{i.Id}'");
        return Of("entry", evidence.Entries).Concat(Of("source", evidence.Sources)).Concat(Of("organisation", evidence.Organisations))
            .Concat(Of("review item", evidence.ReviewItems)).Concat(Of("response", evidence.Responses))
            .Concat(Of("register", evidence.Registers)).Concat(Of("risk", evidence.Risks)).Concat(Of("scoring matrix", evidence.Matrices))
            .Concat(Of("document", evidence.Documents)).Concat(Of("person", evidence.People));
    }

    private static IReadOnlyList<T> Get<T>(Dictionary<string, List<T>> map, string key) => map.TryGetValue(key, out var list) ? list : [];

    public SiteModel(CheckedEvidence checkedEvidence)
        : this(checkedEvidence.Evidence, checkedEvidence.Integrity, checkedEvidence.LinkStatus)
    {
    }

    public Evidence Evidence { get; }

    /// <summary>Every quoted passage in its archived text, with the words around it.</summary>
    public PassageIndex Passages { get; }

    /// <summary>Each content file's changes, from the repository's history (none outside a git work tree).</summary>
    public ContentHistory History { get; init; } = ContentHistory.None;

    /// <summary>What each abbreviation on the site stands for (the glossary and the organisations).</summary>
    public Abbreviations Abbreviations => _abbreviations ??= Abbreviations.For(Evidence);

    private Abbreviations? _abbreviations;

    /// <summary>
    /// The hash of everything this model is made from: the loaded content, the quote checks, the link status, the
    /// history and the year (a site with no entries draws its chart up to it). A page that does not say what it
    /// shows (<c>SiteRenderer</c>'s page inputs) is cached against this, so any change renders it again.
    /// </summary>
    public byte[] InputsHash => _inputsHash ??= (_inputsHashTask?.GetAwaiter().GetResult() ?? HashOfInputs(Evidence, Integrity, LinkStatus, History));

    private byte[]? _inputsHash;
    private Task<byte[]>? _inputsHashTask;

    /// <summary>What <see cref="InputsHash"/> is made from, hashed: for a build that starts on it while the model is made.</summary>
    public static byte[] HashOfInputs(Evidence evidence, IntegrityReport integrity, IReadOnlyDictionary<string, LinkRecord> linkStatus, ContentHistory history) =>
        new Fingerprint().Add(evidence).Add(integrity.All).Add(linkStatus).Add(history.Files).Add(DateTime.UtcNow.Year).Hash();

    /// <summary>
    /// <see cref="InputsHash"/> as it is being worked out elsewhere (by <see cref="HashOfInputs"/>, from this model's
    /// evidence, quote checks, link status and history): the hash of a whole site takes a while, and is not needed
    /// until the first page.
    /// </summary>
    public Task<byte[]> InputsHashBeingMade { init => _inputsHashTask = value; }

    /// <summary>The sources whose archived copies this site holds, by title.</summary>
    public IReadOnlyList<Source> ArchivedSources => _archived ??= [.. Sources.Where(s => Evidence.Snapshots.ContainsKey(s.Id))];

    private IReadOnlyList<Source>? _archived;

    /// <summary>How each quote fared against the archived texts.</summary>
    public IntegrityReport Integrity { get; }

    /// <summary>The last external link check, by URL.</summary>
    public IReadOnlyDictionary<string, LinkRecord> LinkStatus { get; }

    public SiteConfig Site => Evidence.Site;

    /// <summary>Entries in chronological order.</summary>
    public IReadOnlyList<ChronologyEntry> Entries { get; }

    /// <summary>Sources by title.</summary>
    public IReadOnlyList<Source> Sources { get; }

    /// <summary>Organisations by name.</summary>
    public IReadOnlyList<Organisation> Organisations { get; }

    public IReadOnlyDictionary<string, Source> SourcesById { get; }

    public IReadOnlyDictionary<string, Organisation> OrganisationsById { get; }

    public IReadOnlyList<YearGroup> Years { get; }

    public IReadOnlyList<ReviewItem> ReviewItems => Evidence.ReviewItems;

    /// <summary>Every tag in use, alphabetically, with its entries in chronological order.</summary>
    public IEnumerable<KeyValuePair<string, List<ChronologyEntry>>> Tags => _entriesByTag;

    public IReadOnlyDictionary<string, ChronologyEntry> EntriesById => _entriesById ??= Entries.ToDictionary(e => e.Id, StringComparer.Ordinal);

    private Dictionary<string, ChronologyEntry>? _entriesById;

    /// <summary>The entries a page names, each once, in chronological order.</summary>
    public IReadOnlyList<ChronologyEntry> EntriesInOrder(IEnumerable<string> ids) =>
        [.. ids.Distinct().Select(id => EntriesById[id]).Order(ChronologyEntry.ChronologicalOrder)];

    public IReadOnlyList<ReviewResponse> ResponsesTo(string reviewItemId) =>
        _responsesByItem.TryGetValue(reviewItemId, out var responses) ? responses : [];

    /// <summary>Review items that name this entry as bearing on them.</summary>
    public IReadOnlyList<ReviewItem> ReviewItemsFor(string entryId) =>
        _reviewItemsByEntry.TryGetValue(entryId, out var items) ? items : [];

    public ChronologyEntry? Previous(ChronologyEntry entry) =>
        _entryIndex[entry.Id] is var i && i > 0 ? Entries[i - 1] : null;

    public ChronologyEntry? Next(ChronologyEntry entry) =>
        _entryIndex[entry.Id] is var i && i < Entries.Count - 1 ? Entries[i + 1] : null;

    /// <summary>Every citation of a source, in chronological order of the citing entries.</summary>
    public IReadOnlyList<SourceUse> CitedBy(string sourceId) => _citedBy.TryGetValue(sourceId, out var uses) ? uses : [];

    public IReadOnlyList<ChronologyEntry> EntriesFor(string organisationId) =>
        _entriesByOrganisation.TryGetValue(organisationId, out var entries) ? entries : [];

    public IReadOnlyList<Source> SourcesFor(string organisationId) =>
        _sourcesByOrganisation.TryGetValue(organisationId, out var sources) ? sources : [];

    /// <summary>
    /// The link that goes straight to the cited place in the document: a PDF's page where one is known, or for a
    /// web page a text fragment (<c>#:~:text=</c>) that highlights the quoted passage.
    /// </summary>
    public static string? DocumentHref(Source source, Citation? citation = null, Func<string, int>? occurrencesInPage = null)
    {
        if (source.Url is null) return null;
        if (source.Url.Contains('#')) return source.Url;
        if (citation?.Locator?.FirstPage is { } page && source.IsPdf) return $"{source.Url}#page={page}";
        if (citation?.Quote is { } quote && source.IsWebPage) return source.Url + TextFragment.For(quote, occurrencesInPage);
        return source.Url;
    }

    /// <summary><see cref="DocumentHref"/>, with text fragments made unique against the source's archived text.</summary>
    public string? DocumentLink(Source source, Citation? citation = null) =>
        DocumentHref(source, citation, Evidence.Snapshots.TryGetValue(source.Id, out var snapshot) ? passage => NormalisedText.Of(snapshot).Count(passage) : null);

    /// <summary>
    /// Where the site quotes a passage, as a link: an entry's note, a review item, a response (on its review item's
    /// page), a risk, a register, a document page or a person.
    /// </summary>
    public (string Url, string Title)? QuotedAt(QuotationId quotation)
    {
        var id = quotation.Owner.Id;
        return quotation.Owner.Kind switch
        {
            QuotationOwnerKind.Entry when EntriesById.TryGetValue(id, out var entry) => (SiteUrls.Entry(entry.Id) + "#cite-" + (quotation.Index + 1), entry.Title),
            QuotationOwnerKind.ReviewItem when ReviewItems.FirstOrDefault(r => r.Id == id) is { } item => (SiteUrls.ReviewItem(item.Id), item.Title),
            QuotationOwnerKind.Response when Evidence.Responses.FirstOrDefault(r => r.Id == id) is { } response && ReviewItems.FirstOrDefault(r => r.Id == response.RespondsTo) is { } answered =>
                (SiteUrls.ReviewItem(answered.Id), $"{OrganisationsById.GetValueOrDefault(response.Organisation)?.Name ?? response.Organisation}'s response: {answered.Title}"),
            QuotationOwnerKind.Risk when Evidence.Risks.FirstOrDefault(r => r.Id == id) is { } risk => (SiteUrls.Risk(risk.Id), $"Risk {risk.Reference}: {risk.Title}"),
            QuotationOwnerKind.Register when RegistersById.TryGetValue(id, out var register) => (SiteUrls.Register(register.Id), register.Title),
            QuotationOwnerKind.Document when Documents.FirstOrDefault(d => d.Id == id) is { } document => (SiteUrls.Document(document.Id), document.Title),
            QuotationOwnerKind.Person when People.FirstOrDefault(p => p.Id == id) is { } person => (SiteUrls.Person(person.Id), person.Name),
            _ => null,
        };
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }
}
