using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chronology.Model;

namespace Chronology.Site;

/// <summary>
/// "Cite this": an entry or a source as a BibTeX, RIS and CSL-JSON record. An entry is cited as a page of this
/// site (the site is its author). A source is cited as the document itself, as its register describes it: its
/// publisher only where the documents name one, its date in a structured field only when it is a plain date
/// (year, month or day, no qualifier); an approximate, uncertain, seasonal or ranged date is written only in the
/// note, in words and as EDTF, so no reference manager can make it more precise than the documents.
/// </summary>
public static partial class CitationFormats
{
    public static string BibTexUrl(string entryId) => SiteUrls.Entry(entryId) + "cite.bib";

    public static string RisUrl(string entryId) => SiteUrls.Entry(entryId) + "cite.ris";

    public static string CslJsonUrl(string entryId) => SiteUrls.Entry(entryId) + "cite.json";

    public static string SourceBibTexUrl(string sourceId) => SiteUrls.Source(sourceId) + "cite.bib";

    public static string SourceRisUrl(string sourceId) => SiteUrls.Source(sourceId) + "cite.ris";

    public static string SourceCslJsonUrl(string sourceId) => SiteUrls.Source(sourceId) + "cite.json";

    public static string PermalinkOf(SiteConfig site, ChronologyEntry entry) => (site.BaseUrl ?? "") + SiteUrls.Entry(entry.Id);

    public static string PermalinkOf(SiteConfig site, Source source) => (site.BaseUrl ?? "") + SiteUrls.Source(source.Id);

    public static string BibTex(SiteConfig site, ChronologyEntry entry) => BibTex(ForEntry(site, entry));

    public static string Ris(SiteConfig site, ChronologyEntry entry) => Ris(ForEntry(site, entry));

    public static string CslJson(SiteConfig site, ChronologyEntry entry) => CslJson(ForEntry(site, entry));

    public static string BibTex(SiteConfig site, Source source) => BibTex(ForSource(site, source));

    public static string Ris(SiteConfig site, Source source) => Ris(ForSource(site, source));

    public static string CslJson(SiteConfig site, Source source) => CslJson(ForSource(site, source));

    /// <summary>Whether the register names a publisher or author (a source file without one leaves <c>publisher</c> out).</summary>
    public static bool NamesPublisher(Source source) => source.Publisher is not null;

    /// <summary>A plain date as Highwire's <c>citation_publication_date</c> writes it: 2021, 2021/07 or 2021/07/14.</summary>
    public static string HighwireDate(EdtfPoint date) =>
        date.Year.ToString("D4", CultureInfo.InvariantCulture)
        + (date.Month is { } month ? "/" + month.ToString("D2", CultureInfo.InvariantCulture) : "")
        + (date.Day is { } day ? "/" + day.ToString("D2", CultureInfo.InvariantCulture) : "");

    /// <summary>The date as a structured date, or null unless it is a plain year, month or day.</summary>
    public static EdtfPoint? PlainDate(EdtfDate? date) =>
        date is EdtfPoint { SubYear: null, Qualifier: DateQualifier.None } point ? point : null;

    /// <summary>What the three formats are written from.</summary>
    private sealed record Reference(
        string Key,
        string RisType,
        string CslType,
        string Title,
        string? Author,
        string? Publisher,
        string? ContainerTitle,
        EdtfPoint? Issued,
        string? Url,
        DateOnly? Accessed,
        string Note);

    private static Reference ForEntry(SiteConfig site, ChronologyEntry entry) => new(
        entry.Id, "ELEC", "webpage", entry.Title, site.Title, null, site.Title, null, PermalinkOf(site, entry), null,
        $"Chronology entry; date of the event: {entry.Date.Describe()}{(entry.Date.WordingBeside(entry.Label) is { } wording ? $" (in the document: {wording})" : "")} (EDTF {entry.Date})");

    private static Reference ForSource(SiteConfig site, Source source)
    {
        var note = new StringBuilder();
        note.Append(DescribeType(source.Type)).Append(". Date: ");
        note.Append(source.Date is { } date ? $"{date.Describe()} (EDTF {date})" : "not given in the documents").Append('.');
        if (!NamesPublisher(source)) note.Append(" Publisher or author: ").Append(source.PublisherText.ToLowerInvariant()).Append('.');
        if (source.Url is null && source.NoUrlReason is { } reason) note.Append(" No link: ").Append(Flatten(reason)).Append(reason.TrimEnd().EndsWith('.') ? "" : ".");
        if (source.ArchiveUrl is { } archive) note.Append(" Archived copy: ").Append(archive).Append('.');
        note.Append(" Listed in the source register of ").Append(site.Title).Append(": ").Append(PermalinkOf(site, source));
        return new Reference(
            source.Id, RisTypeOf(source.Type), CslTypeOf(source.Type), source.Title, null,
            NamesPublisher(source) ? source.Publisher : null, null, PlainDate(source.Date), source.Url, source.Accessed, note.ToString());
    }

    private static string Flatten(string text) => PlainText.Collapse(text);

    /// <summary>The type as the note's opening word: the register's words, capitalised; "other" is just a document.</summary>
    private static string DescribeType(string type) =>
        type == "other" ? "Document" : char.ToUpperInvariant(Source.DescribeType(type)[0]) + Source.DescribeType(type)[1..];

