namespace Chronology.Site;

/// <summary>
/// A URL text fragment (<c>#:~:text=</c>, WICG Scroll-to-Text) for a quote: the whole quote when short, else its
/// first and last words (<c>text=start,end</c>), which browsers match as the range between them. Where the page's
/// text is known (an archived snapshot), the short form is used only if its start occurs once; otherwise the whole
/// quote, which the quote checks warn about if it is not unique either (CHR323).
/// </summary>
public static class TextFragment
{
    private const int MaxWhole = 200;
    private const int EdgeWords = 6;

    /// <param name="occurrences">How often a passage occurs in the page's text, where that text is known.</param>
    public static string For(string quote, Func<string, int>? occurrences = null)
    {
        var words = quote.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var whole = "#:~:text=" + Encode(string.Join(' ', words));
        if (quote.Length <= MaxWhole || words.Length <= EdgeWords * 2) return whole;
        var start = string.Join(' ', words[..EdgeWords]);
        var end = string.Join(' ', words[^EdgeWords..]);
        if (occurrences is not null && occurrences(start) != 1) return whole;
        return $"#:~:text={Encode(start)},{Encode(end)}";
    }

    // The syntax gives '-', ',' and '&' meanings of their own, so they must be percent-encoded inside a term.
    private static string Encode(string text) => Uri.EscapeDataString(text).Replace("-", "%2D", StringComparison.Ordinal);
}
