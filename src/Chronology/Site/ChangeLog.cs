using Chronology.Model;

namespace Chronology.Site;

/// <summary>
/// One change to the chronology, as the site-wide list of changes gives it: a commit that changed entries, when, what it
/// says (as an entry page's own list gives it, <see cref="ContentHistory"/>), the entries it changed that the
/// chronology still has, in date order, and how many it changed that it no longer has under the same address.
/// </summary>
public sealed record EntryChange(DateTimeOffset When, string Message, string Commit, IReadOnlyList<ChronologyEntry> Entries, int Gone);

/// <summary>The site-wide list of changes to entries: every commit that changed an entry's file, newest first.</summary>
public static class ChangeLog
{
    private const string EntriesFolder = "entries/";

    /// <summary>
    /// Every commit that changed a file of <c>entries/</c>, newest first (then by id, so two commits of the same second
    /// keep one order), with the entries it changed. Only entries: their changes are the ones entry pages list, in
    /// the wording content/changes.yml gives them; other content's commits speak to the people who make the site.
    /// </summary>
    public static IReadOnlyList<EntryChange> Of(SiteModel site)
    {
        var commits = new Dictionary<string, (ContentChange Change, List<string> Ids, int Gone)>(StringComparer.Ordinal);
        foreach (var (file, changes) in site.History.Files)
        {
            if (!file.StartsWith(EntriesFolder, StringComparison.Ordinal) || !file.EndsWith(".md", StringComparison.Ordinal)) continue;
            var id = file[EntriesFolder.Length..^".md".Length];
            if (id.Contains('/')) continue; // not an entry: entries are the folder's own files
            var exists = site.EntriesById.ContainsKey(id);
            foreach (var change in changes)
            {
                var commit = commits.TryGetValue(change.Commit, out var found) ? found : (change, [], 0);
                if (exists) commit.Ids.Add(id);
                else commit.Gone++;
                commits[change.Commit] = commit;
            }
        }
        return
        [
            .. commits.Values
                .OrderByDescending(c => c.Change.When)
                .ThenBy(c => c.Change.Commit, StringComparer.Ordinal)
                .Select(c => new EntryChange(c.Change.When, c.Change.Message, c.Change.Commit, site.EntriesInOrder(c.Ids), c.Gone)),
        ];
    }
}
