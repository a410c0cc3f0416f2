using Chronology.Diagnostics;
using Chronology.Model;

namespace Chronology.Loading;

/// <summary>content/registers/&lt;id&gt;.md, content/risks/&lt;id&gt;.yml and content/matrices/&lt;id&gt;.yml.</summary>
internal static class RegisterReader
{
    // The allowed keys are internal so that SchemaTests can hold docs/schemas/ to them: change both together.
    internal static readonly string[] RegisterKeys =
        ["title", "source", "quotedFrom", "locator", "updated", "updatedLabel", "owner", "categories", "matrix", "annotationSource", "annotationLocator"];
    internal static readonly string[] CategoryKeys = ["prefix", "text"];
    internal static readonly string[] RiskKeys =
        ["register", "row", "reference", "title", "identified", "identifiedLabel", "description", "cause", "affected",
         "probability", "impact", "rating", "mitigations", "timeline", "status", "entries", "sources", "notes", "annotations"];
    internal static readonly string[] AnnotationKeys = ["date", "label", "owners", "outcomes", "documents"];
    internal static readonly string[] MatrixKeys = ["title", "quotedFrom", "locator", "probability", "impact", "bands", "notes"];
    internal static readonly string[] LevelKeys = ["score", "label"];
    internal static readonly string[] BandKeys = ["label", "printed", "ratings"];

    public static RiskRegister? ReadRegister(string id, string text, string file, DiagnosticBag diagnostics, ContentVocabulary? vocabulary = null)
    {
        if (FrontMatter.Read(text, file, diagnostics,
                "a register must start with a line '---', its YAML fields, and a closing line '---', then a short summary") is not ({ } frontMatter, { } mapping)) return null;
        var fields = new FieldReader(mapping, file, diagnostics, RegisterKeys);
        var title = fields.Text("title", required: true);
        var source = fields.Ref("source", required: true);
        var quotedFrom = fields.Ref("quotedFrom", required: true);
        var locator = ValueReaders.Locator(fields, "locator", vocabulary);
        var updated = ValueReaders.Date(fields, "updated", required: false);
        var updatedLabel = fields.Text("updatedLabel");
        var owner = fields.Quoted("owner");
        var categories = new List<RiskCategory>();
        foreach (var item in fields.MappingList("categories", required: false))
        {
            var category = new FieldReader(item, file, diagnostics, CategoryKeys);
            var prefix = category.Text("prefix", required: true);
            var words = category.Quoted("text", required: true);
            if (prefix is not null && words is not null) categories.Add(new RiskCategory(prefix, words));
        }
        var matrix = fields.Ref("matrix");
        var annotationSource = fields.Ref("annotationSource");
        var annotationLocator = ValueReaders.Locator(fields, "annotationLocator", vocabulary);
        // Still read when a required field could not be (the error is reported there), so that its risks, what it
        // names and what it quotes are checked in the same run; SiteModel refuses it.
        return new RiskRegister(id, title ?? "", source ?? ValueReaders.UnreadRef(fields), quotedFrom ?? ValueReaders.UnreadRef(fields), locator, updated, updatedLabel, owner, categories,
            matrix, annotationSource, annotationLocator, frontMatter.Body, fields.Location)
        {
            SummaryLine = frontMatter.BodyLine,
            Unread = title is null || source is null || quotedFrom is null,
        };
    }

