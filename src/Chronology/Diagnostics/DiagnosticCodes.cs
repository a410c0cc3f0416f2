namespace Chronology.Diagnostics;

/// <summary>
/// Every diagnostic code, in one place. Codes are stable: never renumber or reuse one.
/// docs/diagnostics.md explains each for maintainers; a test keeps the two in step.
/// </summary>
public static class DiagnosticCodes
{
    // Reading files
    public const string NotUtf8 = "CHR101";
    public const string MalformedYaml = "CHR102";
    public const string MissingFrontMatter = "CHR103";
    public const string UnknownKey = "CHR104";
    public const string DuplicateKey = "CHR105";
    public const string MissingField = "CHR106";
    public const string InvalidValue = "CHR107";
    public const string InvalidId = "CHR108";
    public const string MissingSiteConfig = "CHR109";

    // Dates
    public const string InvalidDate = "CHR201";
    public const string OverPreciseDate = "CHR202";

    // Identity and references
    public const string DuplicateId = "CHR301";
    public const string UnknownSource = "CHR302";
    public const string UnknownOrganisation = "CHR303";
    public const string InvalidLocator = "CHR304";
    public const string MissingUrlReason = "CHR305";
    public const string DuplicateAnnexItem = "CHR306";
    public const string InvalidUrl = "CHR307";

    // Output
    public const string BrokenLink = "CHR401";
    public const string BrokenFragment = "CHR402";

    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        [NotUtf8] = "A content file is not valid UTF-8.",
        [MalformedYaml] = "YAML (a .yml file or an entry's front matter) cannot be parsed.",
        [MissingFrontMatter] = "An entry file does not start with a `---` front matter block, or the block is not closed.",
        [UnknownKey] = "A key that the content model does not define (often a typo).",
        [DuplicateKey] = "The same key appears twice in one mapping.",
        [MissingField] = "A required field is missing or empty.",
        [InvalidValue] = "A field has the wrong kind of value (text, number, list) or an impossible one.",
        [InvalidId] = "A file name is not a valid id (lowercase letters, digits, single hyphens).",
        [MissingSiteConfig] = "content/site.yml is missing.",
        [InvalidDate] = "A date is not valid EDTF, or names an impossible day or an interval that ends before it starts.",
        [OverPreciseDate] = "A date is more precise than the label the source used (e.g. a day when the source gives a month).",
        [DuplicateId] = "Two files define the same id.",
        [UnknownSource] = "A citation or source reference names a source id that is not in the register.",
        [UnknownOrganisation] = "An organisation reference names an id that is not in content/organisations/.",
        [InvalidLocator] = "A citation locator is not of the form `page 15`, `pages 15-16`, `section 4.1`, ...",
        [MissingUrlReason] = "A source has no URL and no `noUrlReason` saying why.",
        [DuplicateAnnexItem] = "Two entries claim the same Annex 1 item number.",
        [InvalidUrl] = "A URL is not an absolute http(s) URL.",
        [BrokenLink] = "A rendered page links to a file the build did not write.",
        [BrokenFragment] = "A rendered page links to a #fragment that is not an id on the target page.",
    };
}
