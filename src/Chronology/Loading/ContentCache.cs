using System.Collections.Concurrent;
using Chronology.Diagnostics;

namespace Chronology.Loading;

/// <summary>
/// What each content file gave when it was last parsed, by its path: the preview server keeps one across rebuilds,
/// so that after an edit only the edited file is parsed again. An entry is used only if the file's text and the
/// site's vocabulary (site.yml's source types and locator kinds) are exactly as they were.
/// </summary>
public sealed class ContentCache
{
    private readonly ConcurrentDictionary<string, Parsed> _files = new(StringComparer.Ordinal);

    internal sealed record Parsed(string Text, string Vocabulary, object? Item, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>How many files were parsed (not found in the cache) since the cache was made.</summary>
    public int Parses => _parses;

    private int _parses;

    private (string Head, Model.ContentHistory History)? _history;

    /// <summary>
    /// The content's history as read at the same commit (<c>git rev-parse HEAD</c>), or read again: an edit to a file
    /// changes no commit, and a checkout or a new commit changes HEAD.
    /// </summary>
    internal Model.ContentHistory History(string contentRoot, Func<Model.ContentHistory> read)
    {
        var head = Git.Run(contentRoot, "rev-parse", "HEAD");
        if (head is null) return Model.ContentHistory.None; // not in a repository, no commit yet, or no git: git log would give nothing either
        if (_history is { } known && known.Head == head) return known.History;
        var history = read();
        _history = (head, history);
        return history;
    }

    internal Parsed? Find(string file, string text, string vocabulary) =>
        _files.TryGetValue(file, out var parsed) && parsed.Text == text && parsed.Vocabulary == vocabulary ? parsed : null;

    internal void Keep(string file, string text, string vocabulary, object? item, IReadOnlyList<Diagnostic> diagnostics)
    {
        Interlocked.Increment(ref _parses);
        _files[file] = new Parsed(text, vocabulary, item, diagnostics);
    }
}
