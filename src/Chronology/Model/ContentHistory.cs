namespace Chronology.Model;

/// <summary>
/// One commit that changed a content file: when, what it says (the first line of its message, or what
/// content/changes.yml says of it instead), and its id.
/// </summary>
public sealed record ContentChange(DateTimeOffset When, string Message, string Commit);

/// <summary>
/// Each content file's changes, from the repository's history (read by Loading's <c>ContentHistoryReader</c>): what
/// the feeds call "updated", what an entry page lists under "Changes to this entry", and when an archived copy was
/// added. Outside a git work tree, or for a file never committed, there are none; the feeds then fall back to the
/// entry's own date, so a build stays reproducible. Commit messages that touch <c>content/</c> are public.
/// </summary>
public sealed class ContentHistory
{
    private readonly Dictionary<string, List<ContentChange>> _changes;

    /// <param name="changes">Each file's commits, newest first, by its path relative to the content folder.</param>
    public ContentHistory(Dictionary<string, List<ContentChange>> changes) => _changes = changes;

    public static ContentHistory None { get; } = new(new Dictionary<string, List<ContentChange>>(StringComparer.Ordinal));

    /// <summary>Every commit that changed a file, newest first, by its path relative to the content folder ("entries/a.md").</summary>
    public IReadOnlyList<ContentChange> Changes(string relativePath) =>
        _changes.TryGetValue(relativePath.Replace('\\', '/'), out var changes) ? changes : [];

    /// <summary>Every file with its commits, by path: the whole history, as a page cache must see it.</summary>
    public IEnumerable<(string File, IReadOnlyList<ContentChange> Changes)> Files =>
        _changes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, (IReadOnlyList<ContentChange>)c.Value));

    /// <summary>The last commit time of a file.</summary>
    public DateTimeOffset? LastChanged(string relativePath) => Changes(relativePath) is [var last, ..] ? last.When : null;

    /// <summary>The id of every commit in the history (no two the same).</summary>
    public IReadOnlySet<string> Commits => _commits ??= _changes.Values.SelectMany(c => c).Select(c => c.Commit).ToHashSet(StringComparer.Ordinal);

    private HashSet<string>? _commits;

    /// <summary>
    /// The same history with what each commit says replaced where <paramref name="says"/> gives another wording for
    /// its id (<see cref="ChangeNote"/>); every other commit as it was.
    /// </summary>
    public ContentHistory Reworded(IReadOnlyDictionary<string, string> says)
    {
        if (says.Count == 0) return this;
        var changes = new Dictionary<string, List<ContentChange>>(StringComparer.Ordinal);
        foreach (var (file, list) in _changes)
            changes[file] = [.. list.Select(c => says.TryGetValue(c.Commit, out var wording) ? c with { Message = wording } : c)];
        return new ContentHistory(changes);
    }

    /// <summary>When a file was first committed.</summary>
    public DateTimeOffset? Added(string relativePath) => Changes(relativePath) is [.., var first] ? first.When : null;
}
