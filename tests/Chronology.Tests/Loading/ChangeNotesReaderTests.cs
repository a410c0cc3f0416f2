using Chronology.Diagnostics;

namespace Chronology.Tests.Loading;

/// <summary>
/// content/changes.yml gives a change a wording for readers in place of its commit message: each note names one
/// commit by the start of its id and says, in one line, what the change did. Anything else is a located error.
/// </summary>
public class ChangeNotesReaderTests
{
    [Fact]
    public void A_note_is_read_with_its_id_its_wording_and_its_place()
    {
        using var site = TestSite.Create("""
            -- content/changes.yml --
            changes:
              - commit: 0123456789abcdef
                says: "  Dates given in the plain form  "
            """);

        Assert.DoesNotContain(site.Check(), d => d.Severity == Severity.Error);
        var evidence = Chronology.Loading.ContentLoader.Load(site.Content, new DiagnosticBag());
        var note = Assert.Single(evidence.ChangeNotes);
        Assert.Equal(("0123456789abcdef", "Dates given in the plain form", 2, 5), (note.Commit, note.Says, note.Location.Line, note.Location.Column));
    }

    public static TheoryData<string, string, int, int, string> Refused => new()
    {
        { "too short", "  - commit: 012345\n    says: A change\n", 2, 13, "is not a commit id" },
        { "upper case", "  - commit: 0123456789ABCDEF\n    says: A change\n", 2, 13, "is not a commit id" },
        { "not hexadecimal", "  - commit: 0123456789abcdeg\n    says: A change\n", 2, 13, "is not a commit id" },
        { "more than one line", "  - commit: 0123456789abcdef\n    says: |\n      A change\n      and another\n", 3, 11, "in one line" },
        { "the same commit twice", "  - commit: 0123456789abcdef\n    says: A change\n  - commit: 0123456789\n    says: Another\n", 4, 13, "names the same commit as line 2" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_note_that_names_no_commit_id_or_says_more_than_a_line_is_refused_at_its_place(string why, string notes, int line, int column, string message)
    {
        using var site = TestSite.Create("-- content/changes.yml --\nchanges:\n" + notes);

        var error = Assert.Single(site.Check(), d => d.Severity == Severity.Error);
        Assert.True((site.Display("changes.yml"), DiagnosticCodes.InvalidValue, line, column) == (error.File, error.Code, error.Line, error.Column), $"{why}: {error}");
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_note_without_its_wording_and_an_unknown_key_are_refused()
    {
        using var site = TestSite.Create("""
            -- content/changes.yml --
            changes:
              - commit: 0123456789abcdef
                reason: A typo for says
            """);

        var errors = site.Check().Where(d => d.Severity == Severity.Error).Select(d => (d.Code, d.Line)).ToList();
        Assert.Contains((DiagnosticCodes.UnknownKey, 3), errors);
        Assert.Contains((DiagnosticCodes.MissingField, 2), errors);
    }
}
