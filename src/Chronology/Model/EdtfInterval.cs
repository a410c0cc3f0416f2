namespace Chronology.Model;

/// <summary>
/// <c>start/end</c>. A missing end is unknown (<c>2019/</c>); <c>..</c> is open (<c>2019/..</c>).
/// Each end keeps its own precision.
/// </summary>
public sealed record EdtfInterval(EdtfPoint? Start, EdtfPoint? End, IntervalEnd StartKind, IntervalEnd EndKind) : EdtfDate
{
    public override DateOnly Earliest => Start?.Earliest ?? End!.Earliest;

    public override DateOnly Latest => End?.Latest ?? Start!.Latest;

    public override DatePrecision Precision =>
        (DatePrecision)Math.Max((int)(Start?.Precision ?? DatePrecision.Year), (int)(End?.Precision ?? DatePrecision.Year));

    public override bool IsApproximate => (Start?.IsApproximate ?? false) || (End?.IsApproximate ?? false);

    public override bool IsUncertain => (Start?.IsUncertain ?? false) || (End?.IsUncertain ?? false);

    public override string? HtmlDateTime => null;

    public override string Describe() => (Start, End) switch
    {
        ({ Precision: DatePrecision.Month, Qualifier: DateQualifier.None } s, { Precision: DatePrecision.Month, Qualifier: DateQualifier.None } e) when s.Year == e.Year =>
            $"{MonthName(s.Month!.Value)}–{MonthName(e.Month!.Value)} {s.Year}",
        ({ } s, { } e) => $"{s.Describe()} – {Lower(e.Describe())}",
        ({ } s, null) => StartKindText(s),
        (null, { } e) => $"Until {Lower(e.Describe())}",
        _ => "Unknown",
    };

    /// <summary>"About late 2017" in the middle of a phrase: "about late 2017"; month names keep their capital.</summary>
    private static string Lower(string text) =>
        text.StartsWith("About ", StringComparison.Ordinal) || text.StartsWith("Possibly ", StringComparison.Ordinal) ||
        text.StartsWith("Early ", StringComparison.Ordinal) || text.StartsWith("Late ", StringComparison.Ordinal) ||
        text.StartsWith("Spring ", StringComparison.Ordinal) || text.StartsWith("Summer ", StringComparison.Ordinal) ||
        text.StartsWith("Autumn ", StringComparison.Ordinal) || text.StartsWith("Winter ", StringComparison.Ordinal)
            ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private string StartKindText(EdtfPoint start) =>
        EndKind == IntervalEnd.Open ? $"{start.Describe()} onwards" : $"From {Lower(start.Describe())} (end unknown)";

    public override string ToString() => $"{Text(Start, StartKind)}/{Text(End, EndKind)}";

    private static string Text(EdtfPoint? point, IntervalEnd kind) =>
        point?.ToString() ?? (kind == IntervalEnd.Open ? ".." : "");
}

public enum IntervalEnd
{
    Known,
    Unknown,
    Open,
}
