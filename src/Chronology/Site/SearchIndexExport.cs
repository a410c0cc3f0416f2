using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
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
public static class SearchIndexExport
{
    public const string Url = "/search/index.json";

    /// <param name="renderedText">The text of a written page's main content, by URL, where the model does not hold
    /// it (the About page's fixed sections); null where pages were not written (tests of the export alone).</param>
    public static string ToJson(SiteModel site, Func<string, string?>? renderedText = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("documents");
            foreach (var entry in site.Entries)
            {
                Document(json, SiteUrls.Entry(entry.Id), "entry", entry.Title, entry.Date.Describe(), entry.Date.Earliest.Year,
                    string.Join(" ", entry.Citations.Select(c => c.Quote).OfType<string>()),
                    Plain(entry.Body) + " " + string.Join(" ", entry.Tags),
                    entry.Organisations.Distinct().ToList(), entry.Tags, Names(site, entry.Organisations));
            }
            foreach (var item in site.ReviewItems)
            {
                var responses = site.ResponsesTo(item.Id);
                Document(json, SiteUrls.ReviewItem(item.Id), "review", item.Kind == ReviewItemKind.Conclusion ? $"Section {item.Section}: {item.Title}" : $"Recommendation {item.Number}: {item.Title}",
                    null, null, item.Text.Quote + " " + string.Join(" ", responses.Select(r => r.Text.Quote)), "");
            }
            foreach (var risk in site.Evidence.Risks)
            {
                var register = site.RegistersById.GetValueOrDefault(risk.Register.Id);
                Document(json, SiteUrls.Risk(risk.Id), "risk", $"Risk {risk.Reference}: {risk.Title}", risk.Identified?.Describe() ?? risk.IdentifiedLabel, risk.Identified?.Earliest.Year,
                    string.Join(" ", risk.Quotes().Concat(risk.Annotations.SelectMany(a => a.Outcomes)).Select(q => q.Text)),
                    (register?.Title ?? "") + " " + (risk.Notes is null ? "" : Plain(risk.Notes)));
            }
            foreach (var document in site.Documents)
            {
                Document(json, SiteUrls.Document(document.Id), "document", document.Title, document.Date?.Describe() ?? document.DateLabel, document.Date?.Earliest.Year,
                    string.Join(" ", document.Quotes().Select(q => q.Text)), Plain(document.Summary));
            }
            foreach (var source in site.Sources)
            {
                Document(json, SiteUrls.Source(source.Id), "source", source.Title, source.Date?.Describe(), source.Date?.Earliest.Year,
                    "", source.PublisherText + " " + (source.Notes is null ? "" : Plain(source.Notes)), source.Organisations.Distinct().ToList(),
                    names: Names(site, source.Organisations));
            }
            foreach (var source in site.ArchivedSources)
            {
                Document(json, SiteUrls.ArchivedCopy(source.Id), "copy", $"This site's copy of “{source.Title}”", source.Date?.Describe(), source.Date?.Earliest.Year,
                    "", $"The passages this site quotes from {source.Title}, each in its context. {source.PublisherText}", source.Organisations.Distinct().ToList(),
                    names: Names(site, source.Organisations));
            }
            foreach (var organisation in site.Organisations)
            {
                Document(json, SiteUrls.Organisation(organisation.Id), "organisation", organisation.Name, null, null,
                    "", string.Join(" ", organisation.Aliases) + " " + organisation.Description, [organisation.Id]);
            }
            foreach (var person in site.People)
            {
                Document(json, SiteUrls.Person(person.Id), "person", person.Name, null, null,
                    string.Join(" ", person.Roles.Select(r => r.Quote.Text)), string.Join(" ", person.Roles.Select(r => r.Role)),
                    [.. person.Roles.Select(r => r.Organisation?.Id).OfType<string>().Distinct()]);
            }
            foreach (var register in site.Registers)
            {
                var risks = site.RisksIn(register.Id);
                Document(json, SiteUrls.Register(register.Id), "register", register.Title, register.Updated?.Describe() ?? register.UpdatedLabel, register.Updated?.Earliest.Year,
                    register.Owner?.Text ?? "",
                    Plain(register.Summary) + " " + string.Join(" ", risks.Select(r => $"{r.Reference} {r.Title}")));
            }
            if (site.ReviewItems.Count > 0)
            {
                Document(json, SiteUrls.Review, "page", "The independent review and the responses", null, null, "",
                    "The independent review's conclusions and recommendations, each quoted exactly, with the responses to them. " +
                    string.Join(" ", site.ReviewItems.Select(i => i.Title)));
            }
            foreach (var page in site.Pages)
            {
                Document(json, SiteUrls.Page(page.Id), "page", page.Title, null, null, "", (page.Description ?? "") + " " + Plain(page.Body));
            }
            Document(json, SiteUrls.About, "page", site.AboutPage?.Title ?? "About this chronology", null, null, "",
                renderedText?.Invoke(SiteUrls.About) ?? string.Join(" ", new[] { site.Site.Description, site.Site.Introduction is { } intro ? Plain(intro) : null,
                    site.AboutPage is { } about ? Plain(about.Body) : null }.OfType<string>()));
            if (site.Evidence.Glossary.Count > 0)
            {
                Document(json, SiteUrls.Glossary, "page", "Abbreviations", null, null, "",
                    "Glossary: what each abbreviation stands for. " + string.Join(" ", site.Evidence.Glossary.Select(g => $"{g.Term} {g.Expansion}.")));
            }
            if (site.Registers.Count > 0 || site.Documents.Count > 0)
            {
                Document(json, SiteUrls.Documents, "page", "Registers and documents", null, null, "",
                    "Risk registers and documents, quoted and listed. " + string.Join(" ", site.Registers.Select(r => r.Title).Concat(site.Documents.Select(d => d.Title))));
            }
            if (site.People.Count > 0)
            {
                Document(json, SiteUrls.People, "page", "People named in the documents", null, null, "",
                    "People named in the documents, with their roles. " + string.Join(" ", site.People.Select(p => p.Name)));
            }
            Document(json, SiteUrls.Home, "page", site.Site.Title, null, null, "", "The chronology: every entry, year by year. " + site.Site.Description);
            Document(json, SiteUrls.AtAGlance, "page", "The chronology at a glance", null, null, "", "Every year on one screen: how many entries and their titles. Timeline overview.");
            Document(json, SiteUrls.SourceRegister, "page", "Sources", null, null, "", "The source register: every document cited, its publisher, date and address, and where it is cited.");
            Document(json, SiteUrls.OrganisationIndex, "page", "Organisations", null, null, "", "Entries by organisation: every organisation named. " + string.Join(" ", site.Organisations.Select(o => o.Name)));
            Document(json, SiteUrls.TagIndex, "page", "Tags", null, null, "", "Entries by tag (topic). " + string.Join(" ", site.Tags.Select(t => t.Key)));
            Document(json, SiteUrls.EvidenceHealth, "page", "Evidence health", null, null, "",
                "How the evidence stands: quotations checked against this site's copies of the documents, links checked, sources without addresses, archived copies.");
            foreach (var (tag, entries) in site.Tags)
            {
                Document(json, SiteUrls.Tag(tag), "tag", $"Tag: {tag}", null, null, "", $"Chronology entries tagged {tag}: {entries.Count}.", tags: [tag]);
            }
            foreach (var year in site.Years)
            {
                Document(json, SiteUrls.YearPage(year.Year), "year", $"The chronology in {year.Year}", null, year.Year, "",
                    $"Chronology entries dated {year.Year}: {year.Entries.Count}.");
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Document(Utf8JsonWriter json, string url, string type, string title, string? date, int? year, string quotes, string text,
        IReadOnlyList<string>? organisations = null, IReadOnlyList<string>? tags = null, string names = "")
    {
        json.WriteStartObject();
        json.WriteString("url", url);
        json.WriteString("type", type);
        json.WriteString("title", title);
        var parts = (TitleParts(title) + " " + names).Trim();
        if (parts.Length > 0) json.WriteString("names", parts);
        if (date is not null) json.WriteString("date", date);
        if (year is not null) json.WriteNumber("year", year.Value);
        if (quotes.Length > 0) json.WriteString("quotes", quotes.Trim());
        json.WriteString("text", text.Trim());
        if (organisations is { Count: > 0 }) Strings(json, "orgs", organisations);
        if (tags is { Count: > 0 }) Strings(json, "tags", tags);
        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

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
