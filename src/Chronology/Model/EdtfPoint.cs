namespace Chronology.Model;

/// <summary>One date: <c>2018</c>, <c>2018-03</c>, <c>2018-03-02</c> or <c>2017-41</c>, with an optional qualifier.</summary>
public sealed record EdtfPoint(int Year, int? Month, int? Day, int? SubYear, DateQualifier Qualifier) : EdtfDate
{
    public override DateOnly Earliest => SubYear is { } code
        ? SubYearGroupings.Range(Year, code).First
        : new DateOnly(Year, Month ?? 1, Day ?? 1);

    public override DateOnly Latest
    {
        get
        {
            if (SubYear is { } code) return SubYearGroupings.Range(Year, code).Last;
            if (Day is { } day) return new DateOnly(Year, Month!.Value, day);
            if (Month is { } month) return new DateOnly(Year, month, DateTime.DaysInMonth(Year, month));
            return new DateOnly(Year, 12, 31);
        }
    }

    public override DatePrecision Precision =>
        Day is not null ? DatePrecision.Day
        : Month is not null ? DatePrecision.Month
        : SubYear is not null ? DatePrecision.SubYear
        : DatePrecision.Year;

    public override bool IsApproximate => Qualifier.HasFlag(DateQualifier.Approximate);

    public override bool IsUncertain => Qualifier.HasFlag(DateQualifier.Uncertain);

    public override string? HtmlDateTime => Precision switch
    {
        DatePrecision.Day => $"{Year:D4}-{Month:D2}-{Day:D2}",
        DatePrecision.Month => $"{Year:D4}-{Month:D2}",
        _ => $"{Year:D4}",
    };

    public override string Describe()
    {
        var text = Precision switch
        {
            DatePrecision.Day => $"{Day} {MonthName(Month!.Value)} {Year}",
            DatePrecision.Month => $"{MonthName(Month!.Value)} {Year}",
            DatePrecision.SubYear => SubYearGroupings.Describe(Year, SubYear!.Value),
            _ => $"{Year}",
        };
        if (IsApproximate) text = "about " + text;
        if (IsUncertain) text = "possibly " + text;
        return Capitalised(text);
    }

    public override string ToString()
    {
        var text = Precision switch
        {
            DatePrecision.Day => $"{Year:D4}-{Month:D2}-{Day:D2}",
            DatePrecision.Month => $"{Year:D4}-{Month:D2}",
            DatePrecision.SubYear => $"{Year:D4}-{SubYear:D2}",
            _ => $"{Year:D4}",
        };
        return text + Qualifier switch
        {
            DateQualifier.Approximate => "~",
            DateQualifier.Uncertain => "?",
            DateQualifier.Approximate | DateQualifier.Uncertain => "%",
            _ => "",
        };
    }
}
