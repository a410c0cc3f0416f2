using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Chronology.Model;

/// <summary>
/// A date in the subset of ISO 8601-2 / EDTF that the seeds need: a single date at year, sub-year, month or
/// day precision with a qualifier; an interval between two of those; or a set of them.
/// </summary>
public abstract record EdtfDate
{
    /// <summary>The earliest day the date could mean: the sort key.</summary>
    public abstract DateOnly Earliest { get; }

    /// <summary>The latest day the date could mean.</summary>
    public abstract DateOnly Latest { get; }

    /// <summary>The finest precision of any part of the date.</summary>
    public abstract DatePrecision Precision { get; }

    public abstract bool IsApproximate { get; }

    public abstract bool IsUncertain { get; }

    /// <summary>The value for an HTML <c>&lt;time datetime&gt;</c>, or null when one instant cannot express it.</summary>
    public abstract string? HtmlDateTime { get; }

    /// <summary>A plain English description, used when an entry has no label of its own.</summary>
    public abstract string Describe();

    public static EdtfDate Parse(string text) =>
        EdtfParser.TryParse(text, out var date, out var error) ? date : throw new FormatException(error);

    public static bool TryParse(string text, [NotNullWhen(true)] out EdtfDate? date, out string error) =>
        EdtfParser.TryParse(text, out date, out error);

    internal static string MonthName(int month) =>
        CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
}
