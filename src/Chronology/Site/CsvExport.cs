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
    public const string RisksUrl = "/data/risks.csv";
    public const string FiguresUrl = "/data/figures.csv";

    /// <summary>Every file this export writes, with the function that writes it.</summary>
    public static IReadOnlyList<(string Url, Action<SiteModel, TextWriter> Write)> Files { get; } =
    [
        (EntriesUrl, Entries), (CitationsUrl, Citations), (SourcesUrl, Sources), (RisksUrl, Risks), (FiguresUrl, Figures),
    ];

    public static void Entries(SiteModel site, TextWriter csv) => Table(csv,
        ["id", "date", "label", "earliest", "latest", "title", "body", "organisations", "tags", "annexItem", "url", "display"],
        site.Entries.Select(e => new[]
        {
            e.Id, e.Date.ToString(), e.Label, DisplayDates.Iso(e.Date.Earliest), DisplayDates.Iso(e.Date.Latest), e.Title,
            OpenDataExport.PlainText(e.Body), string.Join(';', e.Organisations), string.Join(';', e.Tags),
            e.AnnexItem?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", SiteUrls.Entry(e.Id), e.Date.Describe(),
        }));

    public static void Citations(SiteModel site, TextWriter csv) => Table(csv,
        ["entry", "number", "source", "locator", "quote"],
        site.Entries.SelectMany(e => e.Citations.Select((c, i) => new[]
        {
            e.Id, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), c.SourceId, c.Locator?.ToString() ?? "", c.Quote ?? "",
        })));

    public static void Sources(SiteModel site, TextWriter csv) => Table(csv,
        ["id", "title", "publisher", "type", "date", "url", "alsoAt", "noUrlReason", "archiveUrl", "knownThrough", "format", "organisations"],
        site.Evidence.Sources.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => new[]
        {
            s.Id, s.Title, s.Publisher ?? "", s.Type, s.Date?.ToString() ?? "", s.Url ?? "", string.Join(' ', s.AlsoAt), s.NoUrlReason ?? "",
            s.ArchiveUrl ?? "", s.KnownThrough ?? "", Spelling.Of(s.Format) ?? "", string.Join(';', s.Organisations),
        }));

    /// <summary>One row per risk, in register order; mitigations, one per line, in one cell.</summary>
    public static void Risks(SiteModel site, TextWriter csv) => Table(csv,
        ["id", "register", "reference", "row", "title", "identified", "identifiedLabel", "description", "cause", "affected",
         "probability", "impact", "rating", "band", "mitigations", "timeline", "status", "entries", "sources", "url"],
        site.Evidence.Risks.Select(r => new[]
        {
            r.Id, r.Register.Id, r.Reference, Text(r.Row), r.Title, r.Identified?.ToString() ?? "", r.IdentifiedLabel ?? "",
            r.Description.Text, r.Cause?.Text ?? "", r.Affected?.Text ?? "", Text(r.Probability), Text(r.Impact), Text(r.Rating),
            site.BandOf(r) is { } band ? (band.Printed ? band.Label : "") : "",
            string.Join('\n', r.Mitigations.Select(m => m.Text)), r.Timeline ?? "", r.Status ?? "",
            string.Join(';', r.Entries.Select(e => e.Id)), string.Join(';', r.Sources.Select(s => s.Id)), SiteUrls.Risk(r.Id),
        }));

    /// <summary>One row per figure a document page records, with the value as printed and the quote it stands in.</summary>
    public static void Figures(SiteModel site, TextWriter csv) => Table(csv,
        ["document", "name", "value", "number", "unit", "quote", "note", "source", "url"],
        site.Evidence.Documents.OrderBy(d => d.Id, StringComparer.Ordinal).SelectMany(d => d.Figures.Select(f => new[]
        {
            d.Id, f.Name, f.Value, f.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", f.Unit ?? "",
            f.Quote.Text, f.Note ?? "", d.Source.Id, SiteUrls.Document(d.Id),
        })));

    private static string Text(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static void Table(TextWriter csv, string[] header, IEnumerable<string[]> rows)
    {
        Row(csv, header);
        foreach (var row in rows) Row(csv, row);
    }

    private static void Row(TextWriter csv, string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) csv.Write(',');
            var cell = cells[i];
            // A leading =, +, - or @ would be run as a formula by spreadsheet programs; a quote mark keeps it text.
            if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@') cell = "'" + cell;
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0) cell = "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            csv.Write(cell);
        }
        csv.Write("\r\n");
    }
}
