using System.Text;

using Chronology.Model;

namespace Chronology.Validation;

/// <summary>
/// For a quote that is not in the text: the passage that shares most of its words, in order, and a word diff,
/// so a maintainer can see the typo at once. Candidate passages start where the quote's opening or closing
/// words occur, so the cost grows with the quote, not with the square of the text.
/// </summary>
internal static class ClosestPassage
{
    private const int AnchorWords = 4;
    private const int MaxCandidates = 4000;

    /// <summary>
    /// The most words of a quote compared: each candidate costs (words × words), so a quote of 100,000 characters
    /// would otherwise take minutes. A misquotation is found in its first words as well as in all of them.
    /// </summary>
    public const int MaxComparedWords = 120;

    public static (string? Passage, string? Diff) Find(string quote, NormalisedText text, string original)
    {
        var quoteWords = quote.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (quoteWords.Length > MaxComparedWords) quoteWords = quoteWords[..MaxComparedWords];
        var (words, starts) = Words(text.Value);
        if (quoteWords.Length == 0 || words.Length == 0) return (null, null);

        var candidates = new SortedSet<int>();
        for (var w = 0; w < words.Length && candidates.Count < MaxCandidates; w++)
        {
            for (var a = 0; a < Math.Min(AnchorWords, quoteWords.Length); a++)
            {
                if (words[w] == quoteWords[a]) candidates.Add(Math.Max(0, w - a));
                var fromEnd = quoteWords.Length - 1 - a;
                if (words[w] == quoteWords[fromEnd]) candidates.Add(Math.Max(0, w - fromEnd));
            }
        }
        if (candidates.Count == 0) return (null, null);

        var best = (Start: -1, Score: -1);
        foreach (var start in candidates)
        {
            var window = words.AsSpan(start, Math.Min(quoteWords.Length + 3, words.Length - start));
            var score = WordAlignment.Pairs(quoteWords, window).Length;
            if (score > best.Score) best = (start, score);
        }
        if (best.Score < Math.Max(2, quoteWords.Length / 3)) return (null, null);

        var length = Math.Min(quoteWords.Length + 3, words.Length - best.Start);
        var windowWords = words[best.Start..(best.Start + length)];
        var alignment = WordAlignment.Pairs(quoteWords, windowWords);
        // Trim the window to the last word that matched, so the passage shown is what the quote should be.
        var lastMatched = alignment.Length > 0 ? alignment[^1].B : length - 1;
        var endWord = best.Start + Math.Max(lastMatched, Math.Min(quoteWords.Length, length) - 1);
        var from = text.OriginalIndex[starts[best.Start]];
        var endChar = starts[endWord] + words[endWord].Length - 1;
        var to = text.OriginalIndex[endChar] + 1;
        var passage = PlainText.Collapse(original[from..to]);
        return (passage, Diff(quoteWords, windowWords[..(endWord - best.Start + 1)]));
    }

    private static string Diff(string[] quote, string[] passage)
    {
        var alignment = WordAlignment.Pairs(quote, passage);
        var diff = new StringBuilder();
        int q = 0, p = 0;
        foreach (var (qi, pi) in alignment.Append((quote.Length, passage.Length)))
        {
            while (q < qi) diff.Append("[-").Append(quote[q++]).Append("-] ");
            while (p < pi) diff.Append("{+").Append(passage[p++]).Append("+} ");
            if (qi < quote.Length) diff.Append(quote[qi]).Append(' ');
            q = qi + 1;
            p = pi + 1;
        }
        return diff.ToString().TrimEnd();
    }

    private static (string[] Words, int[] Starts) Words(string text)
    {
        var words = new List<string>();
        var starts = new List<int>();
        var i = 0;
        while (i < text.Length)
        {
            var end = text.IndexOf(' ', i);
            if (end < 0) end = text.Length;
            if (end > i)
            {
                words.Add(text[i..end]);
                starts.Add(i);
            }
            i = end + 1;
        }
        return ([.. words], [.. starts]);
    }
}

