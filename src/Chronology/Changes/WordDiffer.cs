using Chronology.Model;

namespace Chronology.Changes;

/// <summary>
/// A word diff: both texts split on white space, the longest common subsequence of their words kept, the rest
/// marked as deleted (only in the first) or inserted (only in the second), in runs.
/// </summary>
public static class WordDiffer
{
    /// <summary>
    /// The most cells of the LCS table (words × words, after the common start and end are set aside): beyond it the
    /// middle is shown as all deleted then all inserted, so a rewritten long body costs no more than this.
    /// </summary>
    private const long MaxCells = 4_000_000;

    public static string[] Words(string? text) =>
        PlainText.Words(text);

    public static WordDiff Diff(string? before, string? after) =>
        new(Collapse(before), Collapse(after), Ops(Words(before), Words(after)));

    /// <summary>The runs of equal, deleted and inserted words that turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static IReadOnlyList<WordOp> Ops(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;

        var ops = new List<(WordOpKind Kind, string Word)>();
        for (var i = 0; i < prefix; i++) ops.Add((WordOpKind.Equal, a[i]));
        var middleA = a[prefix..(a.Length - suffix)];
        var middleB = b[prefix..(b.Length - suffix)];
        if ((long)middleA.Length * middleB.Length > MaxCells)
        {
            ops.AddRange(middleA.Select(w => (WordOpKind.Delete, w)));
            ops.AddRange(middleB.Select(w => (WordOpKind.Insert, w)));
        }
        else
        {
            ops.AddRange(Lcs(middleA, middleB));
        }
        for (var i = a.Length - suffix; i < a.Length; i++) ops.Add((WordOpKind.Equal, a[i]));
        return Runs(ops);
    }

    /// <summary>
    /// The changed region of a diff with up to <paramref name="context"/> words either side, and at most
    /// <paramref name="maxWords"/> words in all (the rest of the change is left out, as the end is).
    /// </summary>
    public static TextExcerptDiff Excerpt(IReadOnlyList<WordOp> ops, int context = 6, int maxWords = 60)
    {
        var words = ops.SelectMany(o => Words(o.Text).Select(w => (o.Op, Word: w))).ToList();
        var first = words.FindIndex(w => w.Op != WordOpKind.Equal);
        if (first < 0) return new TextExcerptDiff([], false, false);
        var last = words.FindLastIndex(w => w.Op != WordOpKind.Equal);
        var start = Math.Max(0, first - context);
        var end = Math.Min(words.Count - 1, last + context);
        if (end - start + 1 > maxWords) end = start + maxWords - 1;
        var runs = Runs(words.GetRange(start, end - start + 1));
        return new TextExcerptDiff(runs, StartsInside: start > 0, EndsInside: end < words.Count - 1);
    }

    /// <summary>Each word kept, deleted or inserted, from the one word alignment (<see cref="WordAlignment"/>).</summary>
    private static List<(WordOpKind, string)> Lcs(string[] a, string[] b)
    {
        var ops = new List<(WordOpKind, string)>();
        int x = 0, y = 0;
        foreach (var (pa, pb) in WordAlignment.Pairs(a, b))
        {
            while (x < pa) ops.Add((WordOpKind.Delete, a[x++]));
            while (y < pb) ops.Add((WordOpKind.Insert, b[y++]));
            ops.Add((WordOpKind.Equal, a[x++]));
            y++;
        }
        while (x < a.Length) ops.Add((WordOpKind.Delete, a[x++]));
        while (y < b.Length) ops.Add((WordOpKind.Insert, b[y++]));
        return ops;
    }

    /// <summary>Words joined into runs of one kind; within a changed stretch, what was deleted comes before what was inserted.</summary>
    private static IReadOnlyList<WordOp> Runs(List<(WordOpKind Kind, string Word)> ops)
    {
        var runs = new List<WordOp>();
        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == WordOpKind.Equal)
            {
                var from = i;
                while (i < ops.Count && ops[i].Kind == WordOpKind.Equal) i++;
                runs.Add(new WordOp(WordOpKind.Equal, string.Join(' ', ops.Skip(from).Take(i - from).Select(o => o.Word))));
                continue;
            }
            var deleted = new List<string>();
            var inserted = new List<string>();
            while (i < ops.Count && ops[i].Kind != WordOpKind.Equal)
            {
                (ops[i].Kind == WordOpKind.Delete ? deleted : inserted).Add(ops[i].Word);
                i++;
            }
            if (deleted.Count > 0) runs.Add(new WordOp(WordOpKind.Delete, string.Join(' ', deleted)));
            if (inserted.Count > 0) runs.Add(new WordOp(WordOpKind.Insert, string.Join(' ', inserted)));
        }
        return runs;
    }

    /// <summary>A text on one line, its white space collapsed.</summary>
    public static string Collapse(string? text) => string.Join(' ', Words(text));
}
