using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chronology.Markdown;
using Chronology.Model;

namespace Chronology.Site;

/// <summary>
/// data/chronology.json: the open-data export and the interface other tools read. Field names are stable and
/// documented in docs/data.md; add fields, never rename or remove one.
/// </summary>
public static partial class OpenDataExport
{
    // Readable UTF-8 (the file is served as application/json); every field written, null where there is no value.
    private static readonly OpenDataJson Json = new(new JsonSerializerOptions(OpenDataJson.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n", // the same file on every platform
    });

    public static string ToJson(SiteModel site)
    {
        using var json = new MemoryStream();
        Write(site, json);
        return System.Text.Encoding.UTF8.GetString(json.GetBuffer(), 0, (int)json.Length);
    }

    /// <summary>The file's UTF-8 bytes, written straight to <paramref name="output"/>: at 10,000 entries it is 13 MB,
    /// and a string of it (twice the size, then copied to add the last line break) was the build's largest object.</summary>
    public static void Write(SiteModel site, Stream output)
    {
        JsonSerializer.Serialize(output, Document(site), Json.OpenData);
        output.WriteByte((byte)'\n');
    }

    private static OpenData Document(SiteModel site) => new(
        site.Site.Title,
        // The licence of the site's own text and data as site.yml gives it (Markdown), or null where none is claimed.
        site.Site.Licence,
        // Entries and sources are made as they are written, not all held at once.
        site.Entries.Select(EntryData.From),
        site.Evidence.Sources.OrderBy(s => s.Id, StringComparer.Ordinal).Select(SourceData.From),
        [.. site.Evidence.Organisations.OrderBy(o => o.Id, StringComparer.Ordinal).Select(OrganisationData.From)],
        [.. site.ReviewItems.Select(ReviewItemData.From)],
        [.. site.Evidence.Responses.Select(ResponseData.From)],
        [.. site.Registers.Select(RegisterData.From)],
        [.. site.Evidence.Risks.Select(risk => RiskData.From(site, risk))],
        [.. site.Evidence.Matrices.Select(MatrixData.From)],
        [.. site.Evidence.Documents.OrderBy(d => d.Id, StringComparer.Ordinal).Select(DocumentData.From)],
        [.. site.People.Select(PersonData.From)]);

    private sealed record OpenData(
        string Title,
        string? Licence,
        IEnumerable<EntryData> Entries,
        IEnumerable<SourceData> Sources,
        IReadOnlyList<OrganisationData> Organisations,
        IReadOnlyList<ReviewItemData> ReviewItems,
        IReadOnlyList<ResponseData> Responses,
        IReadOnlyList<RegisterData> Registers,
        IReadOnlyList<RiskData> Risks,
        IReadOnlyList<MatrixData> Matrices,
        IReadOnlyList<DocumentData> Documents,
        IReadOnlyList<PersonData> People);

    private sealed record EntryData(
        string Id, string Date, string? Label, string Display, string Earliest, string Latest, string Title, string Body,
        IReadOnlyList<string> Organisations, IReadOnlyList<string> Tags, int? AnnexItem, IReadOnlyList<CitationData> Citations, string Url)
    {
        public static EntryData From(ChronologyEntry entry) => new(
            entry.Id, entry.Date.ToString(), entry.Label, entry.Date.Describe(),
            DisplayDates.Iso(entry.Date.Earliest), DisplayDates.Iso(entry.Date.Latest), entry.Title, PlainText(entry.Body),
            entry.Organisations, entry.Tags, entry.AnnexItem,
            [.. entry.Citations.Select(c => new CitationData(c.SourceId, c.Locator?.ToString(), c.Quote))],
            SiteUrls.Entry(entry.Id));
    }

    private sealed record CitationData(string Source, string? Locator, string? Quote);

