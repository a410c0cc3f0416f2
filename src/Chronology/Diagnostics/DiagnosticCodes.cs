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
    public const string UnreadFile = "CHR113";
    public const string TemplateText = "CHR114";

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
    public const string UnknownCommit = "CHR317";

    // Quotes
    public const string QuoteNotFound = "CHR321";
    public const string QuoteWrongPage = "CHR322";
    public const string TextFragmentNotUnique = "CHR323";
    public const string QuoteWrongDocument = "CHR324";

    // Note markers ([^3] in an entry's body)
    public const string UnknownNoteMarker = "CHR325";
    public const string UnmarkedCitation = "CHR326";
    public const string NotesOutOfOrder = "CHR327";

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
}
