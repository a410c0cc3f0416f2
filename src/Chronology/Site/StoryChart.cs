using System.Globalization;
using System.Net;
using System.Text;
using Chronology.Model;

namespace Chronology.Site;

/// <summary>
/// The whole story in one picture, drawn at build time: years along the top, a lane for each of the organisations
/// with the most entries (and one for the rest), and a mark for each entry in each lane it belongs to, linking to
/// the entry. A date known to the day is a dot; a month, season, year or span is a bar over every day it could mean;
/// an approximate or uncertain date is drawn hollow. Nothing is drawn more precisely than its date.
/// </summary>
public sealed class StoryChart
{
    public const int TopOrganisations = 8;
    public const string OtherLane = "Others, or none named";

    private const double Width = 960, Gutter = 200, RightPad = 12, AxisHeight = 26, RowHeight = 13, LanePad = 7, MinBar = 7, DotRadius = 4.5;

    public sealed record Lane(string Name, Organisation? Organisation, IReadOnlyList<ChronologyEntry> Entries);

    public IReadOnlyList<Lane> Lanes { get; }

    public int FirstYear { get; }

    public int LastYear { get; }

    private StoryChart(IReadOnlyList<Lane> lanes, int firstYear, int lastYear) => (Lanes, FirstYear, LastYear) = (lanes, firstYear, lastYear);

    public static StoryChart For(SiteModel site)
    {
        var top = site.Organisations
            .Select(o => (Organisation: o, Entries: site.EntriesFor(o.Id)))
            .Where(o => o.Entries.Count > 0)
            .OrderByDescending(o => o.Entries.Count).ThenBy(o => o.Organisation.Name, StringComparer.Ordinal)
            .Take(TopOrganisations).ToList();
        var topIds = top.Select(t => t.Organisation.Id).ToHashSet(StringComparer.Ordinal);
        var lanes = top.Select(t => new Lane(t.Organisation.Name, t.Organisation, t.Entries)).ToList();
        var rest = site.Entries.Where(e => !e.Organisations.Any(topIds.Contains)).ToList();
        if (rest.Count > 0) lanes.Add(new Lane(OtherLane, null, rest));
        var first = site.Years.Count > 0 ? site.Years[0].Year : DateTime.UtcNow.Year;
        var last = site.Entries.Count > 0 ? Math.Max(site.Years[^1].Year, site.Entries.Max(e => Clamp(e.Date.Latest).Year)) : first;
        return new StoryChart(lanes, first, Math.Max(first, Math.Min(last, site.Years.Count > 0 ? site.Years[^1].Year + 1 : first)));
    }

    private static DateOnly Clamp(DateOnly day) => day.Year > 9000 ? new DateOnly(9000, 1, 1) : day;

    /// <summary>How an entry's date is drawn.</summary>
    public static string MarkKind(EdtfDate date) =>
        (date.Earliest == date.Latest ? "day" : "span") + (date.IsApproximate || date.IsUncertain ? " approximate" : "");

    private double X(DateOnly day)
    {
        var start = new DateOnly(FirstYear, 1, 1).DayNumber;
        var end = new DateOnly(LastYear + 1, 1, 1).DayNumber;
        var clamped = Math.Clamp(day.DayNumber, start, end);
        return Gutter + (Width - Gutter - RightPad) * (clamped - start) / (end - start);
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The SVG, each mark linking (through <paramref name="href"/>) to its entry's page.</summary>
    public string ToSvg(Func<string, string> href)
    {
        // Pack each lane's marks into rows so that no two overlap.
        var layout = new List<(Lane Lane, List<(ChronologyEntry Entry, double X0, double X1, int Row)> Marks, int Rows)>();
        foreach (var lane in Lanes)
        {
            var rowEnds = new List<double>();
            var marks = new List<(ChronologyEntry, double, double, int)>();
            foreach (var entry in lane.Entries.OrderBy(e => e.Date.Earliest))
            {
                var isDay = entry.Date.Earliest == entry.Date.Latest;
                var x0 = isDay ? X(entry.Date.Earliest) - DotRadius : X(entry.Date.Earliest);
                var x1 = isDay ? X(entry.Date.Earliest) + DotRadius : Math.Max(X(entry.Date.Latest.AddDays(1)), x0 + MinBar);
                var row = rowEnds.FindIndex(end => end + 2 <= x0);
                if (row < 0) { row = rowEnds.Count; rowEnds.Add(x1); } else rowEnds[row] = x1;
                marks.Add((entry, x0, x1, row));
            }
            layout.Add((lane, marks, Math.Max(1, rowEnds.Count)));
        }
        var height = AxisHeight + layout.Sum(l => l.Rows * RowHeight + 2 * LanePad) + 4;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"story-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(Width)} {N(height)}\" aria-hidden=\"true\" focusable=\"false\">");
        // Year bands and labels.
        for (var year = FirstYear; year <= LastYear; year++)
        {
            var x0 = X(new DateOnly(year, 1, 1));
            var x1 = X(new DateOnly(year + 1, 1, 1));
            if (year % 2 == 0) svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"story-year-band\" x=\"{N(x0)}\" y=\"0\" width=\"{N(x1 - x0)}\" height=\"{N(height)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"story-year\" x=\"{N((x0 + x1) / 2)}\" y=\"17\" text-anchor=\"middle\">{year}</text>");
        }
        var y = AxisHeight;
        foreach (var (lane, marks, rows) in layout)
        {
            var laneHeight = rows * RowHeight + 2 * LanePad;
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"story-lane\"><line class=\"story-rule\" x1=\"0\" x2=\"{N(Width)}\" y1=\"{N(y)}\" y2=\"{N(y)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"story-lane-name\" x=\"4\" y=\"{N(y + LanePad + 10)}\">{E(Shorten(lane.Organisation is { ShortName: { } shortName } && lane.Name.Length > 28 ? shortName : lane.Name, 30))}</text>");
            foreach (var (entry, x0, x1, row) in marks)
            {
                var kind = MarkKind(entry.Date);
                var cy = y + LanePad + row * RowHeight + RowHeight / 2;
                svg.Append(CultureInfo.InvariantCulture, $"<a href=\"{E(href(SiteUrls.Entry(entry.Id)))}\" tabindex=\"-1\" class=\"story-mark {kind}\"><title>{E(entry.Date.Describe())}: {E(entry.Title)}</title>");
                svg.Append(kind.StartsWith("day", StringComparison.Ordinal)
                    ? string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{N((x0 + x1) / 2)}\" cy=\"{N(cy)}\" r=\"{N(DotRadius)}\"/>")
                    : string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{N(x0)}\" y=\"{N(cy - 4)}\" width=\"{N(x1 - x0)}\" height=\"8\" rx=\"3\"/>"));
                svg.Append("</a>");
            }
            svg.Append("</g>");
            y += laneHeight;
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"story-rule\" x1=\"0\" x2=\"{N(Width)}\" y1=\"{N(y)}\" y2=\"{N(y)}\"/>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Shorten(string name, int max) => name.Length <= max ? name : name[..(max - 1)].TrimEnd() + "…";
}
