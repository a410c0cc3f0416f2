using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chronology.Markdown;
using Chronology.Model;

namespace Chronology.Site;

/// <summary>
/// search/index.json: the documents the browser's search (lunr.js) indexes — every kind of page a reader can land
/// on: entries, review items and the review, risks and their registers, documents, sources and this site's copies
/// of them, organisations, people, the glossary, tags, years, the About page and the site's own pages, and the
/// lists — with the fields it weights (title, names, quotes, text) and the facets it filters by (type, year,
/// organisation, tag). <c>names</c> holds the organisation names a page concerns and the words a run-together
/// title word is made of ("#StopSIM" → "Stop SIM"), so that "stop sim" finds the petition by its title.
/// Only the print page (everything again), the search page and the 404 page are left out.
/// </summary>
public static partial class SearchIndexExport
{
    public const string Url = "/search/index.json";

    /// <param name="renderedText">The text of a written page's main content, by URL, where the model does not hold
    /// it (the About page's fixed sections); null where pages were not written (tests of the export alone).</param>
    public static string ToJson(SiteModel site, Func<string, string?>? renderedText = null)
    {
        using var json = new MemoryStream();
        Write(site, json, renderedText);
        return System.Text.Encoding.UTF8.GetString(json.GetBuffer(), 0, (int)json.Length);
    }

    /// <summary>The file's UTF-8 bytes, written straight to <paramref name="output"/> (8 MB at 10,000 entries: no
    /// string of twice that size on the way).</summary>
    public static void Write(SiteModel site, Stream output, Func<string, string?>? renderedText = null)
    {
        JsonSerializer.Serialize(output, new SearchIndex(Documents(site, renderedText)), Json.SearchIndex);
        output.WriteByte((byte)'\n');
    }

    private static IEnumerable<SearchDocument> Documents(SiteModel site, Func<string, string?>? renderedText)
    {
        foreach (var entry in site.Entries)
        {
            yield return Document(SiteUrls.Entry(entry.Id), "entry", entry.Title, entry.Date.Describe(), entry.Date.Earliest.Year,
                string.Join(" ", entry.Citations.Select(c => c.Quote).OfType<string>()),
                Plain(entry.Body) + " " + string.Join(" ", entry.Tags),
                entry.Organisations.Distinct().ToList(), entry.Tags, Names(site, entry.Organisations));
        }
        foreach (var item in site.ReviewItems)
        {
            var responses = site.ResponsesTo(item.Id);
            yield return Document(SiteUrls.ReviewItem(item.Id), "review", item.Kind == ReviewItemKind.Conclusion ? $"Section {item.Section}: {item.Title}" : $"Recommendation {item.Number}: {item.Title}",
                null, null, item.Text.Quote + " " + string.Join(" ", responses.Select(r => r.Text.Quote)), "");
        }
        foreach (var risk in site.Evidence.Risks)
        {
            var register = site.RegistersById.GetValueOrDefault(risk.Register.Id);
            yield return Document(SiteUrls.Risk(risk.Id), "risk", $"Risk {risk.Reference}: {risk.Title}", risk.Identified?.Describe() ?? risk.IdentifiedLabel, risk.Identified?.Earliest.Year,
                string.Join(" ", risk.Quotes().Concat(risk.Annotations.SelectMany(a => a.Outcomes)).Select(q => q.Text)),
                (register?.Title ?? "") + " " + (risk.Notes is null ? "" : Plain(risk.Notes)));
        }
        foreach (var document in site.Documents)
        {
            yield return Document(SiteUrls.Document(document.Id), "document", document.Title, document.Date?.Describe() ?? document.DateLabel, document.Date?.Earliest.Year,
                string.Join(" ", document.Quotes().Select(q => q.Text)), Plain(document.Summary));
        }
        foreach (var source in site.Sources)
        {
            yield return Document(SiteUrls.Source(source.Id), "source", source.Title, source.Date?.Describe(), source.Date?.Earliest.Year,
                "", source.PublisherText + " " + (source.Notes is null ? "" : Plain(source.Notes)), source.Organisations.Distinct().ToList(),
                names: Names(site, source.Organisations));
        }
        foreach (var source in site.ArchivedSources)
        {
            yield return Document(SiteUrls.ArchivedCopy(source.Id), "copy", $"This site's copy of “{source.Title}”", source.Date?.Describe(), source.Date?.Earliest.Year,
                "", $"The passages this site quotes from {source.Title}, each in its context. {source.PublisherText}", source.Organisations.Distinct().ToList(),
                names: Names(site, source.Organisations));
        }
        foreach (var organisation in site.Organisations)
        {
            yield return Document(SiteUrls.Organisation(organisation.Id), "organisation", organisation.Name, null, null,
                "", string.Join(" ", organisation.Aliases) + " " + organisation.Description, [organisation.Id]);
        }
        foreach (var person in site.People)
        {
            yield return Document(SiteUrls.Person(person.Id), "person", person.Name, null, null,
                string.Join(" ", person.Roles.Select(r => r.Quote.Text)), string.Join(" ", person.Roles.Select(r => r.Role)),
                [.. person.Roles.Select(r => r.Organisation?.Id).OfType<string>().Distinct()]);
        }
        foreach (var register in site.Registers)
        {
            var risks = site.RisksIn(register.Id);
            yield return Document(SiteUrls.Register(register.Id), "register", register.Title, register.Updated?.Describe() ?? register.UpdatedLabel, register.Updated?.Earliest.Year,
                register.Owner?.Text ?? "",
                Plain(register.Summary) + " " + string.Join(" ", risks.Select(r => $"{r.Reference} {r.Title}")));
        }
        if (site.ReviewItems.Count > 0)
        {
            yield return Document(SiteUrls.Review, "page", "The independent review and the responses", null, null, "",
                "The independent review's conclusions and recommendations, each quoted exactly, with the responses to them. " +
                string.Join(" ", site.ReviewItems.Select(i => i.Title)));
        }
        foreach (var page in site.Pages)
        {
            yield return Document(SiteUrls.Page(page.Id), "page", page.Title, null, null, "", (page.Description ?? "") + " " + Plain(page.Body));
        }
        yield return Document(SiteUrls.About, "page", site.AboutPage?.Title ?? "About this chronology", null, null, "",
            renderedText?.Invoke(SiteUrls.About) ?? string.Join(" ", new[] { site.Site.Description, site.Site.Introduction is { } intro ? Plain(intro) : null,
                    site.AboutPage is { } about ? Plain(about.Body) : null }.OfType<string>()));
        if (site.Evidence.Glossary.Count > 0)
        {
            yield return Document(SiteUrls.Glossary, "page", "Abbreviations", null, null, "",
                "Glossary: what each abbreviation stands for. " + string.Join(" ", site.Evidence.Glossary.Select(g => $"{g.Term} {g.Expansion ?? g.Note}.")));
        }
        if (site.Registers.Count > 0 || site.Documents.Count > 0)
        {
            yield return Document(SiteUrls.Documents, "page", "Registers and documents", null, null, "",
                "Risk registers and documents, quoted and listed. " + string.Join(" ", site.Registers.Select(r => r.Title).Concat(site.Documents.Select(d => d.Title))));
        }
        if (site.People.Count > 0)
        {
            yield return Document(SiteUrls.People, "page", "People named in the documents", null, null, "",
                "People named in the documents, with their roles. " + string.Join(" ", site.People.Select(p => p.Name)));
        }
        yield return Document(SiteUrls.Home, "page", site.Site.Title, null, null, "", "The chronology: every entry, year by year. " + site.Site.Description);
        yield return Document(SiteUrls.AtAGlance, "page", "The chronology at a glance", null, null, "", "Every year on one screen: how many entries and their titles. Timeline overview.");
        yield return Document(SiteUrls.SourceRegister, "page", "Sources", null, null, "", "The source register: every document cited, its publisher, date and address, and where it is cited.");
        yield return Document(SiteUrls.OrganisationIndex, "page", "Organisations", null, null, "", "Entries by organisation: every organisation named. " + string.Join(" ", site.Organisations.Select(o => o.Name)));
        yield return Document(SiteUrls.TagIndex, "page", "Tags", null, null, "", "Entries by tag (topic). " + string.Join(" ", site.Tags.Select(t => t.Key)));
        yield return Document(SiteUrls.Changes, "page", "Changes to the chronology", null, null, "",
            "Every change made to the chronology's entries, newest first: corrections, additions and revisions, with the entries each changed.");
        yield return Document(SiteUrls.EvidenceHealth, "page", "Evidence health", null, null, "",
            "How the evidence stands: quotations checked against this site's copies of the documents, links checked, sources without addresses, archived copies.");
        foreach (var (tag, entries) in site.Tags)
        {
            yield return Document(SiteUrls.Tag(tag), "tag", $"Tag: {tag}", null, null, "", $"Chronology entries tagged {tag}: {entries.Count}.", tags: [tag]);
        }
        foreach (var year in site.Years)
        {
            yield return Document(SiteUrls.YearPage(year.Year), "year", $"The chronology in {year.Year}", null, year.Year, "",
                $"Chronology entries dated {year.Year}: {year.Entries.Count}.");
        }
    }

