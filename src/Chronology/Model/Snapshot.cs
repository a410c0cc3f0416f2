namespace Chronology.Model;

/// <summary>
/// An archived text copy of a source (content/snapshots/&lt;source-id&gt;.txt), against which quotes are checked.
/// <see cref="PageStarts"/> holds where each marked page begins in <see cref="Text"/>, in order;
/// <see cref="DocumentStarts"/> where each marked document of a bundle begins, in order of appearance.
/// </summary>
public sealed record Snapshot(
    string SourceId,
    string Title,
    string Publisher,
    string? Url,
    string Note,
    string Text,
    IReadOnlyList<PageStart> PageStarts,
    IReadOnlyList<DocumentStart> DocumentStarts,
    ContentLocation Location)
{
    /// <summary>The page a character of <see cref="Text"/> is on, or null before the first page marker.</summary>
    public int? PageAt(int offset) => LastStartAtOrBefore(PageStarts, offset, s => s.Offset)?.Page;

    /// <summary>The document (<c>2d</c>) a character of <see cref="Text"/> is in, or null before the first document marker.</summary>
    public string? DocumentAt(int offset) => LastStartAtOrBefore(DocumentStarts, offset, s => s.Offset)?.Document;

    /// <summary>The last of <paramref name="starts"/> (in text order) that begins at or before <paramref name="offset"/>.</summary>
    private static T? LastStartAtOrBefore<T>(IReadOnlyList<T> starts, int offset, Func<T, int> offsetOf) where T : class =>
        starts.TakeWhile(s => offsetOf(s) <= offset).LastOrDefault();

    /// <summary>Whether a <c>[document X]</c> line marks where document <paramref name="document"/> begins.</summary>
    public bool MarksDocument(string document) => DocumentStarts.Any(d => d.Document == document);
}

public sealed record PageStart(int Offset, int Page);

/// <summary>Where a document of a bundle begins in a snapshot's text: <c>[document 2d]</c>.</summary>
public sealed record DocumentStart(int Offset, string Document);
