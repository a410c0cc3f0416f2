using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chronology.Diagnostics;

namespace Chronology.Links;

/// <summary>
/// content/link-status.json: the committed results of the last <c>links refresh</c>. Sorted by URL and written
/// the same way every time, so a diff shows only what changed. Build and check read it; only refresh writes it.
/// </summary>
public static partial class LinkStatusFile
{
    public const string FileName = "link-status.json";

    /// <summary>The outcome written for a URL that no <c>links refresh</c> has checked yet.</summary>
    public const string Unchecked = "unchecked";

    public static string PathIn(string contentRoot) => Path.Combine(contentRoot, FileName);

    /// <summary>The committed results in a content folder; a file that cannot be read is CHR110, and reads as empty.</summary>
    public static IReadOnlyDictionary<string, LinkRecord> Read(string contentRoot, DiagnosticBag diagnostics)
    {
        try
        {
            return Read(PathIn(contentRoot));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or ArgumentException or InvalidOperationException)
        {
            var display = Path.Join(contentRoot, FileName).Replace('\\', '/');
            var line = e is JsonException { LineNumber: { } l } ? (int)l + 1 : 1;
            diagnostics.Error(DiagnosticCodes.MalformedLinkStatus, display, line, 1, $"cannot read the link status file: {e.Message}");
            return new Dictionary<string, LinkRecord>();
        }
    }

    public static IReadOnlyDictionary<string, LinkRecord> Read(string path)
    {
        var records = new Dictionary<string, LinkRecord>(StringComparer.Ordinal);
        if (!File.Exists(path)) return records;
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var item in json.RootElement.GetProperty("links").EnumerateArray())
        {
            // A URL listed as "notChecked" (by 'links sync') has no result yet: it reads as absent.
            if (item.GetProperty("outcome").GetString() == Unchecked) continue;
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

    /// <summary>
    /// The file listing every URL in <paramref name="urls"/>: its last result where there is one, "notChecked"
    /// otherwise. Results for URLs no source uses any more are dropped.
    /// </summary>
    public static string Serialise(IEnumerable<string> urls, IReadOnlyDictionary<string, LinkRecord> results) =>
        Serialise(urls.Distinct(StringComparer.Ordinal).Select(url => results.GetValueOrDefault(url)), urls.Where(url => !results.ContainsKey(url)));

    public static string Serialise(IEnumerable<LinkRecord> records) => Serialise(records, []);

    private static string Serialise(IEnumerable<LinkRecord?> records, IEnumerable<string> notChecked)
    {
        var rows = records.OfType<LinkRecord>().Select(Row)
            .Concat(notChecked.Distinct(StringComparer.Ordinal).Select(url => new LinkStatusRow(url, Unchecked, null, null, [], null, null, null, null)));
        return JsonSerializer.Serialize(new LinkStatus([.. rows.OrderBy(r => r.Url, StringComparer.Ordinal)]), Json.LinkStatus) + "\n";
    }

    private static LinkStatusRow Row(LinkRecord record) => new(
        record.Url, record.Outcome.ToString().ToLowerInvariant(), record.Status, record.FinalUrl, record.Redirects, record.ContentType,
        Format(record.CheckedAt), record.FirstFailedAt is { } failed ? Format(failed) : null, record.Detail);

    /// <summary>The file as written: every field on every row, null where there is no value.</summary>
    private sealed record LinkStatus(IReadOnlyList<LinkStatusRow> Links);

    private sealed record LinkStatusRow(
        string Url, string Outcome, int? Status, string? FinalUrl, IReadOnlyList<string> Redirects, string? ContentType, string? CheckedAt,
        string? FirstFailedAt, string? Detail);

    // Readable UTF-8, so a diff of the committed file reads plainly.
    private static readonly LinkStatusJson Json = new(new JsonSerializerOptions(LinkStatusJson.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
    [JsonSerializable(typeof(LinkStatus))]
    private sealed partial class LinkStatusJson : JsonSerializerContext;

    public static void Write(string path, IEnumerable<LinkRecord> records) => WholeOrNotAtAll(path, Serialise(records));

    public static void Write(string path, IEnumerable<string> urls, IReadOnlyDictionary<string, LinkRecord> results) =>
        WholeOrNotAtAll(path, Serialise(urls, results));

    /// <summary>
    /// Written beside the file, then moved over it: a process ended while writing (Ctrl+C at the end of a refresh)
    /// leaves the committed file as it was, never cut short.
    /// </summary>
    private static void WholeOrNotAtAll(string path, string text)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, text, new UTF8Encoding(false));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
