namespace Chronology.Model;

/// <summary>The piece of content that makes a quotation: an entry, a review item, a risk... by its id.</summary>
public readonly record struct QuotationOwner(QuotationOwnerKind Kind, string Id)
{
    public static QuotationOwner Of(ChronologyEntry entry) => new(QuotationOwnerKind.Entry, entry.Id);

    public static QuotationOwner Of(ReviewItem item) => new(QuotationOwnerKind.ReviewItem, item.Id);

    public static QuotationOwner Of(ReviewResponse response) => new(QuotationOwnerKind.Response, response.Id);

    public static QuotationOwner Of(RiskRegister register) => new(QuotationOwnerKind.Register, register.Id);

    public static QuotationOwner Of(Risk risk) => new(QuotationOwnerKind.Risk, risk.Id);

    public static QuotationOwner Of(ProgrammeDocument document) => new(QuotationOwnerKind.Document, document.Id);

    public static QuotationOwner Of(Person person) => new(QuotationOwnerKind.Person, person.Id);

    /// <summary>As the change report names it: the entry's id, or the content folder and id ("review/x", "risks/y").</summary>
    public override string ToString() => Kind switch
    {
        QuotationOwnerKind.Entry => Id,
        QuotationOwnerKind.ReviewItem => "review/" + Id,
        QuotationOwnerKind.Response => "responses/" + Id,
        QuotationOwnerKind.Register => "registers/" + Id,
        QuotationOwnerKind.Risk => "risks/" + Id,
        QuotationOwnerKind.Document => "documents/" + Id,
        QuotationOwnerKind.Person => "people/" + Id,
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
    };
}
