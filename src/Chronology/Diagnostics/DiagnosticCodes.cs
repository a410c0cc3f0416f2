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
    public const string MalformedLinkStatus = "CHR110";
    public const string NestingTooDeep = "CHR111";
    public const string OutsideContent = "CHR112";

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
    public const string PageOutOfRange = "CHR308";
    public const string InvalidArchiveUrl = "CHR309";
    public const string SnapshotWithoutSource = "CHR310";
    public const string UncitedSource = "CHR311";
    public const string IncompleteSource = "CHR312";
    public const string UnknownEntry = "CHR313";
    public const string UnknownReviewItem = "CHR314";
    public const string UnknownRegister = "CHR315";
    public const string UnknownMatrix = "CHR316";

    // Quotes
    public const string QuoteNotFound = "CHR321";
    public const string QuoteWrongPage = "CHR322";
    public const string TextFragmentNotUnique = "CHR323";
    public const string QuoteWrongDocument = "CHR324";

    // Note markers ([^3] in an entry's body)
    public const string UnknownNoteMarker = "CHR325";
    public const string UnmarkedCitation = "CHR326";

    // Figures and scores (registers, documents, people)
    public const string RatingMismatch = "CHR341";
    public const string ScoreOutOfScale = "CHR342";
    public const string MatrixBandsInvalid = "CHR343";
    public const string FigureNotInQuote = "CHR344";
    public const string FigureNumberMismatch = "CHR345";
    public const string NameNotInQuote = "CHR346";

    // External links (from content/link-status.json, written by 'links refresh')
    public const string LinkUnverifiable = "CHR331";
    public const string LinkFailing = "CHR332";
    public const string LinkDead = "CHR333";
    public const string LinkUnchecked = "CHR334";

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
        [MalformedLinkStatus] = "content/link-status.json cannot be read (it is written by 'links refresh'; do not edit it by hand).",
        [NestingTooDeep] = "YAML or Markdown nests deeper than the limit (64 levels).",
        [OutsideContent] = "A content file or folder is a link to somewhere outside the content folder.",
        [InvalidDate] = "A date is not valid EDTF, or names an impossible day or an interval that ends before it starts.",
        [OverPreciseDate] = "A date is more precise than the label the source used (e.g. a day when the source gives a month).",
        [DuplicateId] = "Two files define the same id.",
        [UnknownSource] = "A citation or source reference names a source id that is not in the register.",
        [UnknownOrganisation] = "An organisation reference names an id that is not in content/organisations/.",
        [InvalidLocator] = "A citation locator is not of the form `page 15`, `pages 15-16`, `section 4.1`, ...",
        [MissingUrlReason] = "A source has no URL and no `noUrlReason` saying why.",
        [DuplicateAnnexItem] = "Two entries claim the same Annex 1 item number.",
        [InvalidUrl] = "A URL is not an absolute http(s) URL.",
        [PageOutOfRange] = "A citation's page is beyond the source's known page count.",
        [InvalidArchiveUrl] = "An archive URL is not a Wayback Machine capture (https://web.archive.org/web/<14-digit timestamp>/<url>) or a perma.cc link.",
        [SnapshotWithoutSource] = "An archived text snapshot names a source id that is not in the register.",
        [UncitedSource] = "Warning: no entry cites this source.",
        [IncompleteSource] = "Warning: a source lacks a field its type should have (a date; an access date for a URL).",
        [UnknownEntry] = "A review item names a chronology entry id that does not exist.",
        [UnknownReviewItem] = "A response's 'respondsTo' names a review item that does not exist.",
        [UnknownRegister] = "A risk's 'register' names a register that is not in content/registers/.",
        [UnknownMatrix] = "A register's 'matrix' names a scoring matrix that is not in content/matrices/.",
        [RatingMismatch] = "A risk's rating is not its probability × impact (check the transcription against the document).",
        [ScoreOutOfScale] = "A risk's probability or impact is not a score on its register's scoring matrix.",
        [MatrixBandsInvalid] = "A scoring matrix's bands do not cover every probability × impact product exactly once.",
        [FigureNotInQuote] = "A figure's value, as printed, is not in the quote given for it.",
        [FigureNumberMismatch] = "A figure's plain 'number' does not match the digits of its printed 'value'.",
        [NameNotInQuote] = "A person's name is not in the quote given for one of their roles.",
        [QuoteNotFound] = "A quotation is not in the archived text of its source (the message shows the closest passage and a word diff).",
        [QuoteWrongPage] = "A quotation is in the archived text, but not on the cited page.",
        [QuoteWrongDocument] = "A quotation is in the archived text of a bundle, but not in the cited document (or the text marks no such document).",
        [UnknownNoteMarker] = "A note marker ([^N]) in an entry's body names no citation of the entry.",
        [UnmarkedCitation] = "Warning: no note marker in the entry's body ties a sentence to this citation.",
        [LinkUnverifiable] = "Warning: the last link check could not confirm a URL either way (403, 429, bot wall, timeout, soft 404...).",
        [LinkFailing] = "Warning: a URL answered 404/410 or did not resolve on the last check; it is marked dead if it fails again on a later day.",
        [LinkDead] = "A URL has failed on separate days and the source has no archive URL: add an archived copy.",
        [LinkUnchecked] = "Warning: a URL has never been checked ('links refresh' has not been run since it was added).",
        [TextFragmentNotUnique] = "Warning: a quote from a web page occurs more than once in its archived text, so a text-fragment link cannot pick it out.",
        [BrokenLink] = "A rendered page links to a file the build did not write.",
        [BrokenFragment] = "A rendered page links to a #fragment that is not an id on the target page.",
    };
}
