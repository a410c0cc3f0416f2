using System.Text.RegularExpressions;
using Chronology.Model;

namespace Chronology.Validation;

/// <summary>How precise a human date label is: "2 March 2018" is a day, "Q1 2018/19" a sub-year grouping.</summary>
public static partial class LabelPrecision
{
    private const string Month =
        @"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)";

    [GeneratedRegex(@"\b\d{1,2}(st|nd|rd|th)?\s+" + Month + @"\b|\b" + Month + @"\s+\d{1,2}(st|nd|rd|th)?,|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayPattern();

    [GeneratedRegex(@"\b" + Month + @"\b|\b\d{1,2}/\d{4}\b|\b\d{4}-\d{2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"\bQ[1-4]\b|\bquarter\b|\b(spring|summer|autumn|fall|winter)\b|\b(early|mid|late)\b|\bhalf\b", RegexOptions.IgnoreCase)]
    private static partial Regex SubYearPattern();

    public static DatePrecision Of(string label)
    {
        if (DayPattern().IsMatch(label)) return DatePrecision.Day;
        if (MonthPattern().IsMatch(label)) return DatePrecision.Month;
        if (SubYearPattern().IsMatch(label)) return DatePrecision.SubYear;
        return DatePrecision.Year;
    }

    /// <summary>
    /// Whether a date claims no more precision than its label. A quarter or season in the label may be stored
    /// as the interval of its months (Q1 2018/19 = 2018-04/2018-06), since that is what the grouping means.
    /// </summary>
    public static bool Allows(string label, EdtfDate date)
    {
        var labelPrecision = Of(label);
        if (date.Precision <= labelPrecision) return true;
        return labelPrecision == DatePrecision.SubYear && date is EdtfInterval && date.Precision == DatePrecision.Month;
    }
}
