using Chronology.Diagnostics;

namespace Chronology.Tests.Site;

/// <summary>
/// What a second campaign needs to make the generator its own without touching the theme or the code: site.yml
/// settings, its own Markdown pages, its own assets and stylesheet, its own source types and locator kinds, and a
/// word for every file the build does not read.
/// </summary>
public class SiteSettingsTests
{
    private const string Entry = """
        -- content/entries/2019-meeting.md --
        ---
        date: 2019-05
        title: The council meets
        citations:
          - source: src-a
            locator: chapter 2, page 3
        ---
        The council met in May 2019.[^1]

        """;

    private const string Settings = """
        -- content/site.yml --
        title: Bridges
        description: A chronology of footbridge inspections.
        maintainer: the residents' group
        footer: Kept by volunteers. [How we work](method/).
        licence: The site's own text is under [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/).
        nav:
          - { title: The campaign, url: https://campaign.example/ }
        sourceTypes: [minutes]
        locatorKinds: [chapter]
        -- content/pages/method.md --
        ---
        title: How we work
        nav: 1
        ---
        We read the minutes. See [the chronology](../).
        -- content/pages/contact.md --
        ---
        title: Contact
        ---
        Write to us.
        -- content/assets/extra.css --
        body { border-top: 4px solid green; }
        -- content/assets/img/logo.svg --
        <svg xmlns="http://www.w3.org/2000/svg"/>
        -- content/sources/src-a.yml --
        title: Council minutes
        publisher: Millbrook Council
        type: minutes
        date: 2019-05
        noUrlReason: Given to the group on paper.

        """;

    /// <summary>
    /// An entry's annex item numbers an item of the source site.yml names: without that setting it is an error at the
    /// entry; but when site.yml itself could not be read, the setting is unknown, not absent, and the one error is
    /// site.yml's (a maintainer with a typo there once saw an error at every entry with an annex item).
    /// </summary>
    [Fact]
    public void An_annex_item_without_an_annex_source_is_an_error_at_the_entry_unless_site_yml_could_not_be_read()
    {
        const string Annexed = """
            -- content/entries/a.md --
            ---
            date: 2019-05
            title: First
            annex: 1
            citations:
              - source: src-a
            ---
            First.[^1]
            -- content/entries/b.md --
            ---
            date: 2019-06
            title: Second
            annex: 2
            citations:
              - source: src-a
            ---
            Second.[^1]
            """;
        using var site = TestSite.Create(Annexed);
        var unset = site.Check().Where(d => d.Severity == Severity.Error).ToList();
        Assert.Equal([("a.md", 4, 8), ("b.md", 4, 8)], unset.Select(d => (Path.GetFileName(d.File), d.Line, d.Column)));
        Assert.All(unset, d => Assert.Equal((DiagnosticCodes.InvalidValue, "'annex' numbers an item of the source named by 'annexSource' in site.yml, which this site does not set"), (d.Code, d.Message)));

        site.Write("content/site.yml", "title: Test chronology\ndescription: A site for tests.\nannexSource: [src-a\n");
        var unread = Assert.Single(site.Check(), d => d.Severity == Severity.Error);
        Assert.Equal(("site.yml", DiagnosticCodes.MalformedYaml), (Path.GetFileName(unread.File), unread.Code));
    }

