using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Chronology.Markdown;

namespace Chronology.Site;

/// <summary>
/// search/index.json: the documents the browser's search (lunr.js) indexes — entries, sources, review items and
/// organisations — with the fields it weights (title, quotes, text) and the facets it filters by (type, year).
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
                Document(json, SiteUrls.Entry(entry.Id), "entry", entry.Title, entry.Label, entry.Date.Earliest.Year,
                    string.Join(" ", entry.Citations.Select(c => c.Quote).OfType<string>()),
                    Plain(entry.Body) + " " + string.Join(" ", entry.Organisations.Select(o => site.OrganisationsById[o].Name)) + " " + string.Join(" ", entry.Tags));
            }
            foreach (var item in site.ReviewItems)
            {
                var responses = site.ResponsesTo(item.Id);
                Document(json, SiteUrls.ReviewItem(item.Id), "review", item.Kind == "conclusion" ? $"Section {item.Section}: {item.Title}" : $"Recommendation {item.Number}: {item.Title}",
                    null, null, item.Text.Quote + " " + string.Join(" ", responses.Select(r => r.Text.Quote)), "");
            }
            foreach (var source in site.Sources)
            {
                Document(json, SiteUrls.Source(source.Id), "source", source.Title, source.Date?.Describe(), source.Date?.Earliest.Year,
                    "", source.Publisher + " " + (source.Notes is null ? "" : Plain(source.Notes)));
            }
            foreach (var organisation in site.Organisations)
            {
                Document(json, SiteUrls.Organisation(organisation.Id), "organisation", organisation.Name, null, null,
                    "", string.Join(" ", organisation.Aliases) + " " + organisation.Description);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Document(Utf8JsonWriter json, string url, string type, string title, string? date, int? year, string quotes, string text)
    {
        json.WriteStartObject();
        json.WriteString("url", url);
        json.WriteString("type", type);
        json.WriteString("title", title);
        if (date is not null) json.WriteString("date", date);
        if (year is not null) json.WriteNumber("year", year.Value);
        if (quotes.Length > 0) json.WriteString("quotes", quotes.Trim());
        json.WriteString("text", text.Trim());
        json.WriteEndObject();
    }

    private static string Plain(string markdown) => OpenDataExport.PlainText(markdown);
}
