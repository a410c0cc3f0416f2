namespace Chronology.Model;

/// <summary>The one word alignment: what a quotation's check and the evidence diff both compare texts with.</summary>
public static class WordAlignment
{
    /// <summary>
    /// The longest common subsequence of two word lists, as index pairs in order. Where two alignments are as long,
    /// the one that keeps earlier words of <paramref name="a"/> is taken, so the result is the same on every run.
    /// </summary>
    public static (int A, int B)[] Pairs(ReadOnlySpan<string> a, ReadOnlySpan<string> b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                table[i, j] = a[i] == b[j] ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
        var pairs = new List<(int, int)>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                pairs.Add((x, y));
                x++;
                y++;
            }
            else if (table[x + 1, y] >= table[x, y + 1]) x++;
            else y++;
        }
        return [.. pairs];
    }
}
