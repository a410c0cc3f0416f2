namespace Chronology.Model;

/// <summary>
/// Where a piece of content came from: its file as messages name it (the content folder as it was given, then the
/// path inside it), 1-based line and column. A value, held inside whatever it locates: a large site has a dozen for
/// every entry (its fields, its citations), kept for as long as the build may report on them, and as objects of their
/// own they were a sixth of everything the collector had to look through at 100,000 entries (docs/performance.md,
/// ninth session). Shown only in messages (<see cref="OnlyInMessagesAttribute"/>), never on a page.
/// </summary>
[OnlyInMessages]
public readonly record struct ContentLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
