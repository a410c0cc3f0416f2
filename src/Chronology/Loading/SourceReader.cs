using Chronology.Diagnostics;
using Chronology.Model;

namespace Chronology.Loading;

internal static class SourceReader
{
    // The allowed keys are internal so that SchemaTests can hold docs/schemas/ to them: change both together.
    internal static readonly string[] Keys =
    [
        "title", "publisher", "type", "date", "url", "alsoAt", "noUrlReason", "accessed", "archiveUrl", "pages",
        "knownThrough", "format", "archive", "organisations", "notes", "noDateReason",
    ];

    public static Source? Read(string id, string text, string file, DiagnosticBag diagnostics, ContentVocabulary? vocabulary = null)
    {
        if (FieldReader.OfYamlFile(text, file, diagnostics, Keys) is not { } fields) return null;

        var title = fields.Text("title", required: true);
        var publisher = fields.Text("publisher");
        var type = fields.Text("type", required: true);
        var types = (vocabulary ?? ContentVocabulary.Default).SourceTypes;
        if (type is not null && !types.Contains(type))
        {
            var close = Suggestions.Closest(type, types);
            fields.Invalid("type", $"unknown source type '{DiagnosticText.Printable(type)}'" + (close is null ? "" : $"; did you mean '{close}'?")
                + $" (one of: {string.Join(", ", types)}; a site adds its own in site.yml's sourceTypes)");
            type = null;
        }
        var date = ValueReaders.Date(fields, "date", required: false);
        var noDateReason = fields.Text("noDateReason");
        if (noDateReason is not null && fields.Has("date"))
            fields.Invalid("noDateReason", "'noDateReason' is only for sources without a 'date'");
        var url = ValueReaders.Url(fields, "url");
        var alsoAt = fields.TextList("alsoAt").Where(u => ValueReaders.CheckUrl(fields, "alsoAt", u.Value)).Select(u => u.Value).ToList();
        var noUrlReason = fields.Text("noUrlReason");
        if (!fields.Has("url") && noUrlReason is null)
            fields.Error(DiagnosticCodes.MissingUrlReason, "title",
                "the source has no 'url'; give the URL exactly as a document gives it, or say why there is none in 'noUrlReason'");
        if (fields.Has("url") && noUrlReason is not null)
            fields.Invalid("noUrlReason", "'noUrlReason' is only for sources without a 'url'");
        var accessed = ValueReaders.Day(fields, "accessed");
        var archiveUrl = ValueReaders.Url(fields, "archiveUrl");
        var pages = fields.Integer("pages", 1, 100_000);
        var knownThrough = fields.Text("knownThrough");
        var formatWord = fields.Text("format");
        var format = fields.Word<SourceFormat>("format", formatWord, "format");
        if (formatWord is null && url is not null)
            fields.Error(DiagnosticCodes.MissingField, "url",
                $"the source has a 'url' but no 'format': say what the document at that address is ({string.Join(", ", Source.Formats)}), so that citations open it at the cited place");
        var archive = fields.Word<ArchiveScope>("archive", "archive scope",
            hint: "; 'full' only where the document's terms allow its whole text to be republished") ?? ArchiveScope.Passages;
        var organisations = fields.TextList("organisations");
        var notes = fields.Text("notes");

        // A source whose title or type could not be read (the error is reported there; an unknown type is the usual
        // slip) is still read for the rest, so that its organisations, and every quotation entries cite from it, are
        // checked in the same run; the build stops at the error, and SiteModel refuses such a source.
        return new Source
        {
            Unread = title is null || type is null,
            Id = id,
            Title = title ?? "",
            Publisher = publisher,
            Type = type ?? "",
            Date = date,
            Url = url,
            AlsoAt = alsoAt,
            NoUrlReason = noUrlReason,
            Accessed = accessed,
            ArchiveUrl = archiveUrl,
            Pages = pages,
            KnownThrough = knownThrough,
            Format = format,
            Organisations = [.. organisations.Select(o => o.Value)],
            Notes = notes,
            Location = fields.Location,
            OrganisationLocations = [.. organisations.Select(o => o.Location)],
            KnownThroughLocation = fields.LocationOf("knownThrough"),
            TypeLocation = fields.LocationOf("type"),
            ArchiveUrlLocation = fields.Has("archiveUrl") ? fields.LocationOf("archiveUrl") : null,
            Archive = archive,
            NoDateReason = noDateReason,
        };
    }
}