    private static string RisTypeOf(string type) => type switch
    {
        "report" or "inspection-report" or "evaluation" or "policy-paper" => "RPRT",
        "foi-response" or "letter" or "email" => "PCOMM",
        "web-page" or "petition" => "ELEC",
        "discussion-post" => "BLOG",
        "journal-article" => "JOUR",
        "funding-award" => "GRANT",
        "government-response" => "GOVDOC",
        "brochure" => "PAMP",
        "dataset" => "DATA",
        _ => "GEN",
    };

    private static string CslTypeOf(string type) => type switch
    {
        "report" or "inspection-report" or "evaluation" or "policy-paper" or "government-response" => "report",
        "foi-response" or "letter" or "email" => "personal_communication",
        "web-page" or "petition" => "webpage",
        "discussion-post" => "post",
        "journal-article" => "article-journal",
        "brochure" => "pamphlet",
        "dataset" => "dataset",
        _ => "document",
    };

    private static string BibTex(Reference reference)
    {
        static string Escape(string text) => text.Replace("\\", "\\textbackslash{}", StringComparison.Ordinal)
            .Replace("{", "\\{", StringComparison.Ordinal).Replace("}", "\\}", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("&", "\\&", StringComparison.Ordinal)
            .Replace("$", "\\$", StringComparison.Ordinal).Replace("#", "\\#", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        var bib = new StringBuilder();
        bib.Append("@misc{").Append(reference.Key).Append(",\n");
        if (reference.Author is { } author) bib.Append("  author = {{").Append(Escape(author)).Append("}},\n");
        bib.Append("  title = {").Append(Escape(reference.Title)).Append("},\n");
        if (reference.Publisher is { } publisher) bib.Append("  organization = {").Append(Escape(publisher)).Append("},\n");
        if (reference.Issued is { } issued) bib.Append("  date = {").Append(issued).Append("},\n");
        if (reference.Url is { } url)
        {
            bib.Append("  howpublished = {\\url{").Append(url).Append("}},\n");
            bib.Append("  url = {").Append(url).Append("},\n");
        }
        if (reference.Accessed is { } accessed) bib.Append("  urldate = {").Append(DisplayDates.Iso(accessed)).Append("},\n");
        bib.Append("  note = {").Append(Escape(reference.Note)).Append("}\n");
        bib.Append("}\n");
        return bib.ToString();
    }

    private static string Ris(Reference reference)
    {
        var ris = new StringBuilder();
        void Line(string tag, string value) => ris.Append(tag).Append("  - ").Append(value).Append("\r\n");
        Line("TY", reference.RisType);
        if (reference.Author is { } author) Line("AU", author);
        Line("TI", reference.Title);
        if (reference.Publisher is { } publisher) Line("PB", publisher);
        if (reference.Issued is { } issued)
        {
            Line("PY", issued.Year.ToString("D4", CultureInfo.InvariantCulture));
            Line("DA", $"{issued.Year:D4}/{issued.Month?.ToString("D2", CultureInfo.InvariantCulture)}/{issued.Day?.ToString("D2", CultureInfo.InvariantCulture)}/");
        }
        if (reference.Url is { } url) Line("UR", url);
        if (reference.Accessed is { } accessed) Line("Y2", accessed.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture));
        Line("N1", reference.Note);
        ris.Append("ER  - \r\n");
        return ris.ToString();
    }

    private static string CslJson(Reference reference) => JsonSerializer.Serialize<IReadOnlyList<CslItem>>([new CslItem(
        reference.Key,
        reference.CslType,
        reference.Title,
        reference.Author is { } author ? [new CslName(author)] : null,
        reference.ContainerTitle,
        reference.Publisher,
        reference.Issued is { } issued ? CslDate.Of(issued.Year, issued.Month, issued.Day) : null,
        reference.Url,
        reference.Accessed is { } accessed ? CslDate.Of(accessed.Year, accessed.Month, accessed.Day) : null,
        reference.Note)], CslJsonContext.CslItems) + "\n";

    /// <summary>A CSL-JSON item (citationstyles.org); what the reference does not have is left out.</summary>
    private sealed record CslItem(
        string Id, string Type, string Title, IReadOnlyList<CslName>? Author, string? ContainerTitle, string? Publisher, CslDate? Issued,
        [property: JsonPropertyName("URL")] string? Url, CslDate? Accessed, string Note);

    private sealed record CslName(string Literal);

    /// <summary>A date as its parts, year first, down to the most precise one known.</summary>
    private sealed record CslDate(IReadOnlyList<IReadOnlyList<int>> DateParts)
    {
        public static CslDate Of(int year, int? month, int? day) =>
            new([[year, .. new[] { month, day }.TakeWhile(p => p is not null).Select(p => p!.Value)]]);
    }

    // Readable UTF-8, as the file is served.
    private static readonly CslJsonSerializerContext CslJsonContext = new(new JsonSerializerOptions(CslJsonSerializerContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(IReadOnlyList<CslItem>), TypeInfoPropertyName = "CslItems")]
    private sealed partial class CslJsonSerializerContext : JsonSerializerContext;
}
