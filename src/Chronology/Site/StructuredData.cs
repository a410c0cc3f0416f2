using System.Text.Json;
using System.Text.Json.Serialization;
using Chronology.Model;

namespace Chronology.Site;

/// <summary>
/// JSON-LD (schema.org) for pages: an <c>Event</c> for each entry and a <c>Dataset</c> with its downloads. A
/// date goes in <c>startDate</c> only when the entry's date is a plain calendar date, month or year; an
/// approximate, uncertain or sub-year date is given only as its label, so the markup is never more certain than
/// the source. The output is escaped for a &lt;script type="application/ld+json"&gt; data block.
/// </summary>
public static partial class StructuredData
{
    public static string Event(SiteModel site, ChronologyEntry entry) => JsonSerializer.Serialize(new SchemaEvent(
        entry.Title,
        entry.Date is EdtfPoint { SubYear: null, IsApproximate: false, IsUncertain: false } point ? point.HtmlDateTime : null,
        $"{entry.Date.Describe()}: {OpenDataExport.PlainText(entry.Body)}",
        site.Site.BaseUrl is { } baseUrl ? baseUrl + SiteUrls.Entry(entry.Id) : null,
        [.. entry.Citations.Select(c => c.SourceId).Distinct()
            .Select(id => site.SourcesById.GetValueOrDefault(id)).OfType<Source>()
            .Select(source => new SchemaCreativeWork(source.Title, source.Publisher, source.Url))]), StructuredDataJson.Default.SchemaEvent);

    public static string Dataset(SiteModel site) => JsonSerializer.Serialize(new SchemaDataset(
        site.Site.Title,
        site.Site.Description,
        site.Site.Language,
        site.Site.BaseUrl is { } baseUrl ? baseUrl + SiteUrls.About : null,
        site.Entries.Count > 0 ? $"{site.Entries.Min(e => e.Date.Earliest.Year)}/{site.Entries.Max(e => e.Date.Latest.Year)}" : null,
        [
            new SchemaDataDownload("application/json", (site.Site.BaseUrl ?? "") + SiteUrls.Data),
            .. CsvExport.Files.Select(f => new SchemaDataDownload("text/csv", (site.Site.BaseUrl ?? "") + f.Url)),
        ]), StructuredDataJson.Default.SchemaDataset);

    private const string SchemaOrg = "https://schema.org";

    // What is not known (a date that is not plain, a site without a base URL) is left out, never written as null.
    private sealed record SchemaEvent(string Name, string? StartDate, string Description, string? Url, IReadOnlyList<SchemaCreativeWork> Citation)
    {
        [JsonPropertyName("@context"), JsonPropertyOrder(-2)] public string Context => SchemaOrg;

        [JsonPropertyName("@type"), JsonPropertyOrder(-1)] public string Type => "Event";
    }

    private sealed record SchemaCreativeWork(string Name, string? Publisher, string? Url)
    {
        [JsonPropertyName("@type"), JsonPropertyOrder(-1)] public string Type => "CreativeWork";
    }

    private sealed record SchemaDataset(
        string Name, string Description, string InLanguage, string? Url, string? TemporalCoverage, IReadOnlyList<SchemaDataDownload> Distribution)
    {
        [JsonPropertyName("@context"), JsonPropertyOrder(-2)] public string Context => SchemaOrg;

        [JsonPropertyName("@type"), JsonPropertyOrder(-1)] public string Type => "Dataset";
    }

    private sealed record SchemaDataDownload(string EncodingFormat, string ContentUrl)
    {
        [JsonPropertyName("@type"), JsonPropertyOrder(-1)] public string Type => "DataDownload";
    }

    // The default encoder escapes <, >, & and non-ASCII, so the JSON is safe inside a <script> data block.
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(SchemaEvent))]
    [JsonSerializable(typeof(SchemaDataset))]
    private sealed partial class StructuredDataJson : JsonSerializerContext;
}
