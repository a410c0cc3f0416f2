namespace Chronology.Diagnostics;

/// <summary>"Did you mean …?": the one edit distance every message that suggests a name uses.</summary>
public static class Suggestions
{
    /// <summary>The closest of <paramref name="candidates"/> within <paramref name="maxDistance"/> edits (case ignored), or null.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates, int maxDistance = 2)
    {
        string? best = null;
        var bestDistance = maxDistance + 1;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance) (best, bestDistance) = (candidate, distance);
        }
        return best;
    }

    /// <summary>Up to five ids close to the one given: within a few edits, or sharing a word with it.</summary>
    public static IReadOnlyList<string> CloseIds(string id, IEnumerable<string> ids)
    {
        var words = id.Split('-', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2 && !w.All(char.IsAsciiDigit)).ToHashSet(StringComparer.Ordinal);
        return [.. ids
            .Select(candidate => (candidate, distance: EditDistance(id, candidate)))
            .Where(c => c.distance <= Math.Max(2, id.Length / 3) || c.candidate.Split('-').Any(words.Contains))
            .OrderBy(c => c.distance).ThenBy(c => c.candidate, StringComparer.Ordinal)
            .Take(5)
            .Select(c => c.candidate)];
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions.</summary>
    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
