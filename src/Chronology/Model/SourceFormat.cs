namespace Chronology.Model;

/// <summary>What a source's file declares it to be: how its document opens, so how a citation deep-links into it.</summary>
public enum SourceFormat
{
    Pdf,
    Html,
    Doc,
    Spreadsheet,
    Presentation,
    Video,
    Other,
}
