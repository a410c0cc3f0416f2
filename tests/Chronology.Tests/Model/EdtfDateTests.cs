using Chronology.Model;

namespace Chronology.Tests.Model;

public class EdtfDateTests
{
    // Every date form the seeds use, with the EDTF we store, the earliest and latest day it can mean.
    [Theory]
    [InlineData("2012-11", "2012-11-01", "2012-11-30", DatePrecision.Month)]               // November 2012
    [InlineData("2018-03-02", "2018-03-02", "2018-03-02", DatePrecision.Day)]              // 2 March 2018
    [InlineData("2016", "2016-01-01", "2016-12-31", DatePrecision.Year)]                   // 2016
    [InlineData("2018-04/2018-06", "2018-04-01", "2018-06-30", DatePrecision.Month)]       // Q1 2018/19
    [InlineData("2013-07/2014-12", "2013-07-01", "2014-12-31", DatePrecision.Month)]       // July 2013 - December 2014
    [InlineData("2015/2017-10", "2015-01-01", "2017-10-31", DatePrecision.Month)]          // 2015 - October 2017
    [InlineData("{2019-01,2019-11}", "2019-01-01", "2019-11-30", DatePrecision.Month)]     // January 2019 and November 2019
    [InlineData("2017-41~", "2017-07-01", "2017-12-31", DatePrecision.SubYear)]            // Late 2017
    [InlineData("2021", "2021-01-01", "2021-12-31", DatePrecision.Year)]                   // 2021 various dates
    [InlineData("{2021-07,2021-09}", "2021-07-01", "2021-09-30", DatePrecision.Month)]     // July and September 2021
    [InlineData("2018-34", "2018-04-01", "2018-06-30", DatePrecision.SubYear)]             // calendar Q2 = FY Q1
    [InlineData("2018-24", "2018-12-01", "2019-02-28", DatePrecision.SubYear)]             // winter crosses the year
    [InlineData("2020-02-29", "2020-02-29", "2020-02-29", DatePrecision.Day)]              // leap day
    public void Parses_seed_forms_with_their_range_and_precision(string text, string earliest, string latest, DatePrecision precision)
    {
        var date = EdtfDate.Parse(text);

        Assert.Equal(DateOnly.Parse(earliest), date.Earliest);
        Assert.Equal(DateOnly.Parse(latest), date.Latest);
        Assert.Equal(precision, date.Precision);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("2012-11~", true, false, "2012-11~")]
    [InlineData("2012-11?", false, true, "2012-11?")]
    [InlineData("2012-11%", true, true, "2012-11%")]
    [InlineData("[2019-01,2019-11]", false, true, "[2019-01,2019-11]")]
    public void Keeps_qualifiers(string text, bool approximate, bool uncertain, string canonical)
    {
        var date = EdtfDate.Parse(text);

        Assert.Equal(approximate, date.IsApproximate);
        Assert.Equal(uncertain, date.IsUncertain);
        Assert.Equal(canonical, date.ToString());
    }

