namespace Chronology.Model;

/// <summary>
/// One quotation: who makes it and its place among that owner's quotations (0-based, in the order
/// <see cref="Evidence.AllCitations"/> gives them). The key of its check in the integrity report.
/// </summary>
public readonly record struct QuotationId(QuotationOwner Owner, int Index);
