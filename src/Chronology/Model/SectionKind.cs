namespace Chronology.Model;

/// <summary>What a document page's section holds, and so how it is laid out.</summary>
public enum SectionKind
{
    Checklist,
    Steps,
    Questions,
    Passages,
    Listing,
}