    [Fact]
    public async Task Footer_navigation_licence_pages_and_assets_come_from_the_content()
    {
        using var site = TestSite.Create(Entry + Settings);
        var result = await site.BuildOkAsync();
        Assert.DoesNotContain(result.Diagnostics.Items, d => d.Severity == Severity.Warning);

        var home = site.Page("/");
        Assert.Contains("Kept by volunteers.", home.QuerySelector(".site-footer")!.TextContent);
        Assert.Equal("method/", home.QuerySelector(".site-footer-text a")!.GetAttribute("href"));
        var nav = home.QuerySelectorAll("header nav a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        // A page with a nav place comes before site.yml's links; a page without one stays out of the navigation.
        Assert.Equal([("How we work", "method/"), ("The campaign", "https://campaign.example/")], nav.TakeLast(2));
        Assert.DoesNotContain(nav, n => n.TextContent == "Contact");
        var stylesheets = home.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")).ToList();
        Assert.Equal(["assets/site.css", "assets/extra.css"], stylesheets);

        var method = site.Page("/method/");
        Assert.Equal("How we work", method.QuerySelector("h1")!.TextContent);
        Assert.Equal("../", method.QuerySelector(".free-page a")!.GetAttribute("href"));
        Assert.Equal("page", method.QuerySelector("header nav a[href='./']")!.GetAttribute("aria-current"));
        Assert.Equal("Contact", site.Page("/contact/").QuerySelector("h1")!.TextContent);
        Assert.Equal("body { border-top: 4px solid green; }", File.ReadAllText(Path.Combine(site.Output, "assets", "extra.css")).Trim());
        Assert.True(File.Exists(Path.Combine(site.Output, "assets", "img", "logo.svg")));

        var about = site.Page("/about/");
        Assert.Contains("CC BY 4.0", about.QuerySelector(".licence")!.TextContent);
        using (var data = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(site.Output, "data", "chronology.json"))))
            Assert.StartsWith("The site's own text is under [CC BY 4.0]", data.RootElement.GetProperty("licence").GetString());
        Assert.DoesNotContain("have not published a licence", about.QuerySelector("main")!.TextContent);
        // The source type and the locator kind the site added are shown like the generator's own.
        Assert.Contains("minutes", site.Page("/sources/src-a/").QuerySelector("main")!.TextContent);
        Assert.Contains("chapter 2, p. 3", site.Page("/entries/2019-meeting/").QuerySelector(".locator")!.TextContent);
    }

    [Fact]
    public async Task A_page_called_about_replaces_the_about_page_and_keeps_the_corrections_section()
    {
        using var site = TestSite.Create(Entry.Replace("chapter 2, ", "") + "-- content/pages/about.md --\n---\ntitle: About the campaign\n---\nWe are residents.\n");
        await site.BuildOkAsync();

        var about = site.Page("/about/");
        Assert.Equal("About the campaign", about.QuerySelector("h1")!.TextContent);
        Assert.Contains("We are residents.", about.QuerySelector("main")!.TextContent);
        Assert.NotNull(about.QuerySelector("#corrections")); // every page's "Report an error" link still has its target
        Assert.Null(about.QuerySelector("dl.data-fields"));
    }

    [Fact]
    public async Task A_theme_file_of_the_same_name_is_replaced_by_the_sites_own()
    {
        using var site = TestSite.Create(Entry.Replace("chapter 2, ", "") + "-- content/assets/site.css --\nbody { color: black; }\n");
        await site.BuildOkAsync();

        Assert.Equal("body { color: black; }", File.ReadAllText(Path.Combine(site.Output, "assets", "site.css")).Trim());
    }

    [Fact]
    public void Pages_and_settings_that_cannot_work_are_errors_where_they_are_written()
    {
        using var site = TestSite.Create(Entry + Settings.Replace("nav:\n", "nav:\n  - { title: Missing, url: /nowhere/ }\n")
            .Replace("locatorKinds: [chapter]", "locatorKinds: [line]")
            + "-- content/pages/sources.md --\n---\ntitle: Our sources\n---\nText.\n"
            + "-- content/sources/src-b.yml --\ntitle: B\ntype: minute\nnoUrlReason: none\nknownThrough: src-a\n");

        var errors = site.Check().Where(d => d.Severity == Severity.Error).ToList();

        Assert.Contains(errors, d => d.Code == DiagnosticCodes.InvalidId && d.File == site.Display("pages/sources.md") && d.Message.Contains("/sources/ is the generator's own"));
        Assert.Contains(errors, d => d.Code == DiagnosticCodes.BrokenLink && d.File == site.Display("site.yml") && d.Message.Contains("/nowhere/"));
        var kind = Assert.Single(errors, d => d.Code == DiagnosticCodes.InvalidLocator);
        Assert.Equal((site.Display("entries/2019-meeting.md"), 6, 14), (kind.File, kind.Line, kind.Column));
        Assert.Contains("unknown locator kind 'chapter'", kind.Message);
        Assert.Contains("locatorKinds", kind.Message);
        var type = Assert.Single(errors, d => d.Code == DiagnosticCodes.InvalidValue && d.File == site.Display("sources/src-b.yml"));
        Assert.Contains("unknown source type 'minute'; did you mean 'minutes'?", type.Message);
    }

    [Fact]
    public void Every_file_the_build_does_not_read_is_named()
    {
        using var site = TestSite.Create(Entry.Replace("chapter 2, ", "")
            + "-- content/entry/2020-lost.md --\n---\ntitle: Lost\n---\nText.\n"
            + "-- content/entries/notes.txt --\nscratch\n"
            + "-- content/sources/old/src-z.yml --\ntitle: Z\n"
            + "-- content/README.md --\nNotes.\n"
            + "-- content/.gitkeep --\n\n");

        var unread = site.Check().Where(d => d.Code == DiagnosticCodes.UnreadFile).ToList();

        Assert.All(unread, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.Equal(
            [site.Display("README.md"), site.Display("entries/notes.txt"), site.Display("entry/"), site.Display("sources/old/")],
            unread.Select(d => d.File).Order(StringComparer.Ordinal));
        Assert.Contains("did you mean 'entries/'?", unread.Single(d => d.File.EndsWith("entry/", StringComparison.Ordinal)).Message);
        Assert.Contains("reads only .md files", unread.Single(d => d.File.EndsWith("notes.txt", StringComparison.Ordinal)).Message);
    }

    [Fact]
    public void A_reference_to_a_file_that_failed_to_load_says_so_and_names_the_real_content_folder()
    {
        using var site = TestSite.Create(Entry.Replace("chapter 2, ", "").Replace("source: src-a", "source: src-broken")
            + "-- content/sources/src-broken.yml --\ntitle: [not text\n"
            + "-- content/entries/2019-other.md --\n---\ndate: 2019\ntitle: Other\ncitations:\n  - source: src-aa\n---\nText.[^1] See [the minutes](../../sources/src-broken/) and [nothing](../../sources/src-none/).\n");

        var diagnostics = site.Check();
        var errors = diagnostics.Where(d => d.Code == DiagnosticCodes.UnknownSource).ToList();
        // A link to the page the broken file would have had is broken too, and says why.
        Assert.Equal(
            [
                "the link '../../sources/src-broken/' goes to /sources/src-broken/, the page of a file that could not be read (its errors are reported at that file)",
                "the link '../../sources/src-none/' goes to /sources/src-none/, which this site does not have",
            ],
            diagnostics.Where(d => d.Code == DiagnosticCodes.BrokenLink).Select(d => d.Message));

        var broken = Assert.Single(errors, d => d.File == site.Display("entries/2019-meeting.md"));
        Assert.Equal($"unknown source 'src-broken': {site.Display("sources/src-broken.yml")} could not be read (its errors are reported at that file)", broken.Message);
        var missing = Assert.Single(errors, d => d.File == site.Display("entries/2019-other.md"));
        Assert.Equal($"unknown source 'src-aa': no {site.Display("sources/src-aa.yml")}; did you mean 'src-a'?", missing.Message);
    }

    [Fact]
    public void Annex_wording_needs_an_annex_source_and_about_describes_only_the_data_the_site_has()
    {
        using var annex = TestSite.Create(Entry.Replace("chapter 2, ", "").Replace("title: The council meets", "title: The council meets\nannex: 3"));
        var error = Assert.Single(annex.Check(), d => d.Severity == Severity.Error);
        Assert.Equal((DiagnosticCodes.InvalidValue, 4), (error.Code, error.Line));
        Assert.Contains("annexSource", error.Message);
    }

    [Fact]
    public async Task About_speaks_only_of_what_this_site_has()
    {
        using var site = TestSite.Create(Entry.Replace("chapter 2, ", ""));
        await site.BuildOkAsync();

        var text = site.Page("/about/").QuerySelector("main")!.TextContent;
        foreach (var absent in new[] { "Annex", "annexItem", "reviewItems", "registers", "matrices", "people", "AHSN", "review" })
            Assert.DoesNotContain(absent, text);
        Assert.Contains("none is claimed", text);
        Assert.Equal("Search the chronology and its sources", site.Page("/search/").QuerySelector("label[for=search-q]")!.TextContent);
    }
}
