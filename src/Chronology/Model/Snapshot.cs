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
    public int? PageAt(int offset)
    {
        int? page = null;
        foreach (var start in PageStarts)
        {
            if (start.Offset > offset) break;
            page = start.Page;
        }
        return page;
    }

    /// <summary>The document (<c>2d</c>) a character of <see cref="Text"/> is in, or null before the first document marker.</summary>
    public string? DocumentAt(int offset)
    {
        string? document = null;
        foreach (var start in DocumentStarts)
        {
            if (start.Offset > offset) break;
            document = start.Document;
        }
        return document;
    }

    /// <summary>Whether a <c>[document X]</c> line marks where document <paramref name="document"/> begins.</summary>
    public bool MarksDocument(string document) => DocumentStarts.Any(d => d.Document == document);
}

public sealed record PageStart(int Offset, int Page);

/// <summary>Where a document of a bundle begins in a snapshot's text: <c>[document 2d]</c>.</summary>
public sealed record DocumentStart(int Offset, string Document);