    [Theory]
    [InlineData("2019/..", "2019-01-01", "2019-12-31")]
    [InlineData("/2019-05", "2019-05-01", "2019-05-31")]
    public void Accepts_open_and_unknown_interval_ends(string text, string earliest, string latest)
    {
        var date = Assert.IsType<EdtfInterval>(EdtfDate.Parse(text));

        Assert.Equal(DateOnly.Parse(earliest), date.Earliest);
        Assert.Equal(DateOnly.Parse(latest), date.Latest);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("November 2012", "not an EDTF date")]
    [InlineData("2012-13", "neither a month")]
    [InlineData("2019-02-29", "has no day 29")]
    [InlineData("2018-34-01", "a day needs a month")]
    [InlineData("2014-12/2013-07", "ends (2013-07) before it starts")]
    [InlineData("2012/2013/2014", "exactly one '/'")]
    [InlineData("{2019-11,2019-01}", "must be in order")]
    [InlineData("{2019-01}", "at least two")]
    [InlineData("{2019-01,2019-11", "must end with '}'")]
    [InlineData("/", "at least one known end")]
    [InlineData("12-11-2012", "not an EDTF date")]
    public void Rejects_invalid_dates_with_a_reason(string text, string reason)
    {
        Assert.False(EdtfDate.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("2012-11", "November 2012", "2012-11")]
    [InlineData("2018-03-02", "2 March 2018", "2018-03-02")]
    [InlineData("2016", "2016", "2016")]
    [InlineData("2017-41~", "About late 2017", "2017")]
    [InlineData("2018-34", "April–June 2018", "2018")]
    [InlineData("2013-07/2014-12", "July 2013 – December 2014", null)]
    [InlineData("{2019-01,2019-11}", "January 2019 and November 2019", null)]
    [InlineData("[2019-01,2019-11]", "January 2019 or November 2019", null)]
    [InlineData("2012?", "Possibly 2012", "2012")]
    [InlineData("2019/..", "2019 onwards", null)]
    [InlineData("2021-04-21", "21 April 2021", "2021-04-21")]
    [InlineData("2020-02-04", "4 February 2020", "2020-02-04")]
    [InlineData("2018-04/2018-06", "April–June 2018", null)]
    [InlineData("2020-01/2020-03", "January–March 2020", null)]
    [InlineData("2015/2017-10", "2015 – October 2017", null)]
    [InlineData("2016-10/..", "October 2016 onwards", null)]
    [InlineData("2018-40~/2020-40~", "About early 2018 – about early 2020", null)]
    [InlineData("2012-11%", "Possibly about November 2012", "2012-11")]
    [InlineData("{2019-01~,2019-11~}", "About January 2019 and about November 2019", null)]
    public void Describes_itself_and_gives_an_html_datetime_only_at_its_own_precision(string text, string description, string? datetime)
    {
        var date = EdtfDate.Parse(text);

        Assert.Equal(description, date.Describe());
        Assert.Equal(datetime, date.HtmlDateTime);
    }

    [Theory]
    [InlineData("2021-04-21", "21/04/21", "21/04/21")]
    [InlineData("2014-09", "Sept 2014", "Sept 2014")]
    [InlineData("2018-04/2018-06", "Q1 2018/19", "Q1 2018/19")]
    [InlineData("2012-11", "November 2012", null)]
    [InlineData("2015/2017-10", "2015 - October 2017", null)]
    [InlineData("2018-04/2018-06", "April - June 2018", null)]
    [InlineData("2017-41~", "late 2017", "late 2017")]
    [InlineData("2017-41", "late 2017", null)]
    public void The_documents_wording_is_shown_beside_the_date_only_where_it_says_something_else(string text, string label, string? beside)
    {
        Assert.Equal(beside, EdtfDate.Parse(text).WordingBeside(label));
    }

    [Fact]
    public void Sorts_by_earliest_day_then_annex_item_then_id()
    {
        static ChronologyEntry Entry(string id, string date, int? annex) =>
            new(id, EdtfDate.Parse(date), date, id, "body", annex, [], [], [], new ContentLocation("x", 1, 1));

        var entries = new[]
        {
            Entry("z-late-2017", "2017-41~", 11),
            Entry("b-november", "2017-11", 10),
            Entry("a-november", "2017-11", 9),
            Entry("c-2017", "2017", null),
            Entry("a-2017", "2017", null),
            Entry("fy-q1", "2018-04/2018-06", 17),
            Entry("june", "2018-06", 18),
            Entry("march-2017", "2017-03", 6),
        };

        var ordered = entries.Order(ChronologyEntry.ChronologicalOrder).Select(e => e.Id);

        Assert.Equal(["a-2017", "c-2017", "march-2017", "z-late-2017", "a-november", "b-november", "fy-q1", "june"], ordered);
    }
}
