using System.Text;
using Chronology.Model;

namespace Chronology.Site;

/// <summary>
/// The open data as CSV (RFC 4180, UTF-8, CRLF line ends as the RFC asks): entries, citations (one row each,
/// keyed by entry id and number) and sources. Columns follow chronology.json's field names.
/// </summary>
public static class CsvExport
{
    public const string EntriesUrl = "/data/entries.csv";
    public const string CitationsUrl = "/data/citations.csv";
    public const string SourcesUrl = "/data/sources.csv";

    public static string Entries(SiteModel site) => Table(
        ["id", "date", "label", "earliest", "latest", "title", "body", "organisations", "tags", "annexItem", "url"],
        site.Entries.Select(e => new[]
        {
            e.Id, e.Date.ToString(), e.Label, DisplayDates.Iso(e.Date.Earliest), DisplayDates.Iso(e.Date.Latest), e.Title,
            OpenDataExport.PlainText(e.Body), string.Join(';', e.Organisations), string.Join(';', e.Tags),
            e.AnnexItem?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", SiteUrls.Entry(e.Id),
        }));

    public static string Citations(SiteModel site) => Table(
        ["entry", "number", "source", "locator", "quote"],
        site.Entries.SelectMany(e => e.Citations.Select((c, i) => new[]
        {
            e.Id, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), c.SourceId, c.Locator?.ToString() ?? "", c.Quote ?? "",
        })));

    public static string Sources(SiteModel site) => Table(
        ["id", "title", "publisher", "type", "date", "url", "alsoAt", "noUrlReason", "archiveUrl", "knownThrough", "seed", "organisations"],
        site.Evidence.Sources.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => new[]
        {
            s.Id, s.Title, s.Publisher, s.Type, s.Date?.ToString() ?? "", s.Url ?? "", string.Join(' ', s.AlsoAt), s.NoUrlReason ?? "",
            s.ArchiveUrl ?? "", s.KnownThrough ?? "", s.Seed ?? "", string.Join(';', s.Organisations),
        }));

    private static string Table(string[] header, IEnumerable<string[]> rows)
    {
        var csv = new StringBuilder();
        Row(csv, header);
        foreach (var row in rows) Row(csv, row);
        return csv.ToString();
    }

    private static void Row(StringBuilder csv, string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) csv.Append(',');
            var cell = cells[i];
            // A leading =, +, - or @ would be run as a formula by spreadsheet programs; a quote mark keeps it text.
            if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@') cell = "'" + cell;
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0) cell = "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            csv.Append(cell);
        }
        csv.Append("\r\n");
    }
}
