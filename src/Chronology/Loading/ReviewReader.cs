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
        var (quote, quoteRead) = Quote(fields, vocabulary);
        var entries = fields.TextList("entries");
        var sources = fields.TextList("sources");
        // What the kind asks for is checked here, where the kind is known (a stand-in kind asks for nothing).
        if (kind == ReviewItemKind.Conclusion && section is null)
            diagnostics.Error(DiagnosticCodes.MissingField, fields.Location, "a conclusion needs its 'section' (e.g. 4.1)");
        if (kind == ReviewItemKind.Recommendation && number is null)
            diagnostics.Error(DiagnosticCodes.MissingField, fields.Location, "a recommendation needs its 'number' (its row in the review's table)");
        // Still read when a required field could not be (the error is reported there), so that what it names, its
        // quotation and the responses to it are checked in the same run; SiteModel refuses it.
        return new ReviewItem(id, kind ?? ReviewItemKind.Conclusion, section, number, title ?? "", quote,
            [.. entries.Select(e => e.Value)], [.. sources.Select(s => s.Value)], fields.Location)
        {
            EntryLocations = [.. entries.Select(e => e.Location)],
            SourceLocations = [.. sources.Select(s => s.Location)],
            Unread = kind is null || title is null || !quoteRead,
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
        var (quote, quoteRead) = Quote(fields, vocabulary);
        // Still read when a required field could not be, as a review item is; an empty id stands for a reference
        // that could not be read, and is not checked again.
        return new ReviewResponse(id, respondsTo ?? "", organisation ?? "", kind ?? default, date ?? ValueReaders.UnreadDate,
            label ?? date?.Describe() ?? "", quote, fields.Location)
        {
            RespondsToLocation = fields.LocationOf("respondsTo"),
            OrganisationLocation = fields.LocationOf("organisation"),
            Unread = respondsTo is null || organisation is null || kind is null || date is null || !quoteRead,
        };
    }

    /// <summary>
    /// The item's words, as a citation of the document they are quoted from, and whether both could be read: where
    /// either could not, the citation has no quotation to verify, or an empty source id that is not checked again.
    /// </summary>
    private static (Citation Quote, bool Read) Quote(FieldReader fields, ContentVocabulary? vocabulary = null)
    {
        var text = fields.Text("text", required: true);
        var source = fields.Text("source", required: true);
        var locator = ValueReaders.Locator(fields, "locator", vocabulary);
        var quote = new Citation(source ?? "", locator, text is null ? null : ValueReaders.CollapseWhitespace(text), fields.Location)
        {
            SourceLocation = fields.LocationOf("source"),
            QuoteLocation = fields.LocationOf("text"),
        };
        return (quote, text is not null && source is not null);
    }
}
