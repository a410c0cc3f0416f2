using System.Globalization;
using Chronology.Model;

namespace Chronology.Loading;

/// <summary>
/// The content folder's history from git (one <c>git log</c> over it). Outside a git work tree, or for a file never
/// committed, there is none, and the build stays reproducible.
/// </summary>
public static class ContentHistoryReader
{
    /// <param name="cache">Where the preview server keeps the history between rebuilds, read again only after a commit or checkout.</param>
    public static ContentHistory Read(string contentRoot, ContentCache? cache = null) =>
        cache is null ? ReadLog(contentRoot) : cache.History(contentRoot, () => ReadLog(contentRoot));

    private static ContentHistory ReadLog(string contentRoot)
    {
        var log = Git.Run(contentRoot, "log", "--format=%x01%cI%x02%s", "--name-only", "--relative", "--no-renames", "--", ".");
        if (log is null) return ContentHistory.None;
        var changes = new Dictionary<string, List<ContentChange>>(StringComparer.Ordinal);
        ContentChange? current = null;
        foreach (var line in log.Split('\n'))
        {
            if (line.StartsWith('\u0001'))
            {
                var parts = line[1..].Split('\u0002', 2);
                current = new ContentChange(DateTimeOffset.Parse(parts[0], CultureInfo.InvariantCulture), parts.Length > 1 ? parts[1].Trim() : "");
                continue;
            }
            // Newest commits come first.
            if (line.Length == 0 || current is null) continue;
            if (!changes.TryGetValue(line, out var list)) changes[line] = list = [];
            list.Add(current);
        }
        return new ContentHistory(changes);
    }
}
