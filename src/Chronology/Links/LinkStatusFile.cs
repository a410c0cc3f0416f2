using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Chronology.Links;

/// <summary>
/// content/link-status.json: the committed results of the last <c>links refresh</c>. Sorted by URL and written
/// the same way every time, so a diff shows only what changed. Build and check read it; only refresh writes it.
/// </summary>
public static class LinkStatusFile
{
    public const string FileName = "link-status.json";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string PathIn(string contentRoot) => Path.Combine(contentRoot, FileName);

    public static IReadOnlyDictionary<string, LinkRecord> Read(string path)
    {
        var records = new Dictionary<string, LinkRecord>(StringComparer.Ordinal);
        if (!File.Exists(path)) return records;
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var item in json.RootElement.GetProperty("links").EnumerateArray())
        {
            var record = new LinkRecord(
                item.GetProperty("url").GetString()!,
                Enum.Parse<LinkOutcome>(item.GetProperty("outcome").GetString()!, ignoreCase: true),
                item.GetProperty("status").ValueKind == JsonValueKind.Number ? item.GetProperty("status").GetInt32() : null,
                item.GetProperty("finalUrl").GetString(),
                [.. item.GetProperty("redirects").EnumerateArray().Select(r => r.GetString()!)],
                item.GetProperty("contentType").GetString(),
                DateTimeOffset.Parse(item.GetProperty("checkedAt").GetString()!, CultureInfo.InvariantCulture),
                item.GetProperty("firstFailedAt").GetString() is { } failed ? DateTimeOffset.Parse(failed, CultureInfo.InvariantCulture) : null,
                item.GetProperty("detail").GetString());
            records[record.Url] = record;
        }
        return records;
    }

    public static string Serialise(IEnumerable<LinkRecord> records)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("links");
            foreach (var record in records.OrderBy(r => r.Url, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("url", record.Url);
                json.WriteString("outcome", record.Outcome.ToString().ToLowerInvariant());
                if (record.Status is { } status) json.WriteNumber("status", status);
                else json.WriteNull("status");
                json.WriteString("finalUrl", record.FinalUrl);
                json.WriteStartArray("redirects");
                foreach (var redirect in record.Redirects) json.WriteStringValue(redirect);
                json.WriteEndArray();
                json.WriteString("contentType", record.ContentType);
                json.WriteString("checkedAt", Format(record.CheckedAt));
                json.WriteString("firstFailedAt", record.FirstFailedAt is { } failed ? Format(failed) : null);
                json.WriteString("detail", record.Detail);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static void Write(string path, IEnumerable<LinkRecord> records) =>
        File.WriteAllText(path, Serialise(records), new UTF8Encoding(false));

    private static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
