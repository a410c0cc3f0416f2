using Chronology.Diagnostics;
using Chronology.Model;

namespace Chronology.Loading;

internal static class SourceReader
{
    private static readonly string[] Keys =
    [
        "title", "publisher", "type", "date", "url", "alsoAt", "noUrlReason", "accessed", "archiveUrl", "pages",
        "knownThrough", "seed", "organisations", "notes",
    ];

    public static Source? Read(string id, string text, string file, DiagnosticBag diagnostics)
    {
        var mapping = YamlDocumentReader.ReadMapping(text, file, 0, diagnostics);
        if (mapping is null) return null;
        var fields = new FieldReader(mapping, file, diagnostics, Keys);

        var title = fields.Text("title", required: true);
        var publisher = fields.Text("publisher", required: true);
        var type = fields.Text("type", required: true);
        if (type is not null && !Source.Types.Contains(type))
        {
            fields.Invalid("type", $"unknown source type '{type}' (one of: {string.Join(", ", Source.Types)})");
            type = null;
        }
        var date = ValueReaders.Date(fields, "date", required: false);
        var url = ValueReaders.Url(fields, "url");
        var alsoAt = fields.TextList("alsoAt").Where(u => ValueReaders.CheckUrl(fields, "alsoAt", u.Value)).Select(u => u.Value).ToList();
        var noUrlReason = fields.Text("noUrlReason");
        if (!fields.Has("url") && noUrlReason is null)
            fields.Error(DiagnosticCodes.MissingUrlReason, "title",
                "the source has no 'url'; give the seed's URL or say why there is none in 'noUrlReason'");
        if (fields.Has("url") && noUrlReason is not null)
            fields.Invalid("noUrlReason", "'noUrlReason' is only for sources without a 'url'");
        var accessed = ValueReaders.Day(fields, "accessed");
        var archiveUrl = ValueReaders.Url(fields, "archiveUrl");
        var pages = fields.Integer("pages", 1, 100_000);
        var knownThrough = fields.Text("knownThrough");
        var seed = fields.Text("seed");
        var organisations = fields.TextList("organisations");
        var notes = fields.Text("notes");

        if (title is null || publisher is null || type is null) return null;
        return new Source(id, title, publisher, type, date, url, alsoAt, noUrlReason, accessed, archiveUrl, pages,
            knownThrough, seed, [.. organisations.Select(o => o.Value)], notes, fields.Location)
        {
            OrganisationLocations = [.. organisations.Select(o => o.Location)],
            KnownThroughLocation = fields.LocationOf("knownThrough"),
        };
    }
}
