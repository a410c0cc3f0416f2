using System.Collections.Concurrent;
using Chronology.Diagnostics;

namespace Chronology.Loading;

/// <summary>
/// What each content file gave when it was last parsed, by its path: the preview server keeps one across rebuilds,
/// so that after an edit only the edited file is parsed again. An entry is used only if the site's vocabulary
/// (site.yml's source types and locator kinds) is as it was and the file is the one that was read: its text is the
/// same, or, without reading it, its size and time of change are those it had when it was read and it had not changed
/// for <see cref="Settled"/> before (as git trusts its index: a file changed again within the file system's clock
/// tick of that read could keep its size and time, so such a file is read and compared).
/// </summary>
public sealed class ContentCache
{
    /// <summary>How long a file must have been unchanged when it was read for its size and time to stand for its text.</summary>
    public static readonly TimeSpan Settled = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Parsed> _files = new(StringComparer.Ordinal);

    internal sealed record Parsed(string Text, string Vocabulary, object? Item, IReadOnlyList<Diagnostic> Reading, IReadOnlyList<Diagnostic> Diagnostics, FileStamp? Stamp, DateTime ReadAt);

    /// <summary>A file's size and time of last change, or null if it cannot be had.</summary>
    internal readonly record struct FileStamp(long Length, DateTime Changed)
    {
        public static FileStamp? Of(FileInfo info)
        {
            try
            {
                return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc) : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }

    /// <summary>How many files were parsed (not found in the cache) since the cache was made.</summary>
    public int Parses => _parses;

    private int _parses;

    private (string Head, Model.ContentHistory History)? _history;

    /// <summary>
    /// The content's history as read at the same commit, or read again: an edit to a file changes no commit, and a
    /// checkout or a new commit changes HEAD. HEAD is read from the repository's files (<see cref="GitHead"/>), and
    /// from <c>git rev-parse HEAD</c> only where they cannot say, so an edit starts no process.
    /// </summary>
    internal Model.ContentHistory History(string contentRoot, Func<Model.ContentHistory> read)
    {
        var head = GitHead.Of(contentRoot, out var known) is var fromFiles && known ? fromFiles : Git.Run(contentRoot, "rev-parse", "HEAD");
        if (head is null) return Model.ContentHistory.None; // not in a repository, no commit yet, or no git: git log would give nothing either
        if (_history is { } kept && kept.Head == head) return kept.History;
        var history = read();
        _history = (head, history);
        return history;
    }

    /// <summary>The file as parsed, if its size and time of change say it has not changed since a settled read.</summary>
    internal Parsed? Find(string file, FileStamp stamp, string vocabulary) =>
        _files.TryGetValue(file, out var parsed) && parsed.Vocabulary == vocabulary && parsed.Stamp == stamp && stamp.Changed < parsed.ReadAt - Settled
            ? parsed : null;

    /// <summary>The file as parsed, if its text is the same; it is then known by its new size and time too.</summary>
    internal Parsed? Find(string file, string text, string vocabulary, FileStamp? stamp, DateTime readAt, IReadOnlyList<Diagnostic> reading)
    {
        if (!_files.TryGetValue(file, out var parsed) || parsed.Text != text || parsed.Vocabulary != vocabulary) return null;
        _files[file] = parsed with { Stamp = stamp, ReadAt = readAt, Reading = reading };
        return parsed;
    }

    internal void Keep(string file, string text, string vocabulary, object? item, IReadOnlyList<Diagnostic> reading, IReadOnlyList<Diagnostic> diagnostics, FileStamp? stamp, DateTime readAt)
    {
        Interlocked.Increment(ref _parses);
        _files[file] = new Parsed(text, vocabulary, item, reading, diagnostics, stamp, readAt);
    }
}
