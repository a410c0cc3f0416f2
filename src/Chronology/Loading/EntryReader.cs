using Chronology.Diagnostics;
using Chronology.Model;

namespace Chronology.Loading;

internal static class EntryReader
{
    // The allowed keys are internal so that SchemaTests can hold docs/schemas/ to them: change both together.
    internal static readonly string[] Keys = ["date", "label", "title", "annex", "organisations", "tags", "citations"];
    internal static readonly string[] CitationKeys = ["source", "locator", "quote"];

    /// <summary>
    /// The start of the paragraph that <c>new entry</c> writes for the maintainer to replace: instructions, never to be
    /// published as what a document says (CHR114).
    /// </summary>
    public const string TemplateBody = "Replace this paragraph with what the document says";

    public static ChronologyEntry? Read(string id, string text, string file, DiagnosticBag diagnostics, ContentVocabulary? vocabulary = null)
    {
        if (FrontMatter.Read(text, file, diagnostics,
                "an entry must start with a line '---', its YAML fields, and a closing line '---'") is not ({ } frontMatter, { } mapping)) return null;

        var fields = new FieldReader(mapping, file, diagnostics, Keys);
        var date = ValueReaders.Date(fields, "date", required: true);
        var title = fields.Text("title", required: true);
        var label = fields.Text("label");
        var annex = fields.Integer("annex", 1, 999);
        var organisations = fields.TextList("organisations");
        var tags = ValueReaders.Tags(fields, "tags");
        var citations = new List<Citation>();
        foreach (var item in fields.MappingList("citations", required: true))
        {
            var citation = ReadCitation(item, file, diagnostics, vocabulary);
            if (citation is not null) citations.Add(citation);
        }
        if (frontMatter.Body.Trim().Length == 0)
            diagnostics.Error(DiagnosticCodes.MissingField, file, frontMatter.BodyLine, 1, "the entry has no body text after its front matter");
        if (frontMatter.Body.IndexOf(TemplateBody, StringComparison.Ordinal) is var template and >= 0)
        {
            var before = frontMatter.Body[..template];
            var line = before.Count(c => c == '\n');
            diagnostics.Error(DiagnosticCodes.TemplateText, file, frontMatter.BodyLine + line, template - (before.LastIndexOf('\n') + 1) + 1,
                "the entry's text is still the paragraph 'new entry' wrote: replace it with what the document says, attributed to it");
        }

        // An entry whose date or title could not be read (the error is reported there) is still read for the rest, so
        // that its organisations, citations and quotations are checked in the same run; the build stops at the error,
        // so the stand-ins are never shown (Unread, and SiteModel refuses such an entry).
        return new ChronologyEntry(
            id, date ?? ValueReaders.UnreadDate, label ?? date?.Describe() ?? "", title ?? "", frontMatter.Body, annex,
            [.. organisations.Select(o => o.Value)], tags, citations, fields.Location)
        {
            Unread = date is null || title is null,
            OrganisationLocations = [.. organisations.Select(o => o.Location)],
            BodyLine = frontMatter.BodyLine,
            LabelLocation = fields.LocationOf("label"),
            DateLocation = fields.LocationOf("date"),
            AnnexLocation = fields.LocationOf("annex"),
        };
    }

    private static Citation? ReadCitation(YamlMapping mapping, string file, DiagnosticBag diagnostics, ContentVocabulary? vocabulary = null)
    {
        var fields = new FieldReader(mapping, file, diagnostics, CitationKeys);
        var source = fields.Text("source", required: true);
        var locator = ValueReaders.Locator(fields, "locator", vocabulary);
        if (fields.Has("quote") && fields.Text("quote") is null)
            fields.Invalid("quote", "the quotation is empty: give the document's exact words, or leave 'quote' out");
        var quote = fields.Text("quote");
        if (source is null) return null;
        return new Citation(source, locator, quote is null ? null : ValueReaders.CollapseWhitespace(quote), fields.Location)
        {
            SourceLocation = fields.LocationOf("source"),
            QuoteLocation = fields.LocationOf("quote"),
        };
    }
}
