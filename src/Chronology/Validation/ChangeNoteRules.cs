using Chronology.Diagnostics;
using Chronology.Model;

namespace Chronology.Validation;

/// <summary>
/// What content/changes.yml says of a change takes the place of its commit message wherever the site lists changes.
/// Each note must name one commit that changed the content folder: one that names none (a typing error, or a commit
/// whose id changed when history was rewritten) would leave the message it was written to replace on the site.
/// </summary>
public static class ChangeNoteRules
{
    /// <summary>
    /// The history with each note's wording in place of its commit's message. Outside a repository (no history to
    /// show, and none to check against) the notes are not checked.
    /// </summary>
    public static ContentHistory Apply(IReadOnlyList<ChangeNote> notes, ContentHistory history, DiagnosticBag diagnostics)
    {
        if (notes.Count == 0 || history.Commits.Count == 0) return history;
        var says = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var note in notes)
        {
            var matches = history.Commits.Where(c => c.StartsWith(note.Commit, StringComparison.Ordinal)).Take(2).ToList();
            switch (matches)
            {
                case [var commit]:
                    says[commit] = note.Says;
                    break;
                case []:
                    diagnostics.Warning(DiagnosticCodes.UnknownCommit, note.Location,
                        $"no commit that changed the content folder has an id starting '{note.Commit}', so this wording is shown nowhere; check the id with 'git log -- content' (a shallow clone has only its latest commits)");
                    break;
                default:
                    diagnostics.Warning(DiagnosticCodes.UnknownCommit, note.Location,
                        $"more than one commit has an id starting '{note.Commit}'; give more of its digits");
                    break;
            }
        }
        return history.Reworded(says);
    }
}
