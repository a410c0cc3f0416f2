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
        ({ } s, { } e) => $"{s.Describe()} – {e.Describe()}",
        ({ } s, null) => StartKindText(s),
        (null, { } e) => $"until {e.Describe()}",
        _ => "unknown",
    };

    private string StartKindText(EdtfPoint start) =>
        EndKind == IntervalEnd.Open ? $"{start.Describe()} onwards" : $"from {start.Describe()} (end unknown)";

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
