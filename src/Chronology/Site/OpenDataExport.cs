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
            // The licence of the site's own text and data as site.yml gives it (Markdown), or null where none is claimed.
            json.WriteString("licence", site.Site.Licence);
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
            json.WriteStartArray("registers");
            foreach (var register in site.Registers) WriteRegister(json, register);
            json.WriteEndArray();
            json.WriteStartArray("risks");
            foreach (var risk in site.Evidence.Risks) WriteRisk(json, site, risk);
            json.WriteEndArray();
            json.WriteStartArray("matrices");
            foreach (var matrix in site.Evidence.Matrices) WriteMatrix(json, matrix);
            json.WriteEndArray();
            json.WriteStartArray("documents");
            foreach (var document in site.Evidence.Documents.OrderBy(d => d.Id, StringComparer.Ordinal)) WriteDocument(json, document);
            json.WriteEndArray();
            json.WriteStartArray("people");
            foreach (var person in site.People) WritePerson(json, person);
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
        json.WriteString("display", entry.Date.Describe());
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
        json.WriteString("noDateReason", source.NoDateReason);
        json.WriteString("format", Spelling.Of(source.Format));
        json.WriteString("archive", Spelling.Of(source.Archive));
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
        json.WriteString("kind", Spelling.Of(item.Kind));
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
        json.WriteString("kind", Spelling.Of(response.Kind));
        json.WriteString("date", response.Date.ToString());
        json.WriteString("label", response.Label);
        WriteQuotation(json, response.Text);
        json.WriteEndObject();
    }

    private static void WriteRegister(Utf8JsonWriter json, RiskRegister register)
    {
        json.WriteStartObject();
        json.WriteString("id", register.Id);
        json.WriteString("title", register.Title);
        json.WriteString("source", register.Source.Id);
        json.WriteString("quotedFrom", register.QuotedFrom.Id);
        json.WriteString("locator", register.Locator?.ToString());
        json.WriteString("updated", register.Updated?.ToString());
        json.WriteString("updatedLabel", register.UpdatedLabel);
        json.WriteString("owner", register.Owner?.Text);
        json.WriteStartArray("categories");
        foreach (var category in register.Categories)
        {
            json.WriteStartObject();
            json.WriteString("prefix", category.Prefix);
            json.WriteString("text", category.Text.Text);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("matrix", register.Matrix?.Id);
        json.WriteString("annotationSource", register.AnnotationSource?.Id);
        json.WriteString("annotationLocator", register.AnnotationLocator?.ToString());
        json.WriteString("summary", PlainText(register.Summary));
        json.WriteString("url", SiteUrls.Register(register.Id));
        json.WriteEndObject();
    }

    private static void WriteRisk(Utf8JsonWriter json, SiteModel site, Risk risk)
    {
        json.WriteStartObject();
        json.WriteString("id", risk.Id);
        json.WriteString("register", risk.Register.Id);
        json.WriteString("reference", risk.Reference);
        Number(json, "row", risk.Row);
        json.WriteString("title", risk.Title);
        json.WriteString("identified", risk.Identified?.ToString());
        json.WriteString("identifiedLabel", risk.IdentifiedLabel);
        json.WriteString("description", risk.Description.Text);
        json.WriteString("cause", risk.Cause?.Text);
        json.WriteString("affected", risk.Affected?.Text);
        Number(json, "probability", risk.Probability);
        Number(json, "impact", risk.Impact);
        Number(json, "rating", risk.Rating);
        if (site.BandOf(risk) is { } band)
        {
            json.WriteStartObject("band");
            json.WriteString("label", band.Label);
            json.WriteBoolean("printed", band.Printed);
            json.WriteEndObject();
        }
        else json.WriteNull("band");
        Strings(json, "mitigations", risk.Mitigations.Select(m => m.Text));
        json.WriteString("timeline", risk.Timeline);
        json.WriteString("status", risk.Status);
        Strings(json, "entries", risk.Entries.Select(e => e.Id));
        Strings(json, "sources", risk.Sources.Select(s => s.Id));
        json.WriteString("notes", risk.Notes is null ? null : PlainText(risk.Notes));
        json.WriteStartArray("annotations");
        foreach (var annotation in risk.Annotations)
        {
            json.WriteStartObject();
            json.WriteString("date", annotation.Date.ToString());
            json.WriteString("label", annotation.Label);
            Strings(json, "owners", annotation.Owners.Select(o => o.Text));
            Strings(json, "outcomes", annotation.Outcomes.Select(o => o.Text));
            Strings(json, "documents", annotation.Documents.Select(d => d.Id));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("url", SiteUrls.Risk(risk.Id));
        json.WriteEndObject();
    }

    private static void WriteMatrix(Utf8JsonWriter json, RiskMatrix matrix)
    {
        json.WriteStartObject();
        json.WriteString("id", matrix.Id);
        json.WriteString("title", matrix.Title);
        json.WriteString("quotedFrom", matrix.QuotedFrom.Id);
        json.WriteString("locator", matrix.Locator?.ToString());
        Scale(json, "probability", matrix.Probability);
        Scale(json, "impact", matrix.Impact);
        json.WriteStartArray("bands");
        foreach (var band in matrix.Bands)
        {
            json.WriteStartObject();
            json.WriteString("label", band.Label);
            json.WriteBoolean("printed", band.Printed);
            json.WriteStartArray("ratings");
            foreach (var rating in band.Ratings) json.WriteNumberValue(rating);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("notes", matrix.Notes is null ? null : PlainText(matrix.Notes));
        json.WriteEndObject();

        static void Scale(Utf8JsonWriter json, string name, IReadOnlyList<ScaleLevel> levels)
        {
            json.WriteStartArray(name);
            foreach (var level in levels)
            {
                json.WriteStartObject();
                json.WriteNumber("score", level.Score);
                json.WriteString("label", level.Label);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
    }

    private static void WriteDocument(Utf8JsonWriter json, ProgrammeDocument document)
    {
        json.WriteStartObject();
        json.WriteString("id", document.Id);
        json.WriteString("title", document.Title);
        json.WriteString("source", document.Source.Id);
        json.WriteString("quotedFrom", document.QuotedFrom.Id);
        json.WriteString("locator", document.Locator?.ToString());
        json.WriteString("date", document.Date?.ToString());
        json.WriteString("dateLabel", document.DateLabel);
        Strings(json, "entries", document.Entries.Select(e => e.Id));
        json.WriteString("summary", PlainText(document.Summary));
        json.WriteStartArray("sections");
        foreach (var section in document.Sections)
        {
            json.WriteStartObject();
            json.WriteString("heading", section.Heading);
            json.WriteString("kind", Spelling.Of(section.Kind));
            json.WriteStartArray("items");
            foreach (var item in section.Items)
            {
                json.WriteStartObject();
                json.WriteString("number", item.Number);
                json.WriteString("title", item.Title);
                json.WriteString("text", item.Text.Text);
                json.WriteString("group", Spelling.Of(item.Group));
                json.WriteString("source", item.Source?.Id);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("figures");
        foreach (var figure in document.Figures)
        {
            json.WriteStartObject();
            json.WriteString("name", figure.Name);
            json.WriteString("value", figure.Value);
            if (figure.Number is { } number) json.WriteNumber("number", number);
            else json.WriteNull("number");
            json.WriteString("unit", figure.Unit);
            json.WriteString("quote", figure.Quote.Text);
            json.WriteString("note", figure.Note);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("notes", document.Notes is null ? null : PlainText(document.Notes));
        json.WriteString("url", SiteUrls.Document(document.Id));
        json.WriteEndObject();
    }

    private static void WritePerson(Utf8JsonWriter json, Person person)
    {
        json.WriteStartObject();
        json.WriteString("id", person.Id);
        json.WriteString("name", person.Name);
        json.WriteStartArray("roles");
        foreach (var role in person.Roles)
        {
            json.WriteStartObject();
            json.WriteString("role", role.Role);
            json.WriteString("quote", role.Quote.Text);
            json.WriteString("organisation", role.Organisation?.Id);
            json.WriteString("source", role.Source.Id);
            json.WriteString("locator", role.Locator?.ToString());
            json.WriteEndObject();
        }
        json.WriteEndArray();
        Strings(json, "entries", person.Entries.Select(e => e.Id));
        json.WriteString("url", SiteUrls.Person(person.Id));
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number) json.WriteNumber(name, number);
        else json.WriteNull(name);
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
