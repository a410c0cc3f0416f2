using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Chronology.Markdown;
using Chronology.Model;

namespace Chronology.Site;

/// <summary>
/// data/chronology.json: the open-data export and the interface other tools read. Field names are stable and
/// documented in docs/data.md; add fields, never rename or remove one.
/// </summary>
public static class OpenDataExport
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // readable UTF-8; the file is served as application/json
    };

    public static string ToJson(SiteModel site)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("title", site.Site.Title);
            json.WriteStartArray("entries");
            foreach (var entry in site.Entries) WriteEntry(json, entry);
            json.WriteEndArray();
            json.WriteStartArray("sources");
            foreach (var source in site.Evidence.Sources.OrderBy(s => s.Id, StringComparer.Ordinal)) WriteSource(json, source);
            json.WriteEndArray();
            json.WriteStartArray("organisations");
            foreach (var organisation in site.Evidence.Organisations.OrderBy(o => o.Id, StringComparer.Ordinal)) WriteOrganisation(json, organisation);
            json.WriteEndArray();
            json.WriteStartArray("reviewItems");
            foreach (var item in site.ReviewItems) WriteReviewItem(json, item);
            json.WriteEndArray();
            json.WriteStartArray("responses");
            foreach (var response in site.Evidence.Responses) WriteResponse(json, response);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteEntry(Utf8JsonWriter json, ChronologyEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("id", entry.Id);
        json.WriteString("date", entry.Date.ToString());
        json.WriteString("label", entry.Label);
        json.WriteString("earliest", DisplayDates.Iso(entry.Date.Earliest));
        json.WriteString("latest", DisplayDates.Iso(entry.Date.Latest));
        json.WriteString("title", entry.Title);
        json.WriteString("body", PlainText(entry.Body));
        Strings(json, "organisations", entry.Organisations);
        Strings(json, "tags", entry.Tags);
        if (entry.AnnexItem is { } item) json.WriteNumber("annexItem", item);
        else json.WriteNull("annexItem");
        json.WriteStartArray("citations");
        foreach (var citation in entry.Citations)
        {
            json.WriteStartObject();
            json.WriteString("source", citation.SourceId);
            json.WriteString("locator", citation.Locator?.ToString());
            json.WriteString("quote", citation.Quote);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("url", SiteUrls.Entry(entry.Id));
        json.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter json, Source source)
    {
        json.WriteStartObject();
        json.WriteString("id", source.Id);
        json.WriteString("title", source.Title);
        json.WriteString("publisher", source.Publisher);
        json.WriteString("type", source.Type);
        json.WriteString("date", source.Date?.ToString());
        json.WriteString("url", source.Url);
        Strings(json, "alsoAt", source.AlsoAt);
        json.WriteString("noUrlReason", source.NoUrlReason);
        json.WriteString("archiveUrl", source.ArchiveUrl);
        json.WriteString("knownThrough", source.KnownThrough);
        json.WriteString("seed", source.Seed);
        Strings(json, "organisations", source.Organisations);
        json.WriteEndObject();
    }

    private static void WriteOrganisation(Utf8JsonWriter json, Organisation organisation)
    {
        json.WriteStartObject();
        json.WriteString("id", organisation.Id);
        json.WriteString("name", organisation.Name);
        json.WriteString("shortName", organisation.ShortName);
        Strings(json, "aliases", organisation.Aliases);
        json.WriteString("description", organisation.Description);
        json.WriteEndObject();
    }

    private static void WriteReviewItem(Utf8JsonWriter json, ReviewItem item)
    {
        json.WriteStartObject();
        json.WriteString("id", item.Id);
        json.WriteString("kind", item.Kind);
        json.WriteString("section", item.Section);
        if (item.Number is { } number) json.WriteNumber("number", number);
        else json.WriteNull("number");
        json.WriteString("title", item.Title);
        WriteQuotation(json, item.Text);
        Strings(json, "entries", item.Entries);
        Strings(json, "sources", item.Sources);
        json.WriteEndObject();
    }

    private static void WriteResponse(Utf8JsonWriter json, ReviewResponse response)
    {
        json.WriteStartObject();
        json.WriteString("id", response.Id);
        json.WriteString("respondsTo", response.RespondsTo);
        json.WriteString("organisation", response.Organisation);
        json.WriteString("kind", response.Kind);
        json.WriteString("date", response.Date.ToString());
        json.WriteString("label", response.Label);
        WriteQuotation(json, response.Text);
        json.WriteEndObject();
    }

    private static void WriteQuotation(Utf8JsonWriter json, Citation text)
    {
        json.WriteString("text", text.Quote);
        json.WriteString("source", text.SourceId);
        json.WriteString("locator", text.Locator?.ToString());
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    internal static string PlainText(string markdown) =>
        string.Join(' ', ContentMarkdown.ToPlainText(markdown).Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
