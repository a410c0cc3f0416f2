namespace Chronology.Validation;

public enum QuoteOutcome
{
    /// <summary>
    /// Found, after normalisation, in the source's own archived text (and on the cited page, where pages are marked,
    /// and in the cited document, where the documents of a bundle are marked).
    /// </summary>
    Verified,

    /// <summary>
    /// The source has no archived text, but the document through which it is known (its <c>knownThrough</c>) has,
    /// and the quote is there exactly: the quotation is faithful to that document; the original is unchecked.
    /// </summary>
    VerifiedAsQuoted,

    /// <summary>Not in the archived text: an error.</summary>
    NotFound,

    /// <summary>In the archived text, but not on the cited page: an error.</summary>
    WrongPage,

    /// <summary>
    /// In the archived text, which marks the documents of a bundle, but not in the document the locator cites (or the
    /// text marks no such document): an error.
    /// </summary>
    WrongDocument,

    /// <summary>No archived text to check against.</summary>
    Unverifiable,
}
