using Chronology.Diagnostics;
using Chronology.Model;

namespace Chronology.Loading;

/// <summary>content/review/&lt;id&gt;.yml and content/responses/&lt;id&gt;.yml.</summary>
internal static class ReviewReader
{
    // The allowed keys are internal so that SchemaTests can hold docs/schemas/ to them: change both together.
    internal static readonly string[] ItemKeys = ["kind", "section", "number", "title", "text", "source", "locator", "entries", "sources"];
    internal static readonly string[] ResponseKeys = ["respondsTo", "organisation", "kind", "date", "label", "text", "source", "locator"];

    public static ReviewItem? ReadItem(string id, string text, string file, DiagnosticBag diagnostics, ContentVocabulary? vocabulary = null)
    {
        if (FieldReader.OfYamlFile(text, file, diagnostics, ItemKeys) is not { } fields) return null;
        var kind = fields.Word<ReviewItemKind>("kind", "kind", required: true);
        var section = fields.Text("section");
        var number = fields.Integer("number", 1, 999);
        var title = fields.Text("title", required: true);
        var quote = Quote(fields, vocabulary);
        var entries = fields.TextList("entries");
        var sources = fields.TextList("sources");
        if (kind is null || title is null || quote is null) return null;
        return new ReviewItem(id, kind.Value, section, number, title, quote,
            [.. entries.Select(e => e.Value)], [.. sources.Select(s => s.Value)], fields.Location)
        {
            EntryLocations = [.. entries.Select(e => e.Location)],
            SourceLocations = [.. sources.Select(s => s.Location)],
        };
    }

    public static ReviewResponse? ReadResponse(string id, string text, string file, DiagnosticBag diagnostics, ContentVocabulary? vocabulary = null)
    {
        if (FieldReader.OfYamlFile(text, file, diagnostics, ResponseKeys) is not { } fields) return null;
        var respondsTo = fields.Text("respondsTo", required: true);
        var organisation = fields.Text("organisation", required: true);
        var kind = fields.Word<ResponseKind>("kind", "kind", required: true);
        var date = ValueReaders.Date(fields, "date", required: true);
        var label = fields.Text("label");
        var quote = Quote(fields, vocabulary);
        if (respondsTo is null || organisation is null || kind is null || date is null || quote is null) return null;
        return new ReviewResponse(id, respondsTo, organisation, kind.Value, date, label ?? date.Describe(), quote, fields.Location)
        {
            RespondsToLocation = fields.LocationOf("respondsTo"),
            OrganisationLocation = fields.LocationOf("organisation"),
        };
    }

    /// <summary>The item's words, as a citation of the document they are quoted from.</summary>
    private static Citation? Quote(FieldReader fields, ContentVocabulary? vocabulary = null)
    {
        var text = fields.Text("text", required: true);
        var source = fields.Text("source", required: true);
        var locator = ValueReaders.Locator(fields, "locator", vocabulary);
        if (text is null || source is null) return null;
        return new Citation(source, locator, ValueReaders.CollapseWhitespace(text), fields.Location)
        {
            SourceLocation = fields.LocationOf("source"),
            QuoteLocation = fields.LocationOf("text"),
        };
    }
}
