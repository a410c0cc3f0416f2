namespace Chronology.Model;

/// <summary>
/// An archived text copy of a source (content/snapshots/&lt;source-id&gt;.txt), against which quotes are checked.
/// <see cref="PageStarts"/> holds where each marked page begins in <see cref="Text"/>, in order.
/// </summary>
public sealed record Snapshot(
    string SourceId,
    string Title,
    string Publisher,
    string? Url,
    string Note,
    string Text,
    IReadOnlyList<PageStart> PageStarts,
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
}

public sealed record PageStart(int Offset, int Page);