    private static SearchDocument Document(string url, string type, string title, string? date, int? year, string quotes, string text,
        IReadOnlyList<string>? organisations = null, IReadOnlyList<string>? tags = null, string names = "")
    {
        var parts = (TitleParts(title) + " " + names).Trim();
        return new SearchDocument(url, type, title, parts.Length > 0 ? parts : null, date, year, quotes.Length > 0 ? quotes.Trim() : null,
            text.Trim(), organisations is { Count: > 0 } ? organisations : null, tags is { Count: > 0 } ? tags : null);
    }

    private sealed record SearchIndex(IEnumerable<SearchDocument> Documents);

    /// <summary>One document as lunr.js indexes it; a field with nothing in it is left out.</summary>
    private sealed record SearchDocument(
        string Url, string Type, string Title, string? Names, string? Date, int? Year, string? Quotes, string Text,
        IReadOnlyList<string>? Orgs, IReadOnlyList<string>? Tags);

    // Compact and readable UTF-8: the browser downloads it whole.
    private static readonly SearchIndexJson Json = new(new JsonSerializerOptions(SearchIndexJson.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(SearchIndex))]
    private sealed partial class SearchIndexJson : JsonSerializerContext;

    /// <summary>The names of the organisations a page concerns, each once.</summary>
    private static string Names(SiteModel site, IEnumerable<string> organisations) =>
        string.Join(" ", organisations.Distinct().Select(o => site.OrganisationsById.TryGetValue(o, out var org) ? org.Name : null).OfType<string>());

    /// <summary>The words inside a title's run-together words: "#StopSIM" gives "Stop SIM", "NHSEngland" "NHS England".</summary>
    internal static string TitleParts(string title) => string.Join(" ", title.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(word => CaseChange.Split(word.Trim('#', '@', '(', ')', '“', '”', '"', ',', '.', ':', ';')))
        .Where(parts => parts.Length > 1).SelectMany(parts => parts));

    private static readonly System.Text.RegularExpressions.Regex CaseChange = new("(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

    private static string Plain(string markdown) => OpenDataExport.PlainText(markdown);
}
