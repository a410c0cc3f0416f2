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

    public SiteModel(Evidence evidence, IntegrityReport? integrity = null, IReadOnlyDictionary<string, LinkRecord>? linkStatus = null)
    {
        Evidence = evidence;
        Integrity = integrity ?? IntegrityReport.Empty;
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
    }

    public SiteModel(CheckedEvidence checkedEvidence)
        : this(checkedEvidence.Evidence, checkedEvidence.Integrity, checkedEvidence.LinkStatus)
    {
    }

    public Evidence Evidence { get; }

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
        if (citation?.Quote is { } quote && !source.IsPdf) return source.Url + TextFragment.For(quote, occurrencesInPage);
        return source.Url;
    }

    /// <summary><see cref="DocumentHref"/>, with text fragments made unique against the source's archived text.</summary>
    public string? DocumentLink(Source source, Citation? citation = null) =>
        DocumentHref(source, citation, Evidence.Snapshots.ContainsKey(source.Id) ? passage => ArchivedText(source.Id).Count(passage) : null);

    private readonly Dictionary<string, NormalisedText> _archivedTexts = new(StringComparer.Ordinal);

    private NormalisedText ArchivedText(string sourceId)
    {
        if (!_archivedTexts.TryGetValue(sourceId, out var text))
            _archivedTexts[sourceId] = text = NormalisedText.Of(Evidence.Snapshots[sourceId].Text);
        return text;
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }
}
