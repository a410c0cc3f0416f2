using Chronology.Diagnostics;
using Chronology.Model;

namespace Chronology.Loading;

/// <summary>
/// content/changes.yml: <c>changes:</c>, a list of <c>commit</c> (the start of a commit's id, at least 7 hexadecimal
/// digits) and <c>says</c> (what the site shows for that change instead of its commit message's first line).
/// </summary>
internal static class ChangeNotesReader
{
    // The allowed keys are internal so that SchemaTests can hold docs/schemas/ to them: change both together.
    internal static readonly string[] Keys = ["changes"];
    internal static readonly string[] ChangeKeys = ["commit", "says"];

    public static IReadOnlyList<ChangeNote> Read(string text, string file, DiagnosticBag diagnostics)
    {
        if (FieldReader.OfYamlFile(text, file, diagnostics, Keys) is not { } fields) return [];
        var notes = new List<ChangeNote>();
        foreach (var item in fields.MappingList("changes", required: true))
        {
            var changeFields = new FieldReader(item, file, diagnostics, ChangeKeys);
            var commit = changeFields.Text("commit", required: true)?.Trim();
            var says = changeFields.Text("says", required: true)?.Trim();
            if (commit is null || says is null) continue;
            if (commit.Length is < 7 or > 40 || !commit.All(char.IsAsciiHexDigitLower))
            {
                changeFields.Invalid("commit", $"'{commit}' is not a commit id: give its first 7 to 40 hexadecimal digits in lower case, as 'git log' prints them");
                continue;
            }
            if (says.Length == 0 || says.Contains('\n'))
            {
                changeFields.Invalid("says", "say what the change did in one line, for readers");
                continue;
            }
            if (notes.Find(n => n.Commit.StartsWith(commit, StringComparison.Ordinal) || commit.StartsWith(n.Commit, StringComparison.Ordinal)) is { } other)
            {
                changeFields.Invalid("commit", $"'{commit}' names the same commit as line {other.Location.Line}; say once what it did");
                continue;
            }
            notes.Add(new ChangeNote(commit, says, changeFields.Location));
        }
        return notes;
    }
}
