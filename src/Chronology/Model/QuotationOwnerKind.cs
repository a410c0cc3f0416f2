namespace Chronology.Model;

/// <summary>What kind of content makes a quotation: the page its check is shown on follows from it.</summary>
public enum QuotationOwnerKind
{
    Entry,
    ReviewItem,
    Response,
    Register,
    Risk,
    Document,
    Person,
}
