using Chronology.Diagnostics;
using Chronology.Model;

namespace Chronology.Loading;

/// <summary>content/documents/&lt;id&gt;.md and content/people/&lt;id&gt;.yml.</summary>
internal static class DocumentReader
{
    // The allowed keys are internal so that SchemaTests can hold docs/schemas/ to them: change both together.
    internal static readonly string[] DocumentKeys =
        ["title", "source", "quotedFrom", "locator", "date", "dateLabel", "entries", "sections", "figures", "notes"];
    internal static readonly string[] SectionKeys = ["heading", "kind", "items"];
    internal static readonly string[] ItemKeys = ["number", "title", "text", "group", "source"];
    internal static readonly string[] FigureKeys = ["name", "value", "number", "unit", "quote", "note"];
    internal static readonly string[] PersonKeys = ["name", "roles", "entries"];
    internal static readonly string[] RoleKeys = ["quote", "role", "organisation", "source", "locator"];

    public static ProgrammeDocument? ReadDocument(string id, string text, string file, DiagnosticBag diagnostics, ContentVocabulary? vocabulary = null)
    {
        if (FrontMatter.Read(text, file, diagnostics,
                "a document page must start with a line '---', its YAML fields, and a closing line '---', then its summary") is not ({ } frontMatter, { } mapping)) return null;
        var fields = new FieldReader(mapping, file, diagnostics, DocumentKeys);
        var title = fields.Text("title", required: true);
        var source = fields.Ref("source", required: true);
        var quotedFrom = fields.Ref("quotedFrom") ?? source;
        var locator = ValueReaders.Locator(fields, "locator", vocabulary);
        var date = ValueReaders.Date(fields, "date", required: false);
        var dateLabel = fields.Text("dateLabel");
        var entries = fields.RefList("entries");
        var sections = new List<DocumentSection>();
        foreach (var item in fields.MappingList("sections", required: false))
        {
            if (ReadSection(item, file, diagnostics) is { } section) sections.Add(section);
        }
        var figures = new List<DocumentFigure>();
        foreach (var item in fields.MappingList("figures", required: false))
        {
            if (ReadFigure(item, file, diagnostics) is { } figure) figures.Add(figure);
        }
        var notes = fields.Text("notes");
        if (frontMatter.Body.Trim().Length == 0)
            diagnostics.Error(DiagnosticCodes.MissingField, file, frontMatter.BodyLine, 1, "the document page has no summary after its front matter");
        // Still read when a required field could not be (the error is reported there), so that what it names and
        // what it quotes are checked in the same run; SiteModel refuses it.
        return new ProgrammeDocument(id, title ?? "", source ?? ValueReaders.UnreadRef(fields), quotedFrom ?? ValueReaders.UnreadRef(fields),
            locator, date, dateLabel, entries, sections, figures, notes, frontMatter.Body, fields.Location)
        {
            SummaryLine = frontMatter.BodyLine,
            DateLocation = fields.LocationOf("date"),
            Unread = title is null || source is null,
        };
    }

    private static DocumentSection? ReadSection(YamlMapping mapping, string file, DiagnosticBag diagnostics)
    {
        var fields = new FieldReader(mapping, file, diagnostics, SectionKeys);
        var heading = fields.Text("heading", required: true);
        var kind = fields.Word<SectionKind>("kind", "section kind", required: true);
        var items = new List<DocumentItem>();
        foreach (var item in fields.MappingList("items", required: true))
        {
            var itemFields = new FieldReader(item, file, diagnostics, ItemKeys);
            var number = itemFields.Text("number");
            var title = itemFields.Text("title");
            var text = itemFields.Quoted("text", required: true);
            var group = itemFields.Word<ItemGroup>("group", "group");
            if (group is not null && kind is not null && kind != SectionKind.Checklist)
                itemFields.Invalid("group", "only checklist items have a 'group'");
            var source = itemFields.Ref("source");
            if (text is not null) items.Add(new DocumentItem(number, title, text, group, source, itemFields.Location));
        }
        return heading is null || kind is null ? null : new DocumentSection(heading, kind.Value, items, fields.Location);
    }

    private static DocumentFigure? ReadFigure(YamlMapping mapping, string file, DiagnosticBag diagnostics)
    {
        var fields = new FieldReader(mapping, file, diagnostics, FigureKeys);
        var name = fields.Text("name", required: true);
        var value = fields.Text("value", required: true);
        var number = fields.Decimal("number");
        var unit = fields.Text("unit");
        if (unit is not null && !DocumentFigure.Units.Contains(unit))
        {
            fields.Invalid("unit", $"unknown unit '{unit}' (one of: {string.Join(", ", DocumentFigure.Units)})");
            unit = null;
        }
        var quote = fields.Quoted("quote", required: true);
        var note = fields.Text("note");
        if (name is null || value is null || quote is null) return null;
        return new DocumentFigure(name, value, number, unit, quote, note, fields.Location)
        {
            ValueLocation = fields.LocationOf("value"),
            NumberLocation = fields.LocationOf("number"),
        };
    }

    public static Person? ReadPerson(string id, string text, string file, DiagnosticBag diagnostics, ContentVocabulary? vocabulary = null)
    {
        if (FieldReader.OfYamlFile(text, file, diagnostics, PersonKeys) is not { } fields) return null;
        var name = fields.Text("name", required: true);
        var roles = new List<PersonRole>();
        foreach (var item in fields.MappingList("roles", required: true))
        {
            var role = new FieldReader(item, file, diagnostics, RoleKeys);
            var quote = role.Quoted("quote", required: true);
            var words = role.Text("role", required: true);
            var organisation = role.Ref("organisation");
            var source = role.Ref("source", required: true);
            var locator = ValueReaders.Locator(role, "locator", vocabulary);
            if (quote is not null && words is not null && source is not null)
                roles.Add(new PersonRole(quote, words, organisation, source, locator, role.Location));
        }
        var entries = fields.RefList("entries");
        // Still read without a name (the error is reported there), so that its roles' quotations are checked.
        return new Person(id, name ?? "", roles, entries, fields.Location) { Unread = name is null };
    }
}
