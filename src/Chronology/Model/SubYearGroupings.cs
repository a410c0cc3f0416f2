namespace Chronology.Model;

/// <summary>EDTF level 2 sub-year groupings we accept, as month ranges.</summary>
internal static class SubYearGroupings
{
    // code → (first month, months spanned, English description; {0} is the year)
    private static readonly Dictionary<int, (int FirstMonth, int Months, string Name)> Codes = new()
    {
        [21] = (3, 3, "spring {0}"),
        [22] = (6, 3, "summer {0}"),
        [23] = (9, 3, "autumn {0}"),
        [24] = (12, 3, "winter {0}"),
        [33] = (1, 3, "January–March {0}"),
        [34] = (4, 3, "April–June {0}"),
        [35] = (7, 3, "July–September {0}"),
        [36] = (10, 3, "October–December {0}"),
        [37] = (1, 4, "January–April {0}"),
        [38] = (5, 4, "May–August {0}"),
        [39] = (9, 4, "September–December {0}"),
        [40] = (1, 6, "early {0}"),
        [41] = (7, 6, "late {0}"),
    };

    public static bool IsKnown(int code) => Codes.ContainsKey(code);

    /// <summary>Whether the period ends within the calendar (winter 9999 would run into the year 10000).</summary>
    public static bool EndsByYear9999(int year, int code) => year < 9999 || Codes[code].FirstMonth + Codes[code].Months - 1 <= 12;

    public static (DateOnly First, DateOnly Last) Range(int year, int code)
    {
        var (firstMonth, months, _) = Codes[code];
        var first = new DateOnly(year, firstMonth, 1);
        var last = first.AddMonths(months).AddDays(-1);
        return (first, last);
    }

    public static string Describe(int year, int code) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Codes[code].Name, year);
}
