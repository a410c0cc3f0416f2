using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Chronology.Markdown;

namespace Chronology.Site;

/// <summary>
/// search/index.json: the documents the browser's search (lunr.js) indexes — entries, review items, risks,
/// documents, sources, organisations and people — with the fields it weights (title, quotes, text) and the facets it filters by (type, year, organisation, tag).
/// </summary>
public static class SearchIndexExport
{
    public const string Url = "/search/index.json";

    public static string ToJson(SiteModel site)
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
                    Plain(entry.Body) + " " + string.Join(" ", entry.Organisations.Select(o => site.OrganisationsById[o].Name)) + " " + string.Join(" ", entry.Tags),
                    entry.Organisations.Distinct().ToList(), entry.Tags);
            }
            foreach (var item in site.ReviewItems)
            {
                var responses = site.ResponsesTo(item.Id);
                Document(json, SiteUrls.ReviewItem(item.Id), "review", item.Kind == "conclusion" ? $"Section {item.Section}: {item.Title}" : $"Recommendation {item.Number}: {item.Title}",
                    null, null, item.Text.Quote + " " + string.Join(" ", responses.Select(r => r.Text.Quote)), "");
            }
            foreach (var risk in site.Evidence.Risks)
            {
                var register = site.RegistersById.GetValueOrDefault(risk.Register.Id);
                Document(json, SiteUrls.Risk(risk.Id), "risk", $"Risk {risk.Reference}: {risk.Title}", risk.IdentifiedLabel, risk.Identified?.Earliest.Year,
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
                    "", source.PublisherText + " " + (source.Notes is null ? "" : Plain(source.Notes)), source.Organisations.Distinct().ToList());
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
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Document(Utf8JsonWriter json, string url, string type, string title, string? date, int? year, string quotes, string text,
        IReadOnlyList<string>? organisations = null, IReadOnlyList<string>? tags = null)
    {
        json.WriteStartObject();
        json.WriteString("url", url);
        json.WriteString("type", type);
        json.WriteString("title", title);
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

    private static string Plain(string markdown) => OpenDataExport.PlainText(markdown);
}
