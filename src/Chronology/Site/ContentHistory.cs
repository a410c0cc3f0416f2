using System.Diagnostics;
using System.Globalization;

namespace Chronology.Site;

/// <summary>One commit that changed a content file: when, and the first line of its message.</summary>
public sealed record ContentChange(DateTimeOffset When, string Message);

/// <summary>
/// Each content file's changes, from the repository's history (one <c>git log</c> over the content folder): what
/// the feeds call "updated", what an entry page lists under "Changes to this entry", and when an archived copy was
/// added. Outside a git work tree, or for a file never committed, there are none; the feeds then fall back to the
/// entry's own date, so a build stays reproducible. Commit messages that touch <c>content/</c> are public.
/// </summary>
public sealed class ContentHistory
{
    private readonly Dictionary<string, List<ContentChange>> _changes;

    private ContentHistory(Dictionary<string, List<ContentChange>> changes) => _changes = changes;

    public static ContentHistory None { get; } = new(new Dictionary<string, List<ContentChange>>(StringComparer.Ordinal));

    /// <summary>Every commit that changed a file, newest first, by its path relative to the content folder ("entries/a.md").</summary>
    public IReadOnlyList<ContentChange> Changes(string relativePath) =>
        _changes.TryGetValue(relativePath.Replace('\\', '/'), out var changes) ? changes : [];

    /// <summary>The last commit time of a file.</summary>
    public DateTimeOffset? LastChanged(string relativePath) => Changes(relativePath) is [var last, ..] ? last.When : null;

    /// <summary>When a file was first committed.</summary>
    public DateTimeOffset? Added(string relativePath) => Changes(relativePath) is [.., var first] ? first.When : null;

    public static ContentHistory Read(string contentRoot)
    {
        var log = Run(contentRoot, "log", "--format=%x01%cI%x02%s", "--name-only", "--relative", "--no-renames", "--", ".");
        if (log is null) return None;
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

    private static string? Run(string directory, params string[] arguments)
    {
        if (!Directory.Exists(directory)) return null;
        try
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start);
            if (process is null) return null;
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            _ = errors.Result;
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on this machine
        }
    }
}
