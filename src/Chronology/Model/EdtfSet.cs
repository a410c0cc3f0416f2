namespace Chronology.Model;

/// <summary><c>{a,b}</c>: all of these dates; <c>[a,b]</c>: one of them.</summary>
public sealed record EdtfSet(IReadOnlyList<EdtfPoint> Members, bool AllOf) : EdtfDate
{
    public override DateOnly Earliest => Members.Min(m => m.Earliest);

    public override DateOnly Latest => Members.Max(m => m.Latest);

    public override DatePrecision Precision => Members.Max(m => m.Precision);

    public override bool IsApproximate => Members.Any(m => m.IsApproximate);

    public override bool IsUncertain => !AllOf || Members.Any(m => m.IsUncertain);

    public override string? HtmlDateTime => null;

    public override string Describe()
    {
        var parts = Members.Select((m, i) => i == 0 ? m.Describe() : LowerQualifier(m.Describe())).ToList();
        var joiner = AllOf ? " and " : " or ";
        return parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + joiner + parts[^1];
    }

    private static string LowerQualifier(string text) =>
        text.StartsWith("About ", StringComparison.Ordinal) || text.StartsWith("Possibly ", StringComparison.Ordinal) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    public override string ToString()
    {
        var inner = string.Join(",", Members.Select(m => m.ToString()));
        return AllOf ? "{" + inner + "}" : "[" + inner + "]";
    }

    public bool Equals(EdtfSet? other) => other is not null && ToString() == other.ToString();

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
