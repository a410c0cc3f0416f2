namespace Chronology.Site;

/// <summary>
/// A URL text fragment (<c>#:~:text=</c>, WICG Scroll-to-Text) for a quote: the whole quote when short, else its
/// first and last words (<c>text=start,end</c>), which browsers match as the range between them.
/// </summary>
public static class TextFragment
{
    private const int MaxWhole = 200;
    private const int EdgeWords = 6;

    public static string For(string quote)
    {
        var words = quote.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (quote.Length <= MaxWhole || words.Length <= EdgeWords * 2) return "#:~:text=" + Encode(string.Join(' ', words));
        var start = string.Join(' ', words[..EdgeWords]);
        var end = string.Join(' ', words[^EdgeWords..]);
        return $"#:~:text={Encode(start)},{Encode(end)}";
    }

    // The syntax gives '-', ',' and '&' meanings of their own, so they must be percent-encoded inside a term.
    private static string Encode(string text) => Uri.EscapeDataString(text).Replace("-", "%2D", StringComparison.Ordinal);
}
