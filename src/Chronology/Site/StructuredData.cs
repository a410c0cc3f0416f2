using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Chronology.Model;

namespace Chronology.Site;

/// <summary>
/// JSON-LD (schema.org) for pages: an <c>Event</c> for each entry and a <c>Dataset</c> with its downloads. A
/// date goes in <c>startDate</c> only when the entry's date is a plain calendar date, month or year; an
/// approximate, uncertain or sub-year date is given only as its label, so the markup is never more certain than
/// the source. The output is escaped for a &lt;script type="application/ld+json"&gt; data block.
/// </summary>
public static class StructuredData
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    public static string Event(SiteModel site, ChronologyEntry entry) => Write(json =>
    {
        json.WriteString("@context", "https://schema.org");
        json.WriteString("@type", "Event");
        json.WriteString("name", entry.Title);
        if (entry.Date is EdtfPoint { SubYear: null, IsApproximate: false, IsUncertain: false } point && point.HtmlDateTime is { } when)
            json.WriteString("startDate", when);
        json.WriteString("description", $"{entry.Date.Describe()}: {OpenDataExport.PlainText(entry.Body)}");
        if (site.Site.BaseUrl is { } baseUrl) json.WriteString("url", baseUrl + SiteUrls.Entry(entry.Id));
        json.WriteStartArray("citation");
        foreach (var sourceId in entry.Citations.Select(c => c.SourceId).Distinct())
        {
            if (!site.SourcesById.TryGetValue(sourceId, out var source)) continue;
            json.WriteStartObject();
            json.WriteString("@type", "CreativeWork");
            json.WriteString("name", source.Title);
            if (source.Publisher is { } publisher) json.WriteString("publisher", publisher);
            if (source.Url is { } url) json.WriteString("url", url);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    });

    public static string Dataset(SiteModel site) => Write(json =>
    {
        json.WriteString("@context", "https://schema.org");
        json.WriteString("@type", "Dataset");
        json.WriteString("name", site.Site.Title);
        json.WriteString("description", site.Site.Description);
        json.WriteString("inLanguage", site.Site.Language);
        if (site.Site.BaseUrl is { } baseUrl) json.WriteString("url", baseUrl + SiteUrls.About);
        if (site.Entries.Count > 0)
            json.WriteString("temporalCoverage", $"{site.Entries.Min(e => e.Date.Earliest.Year)}/{site.Entries.Max(e => e.Date.Latest.Year)}");
        json.WriteStartArray("distribution");
        (string Url, string Format)[] downloads = [(SiteUrls.Data, "application/json"), .. CsvExport.Files.Select(f => (f.Url, "text/csv"))];
        foreach (var (url, format) in downloads)
        {
            json.WriteStartObject();
            json.WriteString("@type", "DataDownload");
            json.WriteString("encodingFormat", format);
            json.WriteString("contentUrl", (site.Site.BaseUrl ?? "") + url);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    });

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
