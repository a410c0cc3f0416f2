using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Chronology.Model;

internal static partial class EdtfParser
{
    // ASCII digits only ([0-9], not \d, which matches any script's digits); \z, not $, which allows a trailing newline.
    [GeneratedRegex(@"\A(?<year>[0-9]{4})(-(?<m>[0-9]{2})(-(?<d>[0-9]{2}))?)?(?<q>[~?%])?\z")]
    private static partial Regex PointPattern();

    public static bool TryParse(string text, [NotNullWhen(true)] out EdtfDate? date, out string error)
    {
        date = null;
        text = text.Trim();
        if (text.Length == 0) return Fail("the date is empty", out error);

        if (text.StartsWith('{') || text.StartsWith('['))
        {
            var allOf = text[0] == '{';
            var close = allOf ? '}' : ']';
            if (!text.EndsWith(close)) return Fail($"a set that starts with '{text[0]}' must end with '{close}'", out error);
            var members = new List<EdtfPoint>();
            foreach (var part in text[1..^1].Split(','))
            {
                if (!TryParsePoint(part.Trim(), out var point, out error)) return false;
                members.Add(point);
            }
            if (members.Count < 2) return Fail("a set needs at least two dates", out error);
            for (var i = 1; i < members.Count; i++)
            {
                if (members[i].Earliest < members[i - 1].Earliest)
                    return Fail($"the dates in a set must be in order ('{members[i]}' comes before '{members[i - 1]}')", out error);
            }
            date = new EdtfSet(members, allOf);
            error = "";
            return true;
        }

        var slash = text.IndexOf('/');
        if (slash >= 0)
        {
            if (text.IndexOf('/', slash + 1) >= 0) return Fail("an interval has exactly one '/'", out error);
            if (!TryParseEnd(text[..slash], out var start, out var startKind, out error)) return false;
            if (!TryParseEnd(text[(slash + 1)..], out var end, out var endKind, out error)) return false;
            if (start is null && end is null) return Fail("an interval needs at least one known end", out error);
            if (start is not null && end is not null && end.Latest < start.Earliest)
                return Fail($"the interval ends ({end}) before it starts ({start})", out error);
            date = new EdtfInterval(start, end, startKind, endKind);
            error = "";
            return true;
        }

        if (!TryParsePoint(text, out var single, out error)) return false;
        date = single;
        return true;
    }

    private static bool TryParseEnd(string text, out EdtfPoint? point, out IntervalEnd kind, out string error)
    {
        point = null;
        error = "";
        switch (text)
        {
            case "": kind = IntervalEnd.Unknown; return true;
            case "..": kind = IntervalEnd.Open; return true;
        }
        kind = IntervalEnd.Known;
        if (!TryParsePoint(text, out var parsed, out error)) return false;
        point = parsed;
        return true;
    }

    private static bool TryParsePoint(string text, [NotNullWhen(true)] out EdtfPoint? point, out string error)
    {
        point = null;
        var match = PointPattern().Match(text);
        if (!match.Success)
            return Fail($"'{text}' is not an EDTF date (expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-SS, optionally followed by ~, ? or %)", out error);

        var year = int.Parse(match.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (year == 0) return Fail($"'{text}': year 0000 is not supported", out error);
        int? month = null, day = null, subYear = null;
        if (match.Groups["m"].Success)
        {
            var value = int.Parse(match.Groups["m"].Value);
            if (value is >= 1 and <= 12) month = value;
            else if (SubYearGroupings.IsKnown(value))
            {
                if (!SubYearGroupings.EndsByYear9999(year, value)) return Fail($"'{text}': the period runs past the year 9999", out error);
                subYear = value;
            }
            else return Fail($"'{text}': {value:D2} is neither a month (01–12) nor a supported season, quarter or half-year code (21–24, 33–41)", out error);
        }
        if (match.Groups["d"].Success)
        {
            if (month is null) return Fail($"'{text}': a day needs a month, not a season or quarter", out error);
            var value = int.Parse(match.Groups["d"].Value);
            if (value < 1 || value > DateTime.DaysInMonth(year, month.Value))
                return Fail($"'{text}': {EdtfDate.MonthName(month.Value)} {year} has no day {value}", out error);
            day = value;
        }
        var qualifier = match.Groups["q"].Value switch
        {
            "~" => DateQualifier.Approximate,
            "?" => DateQualifier.Uncertain,
            "%" => DateQualifier.Approximate | DateQualifier.Uncertain,
            _ => DateQualifier.None,
        };
        point = new EdtfPoint(year, month, day, subYear, qualifier);
        error = "";
        return true;
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
