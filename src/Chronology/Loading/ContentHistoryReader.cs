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
    /// <param name="keptIn">
    /// A file where a build keeps the history between runs (beside its output cache, under <c>obj/</c>): read again
    /// only when the commit the work tree is at, or the content folder, is not the one it was kept for. A history is
    /// what the commits say, and a commit never changes.
    /// </param>
    public static ContentHistory Read(string contentRoot, ContentCache? cache = null, string? keptIn = null)
    {
        if (cache is not null) return cache.History(contentRoot, () => ReadLog(contentRoot));
        if (keptIn is null) return ReadLog(contentRoot);
        var head = GitHead.Of(contentRoot, out var known);
        if (!known) return ReadLog(contentRoot); // the repository's files cannot say: git is asked, nothing kept
        if (head is null) return ContentHistory.None; // no repository or no commit: git log would give nothing either
        var key = $"{KeptHeader}\n{head} {Path.GetFullPath(contentRoot)}\n";
        try
        {
            var kept = File.ReadAllText(keptIn);
            if (kept.StartsWith(key, StringComparison.Ordinal)) return Parse(kept[key.Length..]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // none kept, or not readable: git is asked
        }
        var log = Git.Run(contentRoot, LogArguments);
        if (log is null) return ContentHistory.None;
        var temporary = keptIn + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keptIn))!);
            File.WriteAllText(temporary, key + log);
            File.Move(temporary, keptIn, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary)) File.Delete(temporary); // not kept: the next build asks git again
        }
        return Parse(log);
    }

    private const string KeptHeader = "chronology history 2"; // 2: each commit with its id

    private static readonly string[] LogArguments = ["log", "--format=%x01%H%x02%cI%x02%s", "--name-only", "--relative", "--no-renames", "--", "."];

    private static ContentHistory ReadLog(string contentRoot) => Git.Run(contentRoot, LogArguments) is { } log ? Parse(log) : ContentHistory.None;

    private static ContentHistory Parse(string log)
    {
        var changes = new Dictionary<string, List<ContentChange>>(StringComparer.Ordinal);
        ContentChange? current = null;
        foreach (var line in log.Split('\n'))
        {
            if (line.StartsWith('\u0001'))
            {
                var parts = line[1..].Split('\u0002', 3);
                current = new ContentChange(DateTimeOffset.Parse(parts[1], CultureInfo.InvariantCulture), parts.Length > 2 ? parts[2].Trim() : "", parts[0]);
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
