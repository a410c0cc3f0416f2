using Chronology.Model;

namespace Chronology.Tests.Model;

public class LocatorTests
{
    [Theory]
    [InlineData("page 15", "p. 15", 15)]
    [InlineData("pages 15-16", "pp. 15–16", 15)]
    [InlineData("annex 1, item 12, page 11", "annex 1, item 12, p. 11", 11)]
    [InlineData("section 4.1", "section 4.1", null)]
    [InlineData("paragraph 3.3", "para. 3.3", null)]
    [InlineData("question 2, document 26", "question 2, document 26", null)]
    [InlineData("document 2d", "document 2d", null)]
    public void Parses_and_displays(string text, string display, int? firstPage)
    {
        Assert.True(Locator.TryParse(text, out var locator, out var error), error);

        Assert.Equal(display, locator.Display);
        Assert.Equal(firstPage, locator.FirstPage);
        Assert.Equal(text, locator.ToString());
    }

    [Theory]
    [InlineData("p. 15", "is not '<kind> <value>'")]
    [InlineData("page fifteen", "a whole number")]
    [InlineData("page 0", "a whole number")]
    [InlineData("pages 16-15", "rising range")]
    [InlineData("chapter 3", "unknown locator kind 'chapter'")]
    [InlineData("page 3, page 4", "appears twice")]
    [InlineData("section 4.1 and more", "expected a number or reference")]
    public void Rejects_malformed_locators(string text, string reason)
    {
        Assert.False(Locator.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }
}
