using Chronology.Model;
using Chronology.Site;

namespace Chronology.Tests.Site;

public class TextFragmentTests
{
    [Fact]
    public void A_short_quote_becomes_one_encoded_text_directive() =>
        Assert.Equal("#:~:text=roll%2Dout%2C%20in%20stages%20%26%20phases", TextFragment.For("roll-out, in stages & phases"));

    [Fact]
    public void A_long_quote_becomes_a_start_and_end_range()
    {
        var quote = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"word{i}"));

        Assert.Equal("#:~:text=word1%20word2%20word3%20word4%20word5%20word6,word55%20word56%20word57%20word58%20word59%20word60", TextFragment.For(quote));
    }

    [Fact]
    public void A_range_whose_start_is_not_unique_on_the_page_falls_back_to_the_whole_quote()
    {
        var quote = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"word{i}"));

        var fragment = TextFragment.For(quote, passage => passage.StartsWith("word1 ", StringComparison.Ordinal) ? 2 : 1);

        Assert.StartsWith("#:~:text=word1%20word2", fragment);
        Assert.DoesNotContain(",", fragment);
        Assert.EndsWith("word60", fragment);
    }

    [Fact]
    public void Document_links_go_to_the_page_of_a_pdf_and_the_passage_of_a_web_page()
    {
        var location = new ContentLocation("x", 1, 1);
        Locator.TryParse("page 41", out var page, out _);
        var pdf = new Source { Id = "s", Title = "T", Publisher = "P", Type = "report", Url = "https://example.org/a.pdf", Format = SourceFormat.Pdf, Location = location };
        var web = pdf with { Url = "https://example.org/award/1", Format = SourceFormat.Html };

        Assert.Equal("https://example.org/a.pdf#page=41", SiteModel.DocumentHref(pdf, new Citation("s", page, "q", location)));
        Assert.Equal("https://example.org/a.pdf", SiteModel.DocumentHref(pdf, new Citation("s", null, "q", location)));
        Assert.Equal("https://example.org/award/1#:~:text=the%20study", SiteModel.DocumentHref(web, new Citation("s", null, "the study", location)));
        Assert.Equal("https://example.org/award/1", SiteModel.DocumentHref(web));
    }
}
