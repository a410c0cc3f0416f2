namespace Chronology.Model;

/// <summary>Where a piece of content came from: a path relative to the content root, 1-based line and column.</summary>
public sealed record ContentLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
