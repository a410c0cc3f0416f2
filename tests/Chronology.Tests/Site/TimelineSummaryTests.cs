using Chronology.Model;
using Chronology.Site;

namespace Chronology.Tests.Site;

/// <summary>The timeline's one line per entry, and how the picture draws a date: never more precisely than it is.</summary>
public sealed class TimelineSummaryTests
{
    [Theory]
    [InlineData("The commentary states that it began.[^1] It ended later.[^2]", "The commentary states that it began.")]
    [InlineData("According to *the report*, SIM was “adopted”. Then more.", "According to the report, SIM was “adopted”.")]
    [InlineData("The review (e.g. section 4) found gaps. Then more.", "The review (e.g. section 4) found gaps.")]
    [InlineData("One sentence with no full stop", "One sentence with no full stop")]
    public void The_summary_is_the_first_sentence_as_plain_text(string body, string summary) =>
        Assert.Equal(summary, EntrySummary.Of(body));

    [Fact]
    public void A_long_first_sentence_is_cut_at_a_word_with_an_ellipsis()
    {
        var body = string.Join(' ', Enumerable.Repeat("word", 60)) + ".";
        var summary = EntrySummary.Of(body);
        Assert.True(summary.Length <= EntrySummary.MaxLength, summary);
        Assert.EndsWith("word…", summary);
    }

    [Theory]
    [InlineData("2020-03-13", "day")]
    [InlineData("2020-03", "span")]
    [InlineData("2017-41~", "span approximate")]
    [InlineData("2020-01/2020-03", "span")]
    [InlineData("{2019-01,2019-11}", "span")]
    [InlineData("2021?", "span approximate")]
    public void A_mark_is_a_dot_only_for_a_day_and_hollow_when_the_date_is_approximate(string edtf, string kind) =>
        Assert.Equal(kind, StoryChart.MarkKind(EdtfDate.Parse(edtf)));
}
