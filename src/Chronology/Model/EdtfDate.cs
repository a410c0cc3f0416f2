using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Chronology.Model;

/// <summary>
/// A date in the subset of ISO 8601-2 / EDTF that the content needs: a single date at year, sub-year, month or
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

    /// <summary>
    /// The one form in which the site shows a date to readers, derived from the EDTF value alone: "21 April 2021",
    /// "April 2021", "About late 2017", "April–June 2018", "2015 – October 2017". Never numeric, so never ambiguous
    /// between British and American readings; a document's own wording is shown beside it where it differs.
    /// </summary>
    public abstract string Describe();

    /// <summary>The text with its first letter in upper case ("late 2017" at the start of a date).</summary>
    internal static string Capitalised(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    /// <summary>
    /// A document's own wording of a date, where it says more than (or other than) <see cref="Describe"/>:
    /// null where the two are the same words ("March 2017" and "March 2017").
    /// </summary>
    public string? WordingBeside(string? label) =>
        label is null || string.Equals(Normalise(label), Normalise(Describe()), StringComparison.OrdinalIgnoreCase) ? null : label.Trim();

    private static string Normalise(string text) => string.Join(' ', text.Replace('–', '-').Replace(" - ", "-")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)).Replace(" -", "-").Replace("- ", "-");

    public static EdtfDate Parse(string text) =>
        EdtfParser.TryParse(text, out var date, out var error) ? date : throw new FormatException(error);

    public static bool TryParse(string text, [NotNullWhen(true)] out EdtfDate? date, out string error) =>
        EdtfParser.TryParse(text, out date, out error);

    internal static string MonthName(int month) =>
        CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
}
