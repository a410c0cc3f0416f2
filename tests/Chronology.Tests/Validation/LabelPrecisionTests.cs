using Chronology.Model;
using Chronology.Validation;

namespace Chronology.Tests.Validation;

public class LabelPrecisionTests
{
    [Theory]
    [InlineData("November 2012", DatePrecision.Month)]
    [InlineData("2 March 2018", DatePrecision.Day)]
    [InlineData("21/04/21", DatePrecision.Day)]
    [InlineData("Late 2017", DatePrecision.SubYear)]
    [InlineData("Q1 2018/19", DatePrecision.SubYear)]
    [InlineData("Sept 2014", DatePrecision.Month)]
    [InlineData("2015 - October 2017", DatePrecision.Month)]
    [InlineData("2021 various dates", DatePrecision.Year)]
    [InlineData("2016", DatePrecision.Year)]
    [InlineData("Late July 2018", DatePrecision.Month)]
    public void Reads_the_precision_of_a_label(string label, DatePrecision precision) =>
        Assert.Equal(precision, LabelPrecision.Of(label));

    [Theory]
    [InlineData("November 2012", "2012-11", true)]
    [InlineData("November 2012", "2012-11-05", false)]
    [InlineData("2016", "2016-03", false)]
    [InlineData("Late 2017", "2017-41~", true)]
    [InlineData("Late 2017", "2017-12", false)]
    [InlineData("Q1 2018/19", "2018-04/2018-06", true)]
    [InlineData("2021 various dates", "2021", true)]
    [InlineData("January 2019 and November 2019", "{2019-01,2019-11}", true)]
    [InlineData("2015 - October 2017", "2015/2017-10", true)]
    public void Allows_no_date_more_precise_than_its_label(string label, string date, bool allowed) =>
        Assert.Equal(allowed, LabelPrecision.Allows(label, EdtfDate.Parse(date)));
}
