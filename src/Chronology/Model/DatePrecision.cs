namespace Chronology.Model;

/// <summary>How finely a date is known. Ordered: a larger value is more precise.</summary>
public enum DatePrecision
{
    Year = 1,

    /// <summary>A season, quarter, four-month or half-year grouping (EDTF sub-year codes 21–41).</summary>
    SubYear = 2,
    Month = 3,
    Day = 4,
}
