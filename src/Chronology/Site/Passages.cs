using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Chronology.Model;
using Chronology.Validation;

namespace Chronology.Site;

/// <summary>
/// A quoted passage as it stands in the site's archived copy of a document: the quotation, the words around it,
/// and the page it is on. Its <see cref="Anchor"/> depends only on the quoted words and where they stand in the
/// archived text, so links to it survive edits to any other content.
/// </summary>
public sealed record Passage(string SnapshotId, string Anchor, TextSpan Span, int? Page, string? Document, string Before, string Quoted, string After)
{
    /// <summary>Where the site quotes it, in the integrity report's order.</summary>
    public List<QuotationId> QuotedBy { get; } = [];

    /// <summary>Whether words of the archived text come before <see cref="Before"/> (shown as an ellipsis).</summary>
    public bool CutBefore { get; init; }

    public bool CutAfter { get; init; }
}

/// <summary>
/// Every passage the site quotes, by archived text: what the "in this site's copy" pages show and what each
/// verified quotation links to. Built from the quote checks, so only a quotation the build found is shown.
/// </summary>
public sealed partial class PassageIndex
{
    /// <summary>Words of the archived text shown on each side of a quotation (the passage in context, never the whole text).</summary>
    public const int ContextWords = 30;

    private readonly Dictionary<string, List<Passage>> _bySnapshot = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, int, int), Passage> _bySpan = [];

    public static PassageIndex Empty { get; } = new();

    public static PassageIndex Build(Evidence evidence, IntegrityReport integrity)
    {
        var index = new PassageIndex();
        var spans = integrity.Quotes
            .Where(q => q.IsVerified && q.Span is not null && q.CheckedAgainst is not null && evidence.Snapshots.ContainsKey(q.CheckedAgainst))
            .Select(q => (Snapshot: q.CheckedAgainst!, Span: q.Span!.Value))
            .Distinct()
            .OrderBy(s => s.Snapshot, StringComparer.Ordinal).ThenBy(s => s.Span.Start).ThenBy(s => s.Span.Length);
        foreach (var (snapshotId, span) in spans)
        {
            var snapshot = evidence.Snapshots[snapshotId];
            if (!index._bySnapshot.TryGetValue(snapshotId, out var list)) index._bySnapshot[snapshotId] = list = [];
            var anchor = AnchorFor(snapshot.Text.Substring(span.Start, span.Length), list);
            var passage = InContext(snapshot, span, anchor);
            list.Add(passage);
            index._bySpan[(snapshotId, span.Start, span.Length)] = passage;
        }
        foreach (var (quotation, check) in integrity.All)
        {
            if (index.For(check) is { } quoted) quoted.QuotedBy.Add(quotation);
        }
        return index;
    }

    /// <summary>The passages quoted from one archived text, in the order they stand in it.</summary>
    public IReadOnlyList<Passage> In(string snapshotId) => _bySnapshot.TryGetValue(snapshotId, out var list) ? list : [];

    /// <summary>The passage a verified quote check found, or null for a quote not found in an archived text.</summary>
    public Passage? For(QuoteCheck? check) =>
        check is { IsVerified: true, CheckedAgainst: { } id, Span: { } span } && _bySpan.TryGetValue((id, span.Start, span.Length), out var passage) ? passage : null;

    /// <summary>
    /// <c>q-</c> and the first ten hex digits of the quoted words' SHA-256 (white space collapsed); a second passage
    /// with the same words in one text (the same sentence printed twice) gets <c>-2</c>, and so on, in text order.
    /// </summary>
    private static string AnchorFor(string quoted, List<Passage> earlier)
    {
        var words = PlainText.Collapse(quoted);
        var anchor = "q-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(words)))[..10];
        var numbered = anchor + "-";
        var same = earlier.Count(p => p.Anchor == anchor || p.Anchor.StartsWith(numbered, StringComparison.Ordinal));
        return same == 0 ? anchor : $"{anchor}-{same + 1}";
    }

    private static Passage InContext(Snapshot snapshot, TextSpan span, string anchor)
    {
        var text = snapshot.Text;
        var before = WordsBefore(text, span.Start);
        var after = WordsAfter(text, span.End);
        var shownBefore = before.TakeLast(ContextWords).ToList();
        var shownAfter = after.Take(ContextWords).ToList();
        return new Passage(snapshot.SourceId, anchor, span, snapshot.PageAt(span.Start), snapshot.DocumentAt(span.Start),
            Join(snapshot, shownBefore, trailing: span.Start > 0 && char.IsWhiteSpace(text[span.Start - 1]) ? " " : ""),
            Join(snapshot, Words(text, span.Start, span.End)),
            Join(snapshot, shownAfter, leading: span.End < text.Length && char.IsWhiteSpace(text[span.End]) ? " " : ""))
        {
            CutBefore = before.Count > shownBefore.Count,
            CutAfter = after.Count > shownAfter.Count,
        };
    }

    /// <summary>
    /// The last words of the archived text before <paramref name="end"/>: one more than are shown (so that
    /// <see cref="Passage.CutBefore"/> is known), or all there are. Read line by line backwards from the passage, so a
    /// passage deep in a long text (or in a text that is one long line) costs its context, not the text before it.
    /// A marker line is known as a whole line; the line the passage starts in is read up to the passage, as if it
    /// ended there.
    /// </summary>
    internal static List<Range> WordsBefore(string text, int end)
    {
        var words = new List<Range>(ContextWords + 1); // from the last backwards, then turned round
        for (var lineEnd = end; words.Count <= ContextWords;)
        {
            var lineStart = lineEnd == 0 ? 0 : text.LastIndexOf('\n', lineEnd - 1) + 1;
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            if (!MarkerLine().IsMatch(line))
            {
                for (var i = line.Length; i > 0 && words.Count <= ContextWords;)
                {
                    while (i > 0 && char.IsWhiteSpace(line[i - 1])) i--;
                    var wordEnd = i;
                    while (i > 0 && !char.IsWhiteSpace(line[i - 1])) i--;
                    if (i < wordEnd) words.Add((lineStart + i)..(lineStart + wordEnd));
                }
            }
            if (lineStart == 0) break;
            lineEnd = lineStart - 1;
        }
        words.Reverse();
        return words;
    }

    /// <summary>The first words of the archived text from <paramref name="start"/>, as <see cref="WordsBefore"/> finds them, forwards.</summary>
    internal static List<Range> WordsAfter(string text, int start) => Words(text, start, text.Length, ContextWords + 1);

    /// <summary>
    /// Where the words of a stretch of archived text are, leaving out the site's own page and document marker lines:
    /// the stretch is read as if it stood alone (its ends are line ends), and a word is what white space separates.
    /// Found in place: a passage's context is a few words of a stretch of hundreds, and only those are copied.
    /// </summary>
    /// <param name="most">How many words to find, from the start: a passage's context needs one more than it shows.</param>
    private static List<Range> Words(string text, int start, int end, int most = int.MaxValue)
    {
        var words = new List<Range>();
        for (var line = start; line <= end && words.Count < most;)
        {
            var newline = text.IndexOf('\n', line, end - line);
            var lineEnd = newline < 0 ? end : newline;
            var content = text.AsSpan(line, lineEnd - line);
            if (!MarkerLine().IsMatch(content))
            {
                for (var i = 0; i < content.Length && words.Count < most;)
                {
                    while (i < content.Length && char.IsWhiteSpace(content[i])) i++;
                    var word = i;
                    while (i < content.Length && !char.IsWhiteSpace(content[i])) i++;
                    if (i > word) words.Add((line + word)..(line + i));
                }
            }
            if (newline < 0) break;
            line = newline + 1;
        }
        return words;
    }

    /// <summary>
    /// The words as a page shows them (<see cref="NormalisedText.Shown"/>: without the marks of links whose address
    /// was lost), one space between each.
    /// </summary>
    private static string Join(Snapshot snapshot, List<Range> words, string leading = "", string trailing = "")
    {
        var text = snapshot.Text;
        if (words.Count == 0 || !text.Contains("](#)", StringComparison.Ordinal)) return Join(text, words, leading, trailing);
        return leading + string.Join(' ', words.Select(w =>
        {
            var (start, length) = w.GetOffsetAndLength(text.Length);
            return NormalisedText.Shown(snapshot, start, start + length);
        })) + trailing;
    }

    /// <summary>The words, one space between each, copied once into a string of the right length.</summary>
    private static string Join(string text, List<Range> words, string leading = "", string trailing = "")
    {
        if (words.Count == 0) return "";
        var length = leading.Length + trailing.Length + words.Count - 1;
        foreach (var word in words) length += word.GetOffsetAndLength(text.Length).Length;
        return string.Create(length, (text, words, leading, trailing), static (target, state) =>
        {
            state.leading.CopyTo(target);
            var at = state.leading.Length;
            for (var i = 0; i < state.words.Count; i++)
            {
                if (i > 0) target[at++] = ' ';
                var word = state.text.AsSpan()[state.words[i]];
                word.CopyTo(target[at..]);
                at += word.Length;
            }
            state.trailing.CopyTo(target[at..]);
        });
    }

    [GeneratedRegex(@"^\[(page [1-9][0-9]*|document [0-9a-z]+)\][ \t]*$", RegexOptions.Multiline)]
    private static partial Regex MarkerLine();
}