    private sealed record SourceData(
        string Id, string Title, string? Publisher, string Type, string? Date, string? Url, IReadOnlyList<string> AlsoAt,
        string? NoUrlReason, string? ArchiveUrl, string? KnownThrough, string? NoDateReason, string? Format, string? Archive,
        IReadOnlyList<string> Organisations)
    {
        public static SourceData From(Source source) => new(
            source.Id, source.Title, source.Publisher, source.Type, source.Date?.ToString(), source.Url, source.AlsoAt,
            source.NoUrlReason, source.ArchiveUrl, source.KnownThrough, source.NoDateReason, Spelling.Of(source.Format), Spelling.Of(source.Archive),
            source.Organisations);
    }

    private sealed record OrganisationData(string Id, string Name, string? ShortName, IReadOnlyList<string> Aliases, string? Description)
    {
        public static OrganisationData From(Organisation organisation) => new(
            organisation.Id, organisation.Name, organisation.ShortName, organisation.Aliases, organisation.Description);
    }

    private sealed record ReviewItemData(
        string Id, string Kind, string? Section, int? Number, string Title, string? Text, string Source, string? Locator,
        IReadOnlyList<string> Entries, IReadOnlyList<string> Sources)
    {
        public static ReviewItemData From(ReviewItem item) => new(
            item.Id, Spelling.Of(item.Kind), item.Section, item.Number, item.Title, item.Text.Quote, item.Text.SourceId, item.Text.Locator?.ToString(),
            item.Entries, item.Sources);
    }

    private sealed record ResponseData(
        string Id, string RespondsTo, string Organisation, string Kind, string Date, string? Label, string? Text, string Source, string? Locator)
    {
        public static ResponseData From(ReviewResponse response) => new(
            response.Id, response.RespondsTo, response.Organisation, Spelling.Of(response.Kind), response.Date.ToString(), response.Label,
            response.Text.Quote, response.Text.SourceId, response.Text.Locator?.ToString());
    }

    private sealed record RegisterData(
        string Id, string Title, string Source, string QuotedFrom, string? Locator, string? Updated, string? UpdatedLabel, string? Owner,
        IReadOnlyList<CategoryData> Categories, string? Matrix, string? AnnotationSource, string? AnnotationLocator, string Summary, string Url)
    {
        public static RegisterData From(RiskRegister register) => new(
            register.Id, register.Title, register.Source.Id, register.QuotedFrom.Id, register.Locator?.ToString(),
            register.Updated?.ToString(), register.UpdatedLabel, register.Owner?.Text,
            [.. register.Categories.Select(c => new CategoryData(c.Prefix, c.Text.Text))],
            register.Matrix?.Id, register.AnnotationSource?.Id, register.AnnotationLocator?.ToString(),
            PlainText(register.Summary), SiteUrls.Register(register.Id));
    }

    private sealed record CategoryData(string Prefix, string Text);

    private sealed record RiskData(
        string Id, string Register, string Reference, int? Row, string Title, string? Identified, string? IdentifiedLabel,
        string Description, string? Cause, string? Affected, int? Probability, int? Impact, int? Rating, RiskBandData? Band,
        IReadOnlyList<string> Mitigations, string? Timeline, string? Status, IReadOnlyList<string> Entries, IReadOnlyList<string> Sources,
        string? Notes, IReadOnlyList<AnnotationData> Annotations, string Url)
    {
        public static RiskData From(SiteModel site, Risk risk) => new(
            risk.Id, risk.Register.Id, risk.Reference, risk.Row, risk.Title, risk.Identified?.ToString(), risk.IdentifiedLabel,
            risk.Description.Text, risk.Cause?.Text, risk.Affected?.Text, risk.Probability, risk.Impact, risk.Rating,
            site.BandOf(risk) is { } band ? new RiskBandData(band.Label, band.Printed) : null,
            [.. risk.Mitigations.Select(m => m.Text)], risk.Timeline, risk.Status,
            [.. risk.Entries.Select(e => e.Id)], [.. risk.Sources.Select(s => s.Id)],
            risk.Notes is null ? null : PlainText(risk.Notes),
            [.. risk.Annotations.Select(a => new AnnotationData(a.Date.ToString(), a.Label,
                [.. a.Owners.Select(o => o.Text)], [.. a.Outcomes.Select(o => o.Text)], [.. a.Documents.Select(d => d.Id)]))],
            SiteUrls.Risk(risk.Id));
    }

