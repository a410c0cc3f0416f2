using Chronology.Site;

namespace Chronology.Tests.Site;

/// <summary>
/// Abbreviations are expanded at their first use in a page's main content; a page that comes in parts (a page with
/// long lists) is expanded part by part, and must come out exactly as the whole page would, wherever the cuts fall.
/// </summary>
public class AbbreviationsTests
{
    private static readonly Abbreviations Glossary = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AHSN"] = "Academic Health Science Network",
        ["NHS"] = "National Health Service",
        ["SIM"] = "Serenity Integrated Mentoring",
    });

    private const string Page =
        "<!DOCTYPE html><html><head><title>SIM and the AHSN</title></head><body><header>NHS</header>"
        + "<main><h1>The AHSN and the NHS</h1><p>SIM, then <code>NHS</code> and AHSNs, NHSE and NHS again.</p>"
        + "<pre>SIM</pre><p><abbr title=\"x\">SIM</abbr> once more: SIM.</p></main><footer>SIM</footer></body></html>";

    [Fact]
    public void The_first_use_in_main_is_expanded_and_nothing_else()
    {
        var expanded = Glossary.Expand(Page);

        Assert.Equal(
            "<!DOCTYPE html><html><head><title>SIM and the AHSN</title></head><body><header>NHS</header>"
            + "<main><h1>The <abbr title=\"Academic Health Science Network\">AHSN</abbr> and the <abbr title=\"National Health Service\">NHS</abbr></h1>"
            + "<p><abbr title=\"Serenity Integrated Mentoring\">SIM</abbr>, then <code>NHS</code> and AHSNs, NHSE and NHS again.</p>"
            + "<pre>SIM</pre><p><abbr title=\"x\">SIM</abbr> once more: SIM.</p></main><footer>SIM</footer></body></html>",
            expanded);
    }

    [Fact]
    public void A_page_in_parts_comes_out_as_the_whole_page_wherever_it_is_cut()
    {
        var whole = Glossary.Expand(Page);
        for (var first = 0; first <= Page.Length; first++)
        {
            for (var second = first; second <= Page.Length; second += 7)
            {
                var page = Glossary.Start();
                var parts = page.Next(Page[..first]) + page.Next(Page[first..second]) + page.Next(Page[second..]) + page.Finish();
                Assert.True(whole == parts, $"cut at {first} and {second}:\n{parts}");
            }
        }
    }

    [Fact]
    public void Without_a_glossary_the_page_is_left_as_it_is()
    {
        var none = new Abbreviations(new Dictionary<string, string>());
        var page = none.Start();

        Assert.Same(Page, none.Expand(Page));
        Assert.Equal(Page, page.Next(Page[..40]) + page.Next(Page[40..]) + page.Finish());
    }
}
