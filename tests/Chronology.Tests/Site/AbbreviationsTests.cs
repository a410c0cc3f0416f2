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
    public async Task A_term_the_documents_never_spell_out_is_listed_apart_and_never_expanded_from_elsewhere()
    {
        // CQC is also an organisation's short name here: the glossary, which says no document spells it out, has the
        // last word, so neither the organisation's name nor anything else expands it.
        using var site = TestSite.Create("""
            -- content/glossary.yml --
            terms:
              - term: ABC
                expansion: A Big Committee
              - term: CQC
                note: The documents use it without spelling it out.
            -- content/organisations/care-body.yml --
            name: The Care Body
            shortName: CQC
            description: A body.
            -- content/entries/a.md --
            ---
            date: 2014
            title: ABC meets
            organisations: [care-body]
            citations:
              - source: src-a
            ---
            The ABC met the CQC.[^1]
            """);
        await site.BuildOkAsync();

        var entry = site.Page("/entries/a/");
        Assert.Equal("A Big Committee", entry.QuerySelector("main abbr")!.GetAttribute("title"));
        Assert.DoesNotContain(entry.QuerySelectorAll("main abbr"), a => a.TextContent == "CQC");
        var glossary = site.Page("/glossary/");
        var lists = glossary.QuerySelectorAll("dl.glossary");
        Assert.Equal(2, lists.Length);
        Assert.Equal(["ABC"], lists[0].QuerySelectorAll("dt").Select(dt => dt.TextContent));
        Assert.Equal("not-spelled-out", lists[1].PreviousElementSibling!.PreviousElementSibling!.Id);
        Assert.Equal(["CQC"], lists[1].QuerySelectorAll("dt").Select(dt => dt.TextContent));
        Assert.Equal("The documents use it without spelling it out.", lists[1].QuerySelector("dd")!.TextContent);
    }

    [Fact]
    public void A_glossary_term_without_an_expansion_needs_a_note_saying_why()
    {
        using var site = TestSite.Create("-- content/glossary.yml --\nterms:\n  - term: CQC\n");

        var error = Assert.Single(site.Check(), d => d.Severity == Chronology.Diagnostics.Severity.Error);

        Assert.Equal(Chronology.Diagnostics.DiagnosticCodes.MissingField, error.Code);
        Assert.Contains("give a 'note' saying so", error.Message);
    }

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
                var parts = page.Next(Page.AsMemory(..first)).ToString() + page.Next(Page.AsMemory(first..second)).ToString() + page.Next(Page.AsMemory(second..)).ToString() + page.Finish().ToString();
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
        Assert.Equal(Page, page.Next(Page.AsMemory(..40)).ToString() + page.Next(Page.AsMemory(40..)).ToString() + page.Finish().ToString());
    }

    /// <summary>
    /// Terms are found as whole words by a scanner, not a regular expression (a native app can only interpret one, at
    /// a cost on every page): it must find what the expression it replaced found, at every place of awkward texts,
    /// with terms that share beginnings, character references, and letters and digits beyond ASCII on either side.
    /// </summary>
    [Fact]
    public void Terms_are_found_where_the_whole_word_expression_finds_them()
    {
        var terms = new[] { "AHSN", "AHSNs", "NHS", "NHSE", "SIM", "IoW", "A1", "S136" };
        var abbreviations = new Abbreviations(terms.ToDictionary(t => t, t => "title of " + t, StringComparer.Ordinal));
        var alternatives = string.Join('|', terms.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).Select(System.Text.RegularExpressions.Regex.Escape));
        var expression = new System.Text.RegularExpressions.Regex($"(?<![\\p{{L}}\\p{{N}}&#])(?:{alternatives})(?![\\p{{L}}\\p{{N}}])", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        string[] pieces = ["AHSN", "AHSNs", "NHS", "NHSE", "SIM", "IoW", "A1", "S136", "S13", "s", "E", "x", "1", " ", ", ", "&", "#", "&#", "é", "²", "Ⅻ", "١", "-", "'", "\u00a0", "\U0001D400"];
        var random = new Random(12);
        var texts = new List<string> { "", "AHSNs NHSE", "&NHS #SIM A1S136 S136x éNHS NHSé NHS² ⅫSIM IoWs" };
        for (var n = 0; n < 3000; n++) texts.Add(string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)])));
        foreach (var text in texts)
        {
            var expected = expression.Matches(text).Select(m => (m.Index, m.Length)).ToList();
            var found = new List<(int, int)>();
            for (var at = abbreviations.Find(text, 0, out var length); at >= 0; at = abbreviations.Find(text, at + length, out length)) found.Add((at, length));
            Assert.True(expected.SequenceEqual(found), $"'{text}': expected {string.Join(' ', expected)}, found {string.Join(' ', found)}");
        }
    }
}