    private sealed record RiskBandData(string Label, bool Printed);

    private sealed record AnnotationData(
        string Date, string? Label, IReadOnlyList<string> Owners, IReadOnlyList<string> Outcomes, IReadOnlyList<string> Documents);

    private sealed record MatrixData(
        string Id, string Title, string QuotedFrom, string? Locator, IReadOnlyList<ScaleLevelData> Probability,
        IReadOnlyList<ScaleLevelData> Impact, IReadOnlyList<BandData> Bands, string? Notes)
    {
        public static MatrixData From(RiskMatrix matrix) => new(
            matrix.Id, matrix.Title, matrix.QuotedFrom.Id, matrix.Locator?.ToString(), Scale(matrix.Probability), Scale(matrix.Impact),
            [.. matrix.Bands.Select(b => new BandData(b.Label, b.Printed, b.Ratings))],
            matrix.Notes is null ? null : PlainText(matrix.Notes));

        private static IReadOnlyList<ScaleLevelData> Scale(IReadOnlyList<ScaleLevel> levels) =>
            [.. levels.Select(l => new ScaleLevelData(l.Score, l.Label))];
    }

    private sealed record ScaleLevelData(int Score, string Label);

    private sealed record BandData(string Label, bool Printed, IReadOnlyList<int> Ratings);

    private sealed record DocumentData(
        string Id, string Title, string Source, string QuotedFrom, string? Locator, string? Date, string? DateLabel,
        IReadOnlyList<string> Entries, string Summary, IReadOnlyList<SectionData> Sections, IReadOnlyList<FigureData> Figures,
        string? Notes, string Url)
    {
        public static DocumentData From(ProgrammeDocument document) => new(
            document.Id, document.Title, document.Source.Id, document.QuotedFrom.Id, document.Locator?.ToString(),
            document.Date?.ToString(), document.DateLabel, [.. document.Entries.Select(e => e.Id)], PlainText(document.Summary),
            [.. document.Sections.Select(s => new SectionData(s.Heading, Spelling.Of(s.Kind),
                [.. s.Items.Select(i => new SectionItemData(i.Number, i.Title, i.Text.Text, Spelling.Of(i.Group), i.Source?.Id))]))],
            [.. document.Figures.Select(f => new FigureData(f.Name, f.Value, f.Number, f.Unit, f.Quote.Text, f.Note))],
            document.Notes is null ? null : PlainText(document.Notes), SiteUrls.Document(document.Id));
    }

    private sealed record SectionData(string? Heading, string? Kind, IReadOnlyList<SectionItemData> Items);

    private sealed record SectionItemData(string? Number, string? Title, string Text, string? Group, string? Source);

    private sealed record FigureData(string Name, string Value, decimal? Number, string? Unit, string Quote, string? Note);

    private sealed record PersonData(string Id, string Name, IReadOnlyList<RoleData> Roles, IReadOnlyList<string> Entries, string Url)
    {
        public static PersonData From(Person person) => new(
            person.Id, person.Name,
            [.. person.Roles.Select(r => new RoleData(r.Role, r.Quote.Text, r.Organisation?.Id, r.Source.Id, r.Locator?.ToString()))],
            [.. person.Entries.Select(e => e.Id)], SiteUrls.Person(person.Id));
    }

    private sealed record RoleData(string Role, string Quote, string? Organisation, string Source, string? Locator);

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
    [JsonSerializable(typeof(OpenData))]
    private sealed partial class OpenDataJson : JsonSerializerContext;

    internal static string PlainText(string markdown) =>
        string.Join(' ', ContentMarkdown.ToPlainText(markdown).Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
