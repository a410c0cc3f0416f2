using System.Diagnostics;
using System.Globalization;

namespace Chronology.Site;

/// <summary>
/// When each content file last changed, from the repository's history (one <c>git log</c> over the content
/// folder). It is what the feeds call "updated". Outside a git work tree, or for a file never committed, there is
/// no change date; the feeds then fall back to the entry's own date, so a build stays reproducible.
/// </summary>
public sealed class ContentHistory
{
    private readonly Dictionary<string, DateTimeOffset> _lastChanged;

    private ContentHistory(Dictionary<string, DateTimeOffset> lastChanged) => _lastChanged = lastChanged;

    public static ContentHistory None { get; } = new(new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal));

    /// <summary>The last commit time of a file, by its path relative to the content folder ("entries/a.md").</summary>
    public DateTimeOffset? LastChanged(string relativePath) =>
        _lastChanged.TryGetValue(relativePath.Replace('\\', '/'), out var when) ? when : null;

    public static ContentHistory Read(string contentRoot)
    {
        var log = Run(contentRoot, "log", "--format=%x01%cI", "--name-only", "--relative", "--no-renames", "--", ".");
        if (log is null) return None;
        var lastChanged = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        DateTimeOffset? current = null;
        foreach (var line in log.Split('\n'))
        {
            if (line.StartsWith('\u0001'))
            {
                current = DateTimeOffset.Parse(line[1..], CultureInfo.InvariantCulture);
                continue;
            }
            // Newest commits come first: the first time a path appears is its last change.
            if (line.Length > 0 && current is { } when) lastChanged.TryAdd(line, when);
        }
        return new ContentHistory(lastChanged);
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
