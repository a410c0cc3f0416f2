using Chronology.Diagnostics;
using Chronology.Model;

namespace Chronology.Loading;

/// <summary>
/// content/glossary.yml: <c>terms:</c>, a list of <c>term</c>, <c>expansion</c> and an optional <c>note</c>; a term the
/// documents never spell out has a <c>note</c> saying so instead of an <c>expansion</c>.
/// </summary>
internal static class GlossaryReader
{
    // The allowed keys are internal so that SchemaTests can hold docs/schemas/ to them: change both together.
    internal static readonly string[] Keys = ["terms"];
    internal static readonly string[] TermKeys = ["term", "expansion", "note"];

    public static IReadOnlyList<GlossaryTerm> Read(string text, string file, DiagnosticBag diagnostics)
    {
        if (FieldReader.OfYamlFile(text, file, diagnostics, Keys) is not { } fields) return [];
        var terms = new List<GlossaryTerm>();
        var seen = new Dictionary<string, ContentLocation>(StringComparer.Ordinal);
        foreach (var item in fields.MappingList("terms", required: true))
        {
            var termFields = new FieldReader(item, file, diagnostics, TermKeys);
            var term = termFields.Text("term", required: true);
            var expansion = termFields.Text("expansion");
            var note = termFields.Text("note");
            if (expansion is null && note is null)
                termFields.Error(DiagnosticCodes.MissingField, "expansion",
                    "missing required field 'expansion' (the full form, as the documents spell it out; where no document does, leave it out and give a 'note' saying so)");
            if (term is null || (expansion is null && note is null)) continue;
            if (!term.Any(char.IsLetter) || term.Any(char.IsWhiteSpace))
            {
                termFields.Invalid("term", $"'{term}' is not an abbreviation: one word with at least one letter");
                continue;
            }
            if (seen.TryGetValue(term, out var first))
            {
                termFields.Invalid("term", $"'{term}' is already in the glossary (line {first.Line}); give one entry with every meaning");
                continue;
            }
            seen[term] = termFields.Location;
            terms.Add(new GlossaryTerm(term, expansion, note, termFields.Location));
        }
        return terms;
    }
}
