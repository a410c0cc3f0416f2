using System.Globalization;

namespace Chronology.Model;

/// <summary>Dates the tool itself writes (access and check dates), formatted the same on every machine.</summary>
public static class DisplayDates
{
    public static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Long(DateTimeOffset time) => time.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
