namespace Chronology.Model;

/// <summary>Text as a reader sees it: the one place white space is folded.</summary>
public static class PlainText
{
    /// <summary>Every run of white space (any kind, line breaks included) one space, and none at the ends.</summary>
    public static string Collapse(string text) => string.Join(' ', Words(text));

    /// <summary>The words of a text: what lies between runs of white space.</summary>
    public static string[] Words(string? text) => text is null ? [] : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
