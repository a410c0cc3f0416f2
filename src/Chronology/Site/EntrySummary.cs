using System.Text.RegularExpressions;
using Chronology.Markdown;
using Chronology.Model;

namespace Chronology.Site;

/// <summary>
/// The one line the timeline shows under an entry's title: the first sentence of its body as plain text (note
/// markers and Markdown removed), cut at a word boundary with an ellipsis when it runs past <see cref="MaxLength"/>.
/// </summary>
public static partial class EntrySummary
{
    public const int MaxLength = 160;

    /// <summary>An entry's summary, worked out once for as long as the entry lives: every list it is in shows it.</summary>
    public static string Of(ChronologyEntry entry) => Summaries.GetValue(entry, static e => Of(e.Body));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ChronologyEntry, string> Summaries = new();

    public static string Of(string markdown)
    {
        var plain = ContentMarkdown.ToPlainText(NoteMarker().Replace(markdown, ""));
        plain = Spaces().Replace(plain, " ").Trim();
        return Cap(FirstSentence(plain), MaxLength);
    }

    /// <summary>Up to the first full stop, question or exclamation mark that ends a sentence (followed by a space and a capital, a quotation mark or the end).</summary>
    public static string FirstSentence(string text)
    {
        var end = SentenceEnd().Match(text);
        return end.Success ? text[..(end.Index + end.Length)].Trim() : text;
    }

    public static string Cap(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max - 1);
        if (cut < max / 2) cut = max - 1;
        return text[..cut].TrimEnd(' ', ',', ';', ':', '—', '–', '-') + "…";
    }

    [GeneratedRegex(@"\[\^[^\]\s]+\]")]
    private static partial Regex NoteMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // A sentence ends at . ! or ? (optionally after a closing quotation mark or bracket) before a space and a capital
    // letter, digit or opening quotation mark. "e.g. the" and "St. Mary" style abbreviations before lower case do not end one.
    [GeneratedRegex(@"(?<![A-Z]\.[A-Z])(?<!\b(?:e\.g|i\.e|etc|Dr|Mr|Mrs|Ms|St|No|Vol|p|pp))[.!?][”’""')\]]*(?= [A-Z0-9“‘""(])")]
    private static partial Regex SentenceEnd();
}