    public static Risk? ReadRisk(string id, string text, string file, DiagnosticBag diagnostics)
    {
        if (FieldReader.OfYamlFile(text, file, diagnostics, RiskKeys) is not { } fields) return null;
        var register = fields.Ref("register", required: true);
        var row = fields.Integer("row", 1, 999);
        var reference = fields.Text("reference", required: true);
        var title = fields.Text("title", required: true);
        var identified = ValueReaders.Date(fields, "identified", required: false);
        var identifiedLabel = fields.Text("identifiedLabel");
        var description = fields.Quoted("description", required: true);
        var cause = fields.Quoted("cause");
        var affected = fields.Quoted("affected");
        var probability = fields.Integer("probability", 0, 99);
        var impact = fields.Integer("impact", 0, 99);
        var rating = fields.Integer("rating", 0, 9999);
        var mitigations = fields.QuotedList("mitigations");
        var timeline = fields.Text("timeline");
        var status = fields.Text("status");
        var entries = fields.RefList("entries");
        var sources = fields.RefList("sources");
        var notes = fields.Text("notes");
        var annotations = new List<RiskAnnotation>();
        foreach (var item in fields.MappingList("annotations", required: false))
        {
            var annotation = new FieldReader(item, file, diagnostics, AnnotationKeys);
            var date = ValueReaders.Date(annotation, "date", required: true);
            var label = annotation.Text("label");
            var owners = annotation.QuotedList("owners");
            var outcomes = annotation.QuotedList("outcomes");
            var documents = annotation.RefList("documents");
            if (outcomes.Count == 0) annotation.Error(DiagnosticCodes.MissingField, "outcomes", "an annotation needs its 'outcomes' (quoted)");
            if (date is not null) annotations.Add(new RiskAnnotation(date, label ?? date.Describe(), owners, outcomes, documents, annotation.Location));
        }
        // Still read when a required field could not be, as a register is.
        return new Risk
        {
            Id = id,
            Register = register ?? ValueReaders.UnreadRef(fields),
            Reference = reference ?? "",
            Title = title ?? "",
            Identified = identified,
            IdentifiedLabel = identifiedLabel,
            Description = description ?? new QuotedText("", fields.Location),
            Cause = cause,
            Affected = affected,
            Probability = probability,
            Impact = impact,
            Rating = rating,
            Mitigations = mitigations,
            Timeline = timeline,
            Status = status,
            Entries = entries,
            Sources = sources,
            Notes = notes,
            Annotations = annotations,
            Location = fields.Location,
            Row = row,
            ScoresLocation = fields.Has("rating") ? fields.LocationOf("rating") : fields.Location,
            IdentifiedLocation = fields.LocationOf("identified"),
            Unread = register is null || reference is null || title is null || description is null,
        };
    }

    public static RiskMatrix? ReadMatrix(string id, string text, string file, DiagnosticBag diagnostics, ContentVocabulary? vocabulary = null)
    {
        if (FieldReader.OfYamlFile(text, file, diagnostics, MatrixKeys) is not { } fields) return null;
        var title = fields.Text("title", required: true);
        var quotedFrom = fields.Ref("quotedFrom", required: true);
        var locator = ValueReaders.Locator(fields, "locator", vocabulary);
        var probability = Levels(fields, "probability", file, diagnostics);
        var impact = Levels(fields, "impact", file, diagnostics);
        var bands = new List<RiskBand>();
        foreach (var item in fields.MappingList("bands", required: true))
        {
            var band = new FieldReader(item, file, diagnostics, BandKeys);
            var label = band.Text("label", required: true);
            var printed = band.Boolean("printed") ?? true;
            var ratings = band.IntegerList("ratings", 1, 9999);
            if (ratings.Count == 0) band.Error(DiagnosticCodes.MissingField, "ratings", "a band needs the 'ratings' it covers, e.g. [1, 2, 3, 4]");
            if (label is not null) bands.Add(new RiskBand(label, printed, ratings, band.Location));
        }
        var notes = fields.Text("notes");
        // Still read when a required field could not be, so that its bands and the scores on its scales are checked.
        return new RiskMatrix(id, title ?? "", quotedFrom ?? ValueReaders.UnreadRef(fields), locator, probability, impact, bands, notes, fields.Location)
        {
            Unread = title is null || quotedFrom is null,
        };
    }

    private static List<ScaleLevel> Levels(FieldReader fields, string key, string file, DiagnosticBag diagnostics)
    {
        var levels = new List<ScaleLevel>();
        foreach (var item in fields.MappingList(key, required: true))
        {
            var level = new FieldReader(item, file, diagnostics, LevelKeys);
            var score = level.Integer("score", 0, 99);
            var label = level.Text("label", required: true);
            if (score is null && !level.Has("score")) level.Error(DiagnosticCodes.MissingField, "score", "missing required field 'score'");
            if (score is not null && label is not null) levels.Add(new ScaleLevel(score.Value, label, level.Location));
        }
        return levels;
    }
}
