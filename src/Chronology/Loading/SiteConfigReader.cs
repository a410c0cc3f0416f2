using Chronology.Diagnostics;
using Chronology.Model;

namespace Chronology.Loading;

internal static class SiteConfigReader
{
    // The allowed keys are internal so that SchemaTests can hold docs/schemas/ to them: change both together.
    internal static readonly string[] Keys = ["title", "description", "baseUrl", "language", "annexSource", "maintainer", "repository", "reportErrorUrl", "corrections", "introduction"];

    public static SiteConfig? Read(string text, string file, DiagnosticBag diagnostics)
    {
        var mapping = YamlDocumentReader.ReadMapping(text, file, 0, diagnostics);
        if (mapping is null) return null;
        var fields = new FieldReader(mapping, file, diagnostics, Keys);
        var title = fields.Text("title", required: true);
        var description = fields.Text("description", required: true);
        var baseUrl = ValueReaders.Url(fields, "baseUrl");
        var language = fields.Text("language") ?? "en-GB";
        if (!System.Text.RegularExpressions.Regex.IsMatch(language, @"\A[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\z"))
        {
            fields.Invalid("language", $"'{DiagnosticText.Printable(language)}' is not a language tag such as en-GB or cy (BCP 47)");
            language = "en-GB";
        }
        var annexSource = fields.Text("annexSource");
        if (title is null || description is null) return null;
        return new SiteConfig(title, description, baseUrl?.TrimEnd('/'), language, annexSource)
        {
            AnnexSourceLocation = fields.LocationOf("annexSource"),
            Maintainer = fields.Text("maintainer"),
            Repository = ValueReaders.Url(fields, "repository")?.TrimEnd('/'),
            ReportErrorUrl = ValueReaders.Url(fields, "reportErrorUrl"),
            Corrections = fields.Text("corrections"),
            Introduction = fields.Text("introduction"),
            IntroductionLocation = fields.LocationOf("introduction"),
            CorrectionsLocation = fields.LocationOf("corrections"),
        };
    }
}
