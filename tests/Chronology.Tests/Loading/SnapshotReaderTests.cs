using Chronology.Diagnostics;
using Chronology.Loading;

namespace Chronology.Tests.Loading;

/// <summary>A snapshot's <c>[page N]</c> and <c>[document X]</c> marker lines: where each begins, and never part of the text.</summary>
public class SnapshotReaderTests
{
    private const string Bundle = """
        ---
        title: A bundle
        publisher: Someone
        note: Archived text extraction, for tests.
        ---
        [document 1]
        [page 1]
        The first register.
        [document 2]
        The annotations.
        [page 2]
        [document 2d]
        A note.
        """;

    [Fact]
    public void Document_markers_are_read_in_order_and_are_not_part_of_the_text()
    {
        var diagnostics = new DiagnosticBag();

        var snapshot = SnapshotReader.Read("bundle", Bundle, "content/snapshots/bundle.txt", diagnostics)!;

        Assert.Empty(diagnostics.Items);
        Assert.Equal("The first register.\nThe annotations.\nA note.\n", snapshot.Text);
        Assert.Equal(["1", "2", "2d"], snapshot.DocumentStarts.Select(d => d.Document));
        Assert.Equal(("1", 1), (snapshot.DocumentAt(snapshot.Text.IndexOf("first", StringComparison.Ordinal)), snapshot.PageAt(snapshot.Text.IndexOf("first", StringComparison.Ordinal))));
        Assert.Equal(("2", 1), (snapshot.DocumentAt(snapshot.Text.IndexOf("annotations", StringComparison.Ordinal)), snapshot.PageAt(snapshot.Text.IndexOf("annotations", StringComparison.Ordinal))));
        Assert.Equal(("2d", 2), (snapshot.DocumentAt(snapshot.Text.IndexOf("note", StringComparison.Ordinal)), snapshot.PageAt(snapshot.Text.IndexOf("note", StringComparison.Ordinal))));
        Assert.True(snapshot.MarksDocument("2d"));
        Assert.False(snapshot.MarksDocument("2a"));
    }

    [Fact]
    public void Text_before_the_first_document_marker_is_in_no_document()
    {
        var snapshot = SnapshotReader.Read("bundle", Bundle.Replace("[document 1]", "A covering letter.\n[document 1]"), "content/snapshots/bundle.txt", new DiagnosticBag())!;

        Assert.Null(snapshot.DocumentAt(0));
        Assert.Equal("1", snapshot.DocumentAt(snapshot.Text.IndexOf("first", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_snapshot_without_document_markers_has_none()
    {
        var snapshot = SnapshotReader.Read("bundle", Bundle.Replace("[document 1]\n", "").Replace("[document 2]\n", "").Replace("[document 2d]\n", ""),
            "content/snapshots/bundle.txt", new DiagnosticBag())!;

        Assert.Empty(snapshot.DocumentStarts);
        Assert.Null(snapshot.DocumentAt(0));
    }

    [Theory]
    [InlineData("[document]")]
    [InlineData("[document 2 d]")]
    [InlineData("see [document 2d]")]
    public void A_line_that_is_not_exactly_a_marker_is_text(string line)
    {
        var snapshot = SnapshotReader.Read("bundle", Bundle.Replace("A note.", line), "content/snapshots/bundle.txt", new DiagnosticBag())!;

        Assert.Contains(line, snapshot.Text);
        Assert.Equal(3, snapshot.DocumentStarts.Count);
    }

    [Fact]
    public void A_repeated_document_marker_is_an_error_at_its_line()
    {
        var diagnostics = new DiagnosticBag();

        var snapshot = SnapshotReader.Read("bundle", Bundle.Replace("[document 2d]", "[document 1]"), "content/snapshots/bundle.txt", diagnostics);

        var error = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticCodes.InvalidValue, Severity.Error, "content/snapshots/bundle.txt", 12, 1), (error.Code, error.Severity, error.File, error.Line, error.Column));
        Assert.Equal("document markers must not repeat: [document 1] is already on line 6", error.Message);
        Assert.Equal(["1", "2"], snapshot!.DocumentStarts.Select(d => d.Document));
    }
}
