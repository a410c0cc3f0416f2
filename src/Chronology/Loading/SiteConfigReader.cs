using Chronology.Diagnostics;
using Chronology.Model;

namespace Chronology.Loading;

internal static class SiteConfigReader
{
    // The allowed keys are internal so that SchemaTests can hold docs/schemas/ to them: change both together.
    internal static readonly string[] Keys = ["title", "description", "baseUrl", "language", "annexSource", "maintainer", "repository", "reportErrorUrl", "corrections", "introduction",
        "footer", "nav", "licence", "sourceTypes", "locatorKinds", "annexName"];
    internal static readonly string[] NavKeys = ["title", "url"];

    public static SiteConfig? Read(string text, string file, DiagnosticBag diagnostics)
    {
        if (FieldReader.OfYamlFile(text, file, diagnostics, Keys) is not { } fields) return null;
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
        var annexName = fields.Text("annexName");
        if (annexName is not null && annexSource is null)
            fields.Invalid("annexName", "'annexName' names the items of 'annexSource'; give 'annexSource' too, or remove it");
        var nav = new List<NavItem>();
        foreach (var item in fields.MappingList("nav", required: false))
        {
            var link = new FieldReader(item, file, diagnostics, NavKeys);
            var linkTitle = link.Text("title", required: true);
            var url = link.Text("url", required: true);
            if (url is not null && !IsNavUrl(url))
            {
                link.Invalid("url", $"'{DiagnosticText.Printable(url)}' is neither a page of this site (starting with '/', e.g. /methodology/) nor an absolute http(s) address");
                url = null;
            }
            if (linkTitle is not null && url is not null) nav.Add(new NavItem(linkTitle, url, link.Location));
        }
        var sourceTypes = Vocabulary(fields, "sourceTypes", Source.Types, "source type");
        var locatorKinds = Vocabulary(fields, "locatorKinds", Locator.Kinds, "locator kind");
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
            Footer = fields.Text("footer"),
            FooterLocation = fields.LocationOf("footer"),
            Licence = fields.Text("licence"),
            LicenceLocation = fields.LocationOf("licence"),
            Nav = nav,
            SourceTypes = sourceTypes,
            LocatorKinds = locatorKinds,
            AnnexName = annexName ?? "Annex",
        };
    }

    private static bool IsNavUrl(string url) =>
        (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Any(char.IsWhiteSpace))
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.UserInfo.Length == 0);

    /// <summary>Words a site adds to one of the generator's closed lists: each an id, none already built in.</summary>
    private static IReadOnlyList<string> Vocabulary(FieldReader fields, string key, IReadOnlyList<string> builtIn, string what)
    {
        var added = new List<string>();
        foreach (var (value, _) in fields.TextList(key))
        {
            var wellFormed = key == "locatorKinds" ? value.Length > 0 && value.All(char.IsAsciiLetterLower) : ContentIds.IsValid(value);
            if (!wellFormed)
                fields.Invalid(key, $"'{DiagnosticText.Printable(value)}' is not a valid {what}: use lowercase letters" + (key == "locatorKinds" ? " only" : ", digits and single hyphens"));
            else if (builtIn.Contains(value))
                fields.Invalid(key, $"'{value}' is already a {what}; list only the ones this site adds");
            else added.Add(value);
        }
        return added;
    }
}
