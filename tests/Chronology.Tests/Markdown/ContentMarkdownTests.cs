using Chronology.Markdown;

namespace Chronology.Tests.Markdown;

public class ContentMarkdownTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](java\tscript:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](https://tracker.example/pixel.gif)")]
    [InlineData("text{onclick=alert(1)}")]
    [InlineData("<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>")]
    [InlineData("[x](https://example.org \"title\\\" onmouseover=\\\"alert(1)\")")]
    public void Known_xss_payloads_do_not_survive(string markdown)
    {
        var html = ContentMarkdown.ToHtml(markdown);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        Assert.Empty(document.QuerySelectorAll("script, img, iframe, object, embed"));
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} in {html}");
                if (attribute.Name is "href" or "src")
                    Assert.Matches("^(https?:|mailto:|[^:]*$)", attribute.Value);
            }
        }
    }

    [Fact]
    public void External_links_get_noopener_and_relative_links_do_not()
    {
        var html = ContentMarkdown.ToHtml("[a](https://example.org/x) [b](../other/) <https://example.org/y>");

        Assert.Contains("<a href=\"https://example.org/x\" rel=\"noopener noreferrer\">a</a>", html);
        Assert.Contains("<a href=\"../other/\">b</a>", html);
        Assert.Contains("<a href=\"https://example.org/y\" rel=\"noopener noreferrer\">https://example.org/y</a>", html);
    }

    [Fact]
    public void A_disallowed_link_keeps_its_text()
    {
        Assert.Equal("<p>click me</p>\n", ContentMarkdown.ToHtml("[click me](javascript:alert(1))"));
    }

    [Fact]
    public void Plain_text_drops_markup()
    {
        Assert.Equal("The report states that support began.", ContentMarkdown.ToPlainText("The *report* states that [support](https://x.org) began."));
    }
}
