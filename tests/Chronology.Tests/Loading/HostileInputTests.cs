using Chronology.Diagnostics;

namespace Chronology.Tests.Loading;

/// <summary>
/// Broken and hostile content never makes check or build throw: every failure is a located diagnostic in the
/// content file, and the build reads nothing outside its content folder.
/// </summary>
public class HostileInputTests
{
    private static string Entry(string date = "2012-11", string label = "November 2012", string title = "A thing", string citation = "  - source: src-a", string body = "The report says so.[^1]") =>
        $"-- content/entries/a.md --\n---\ndate: \"{date}\"\nlabel: {label}\ntitle: {title}\ncitations:\n{citation}\n---\n{body}\n";

    public static TheoryData<string, string, int, int> Cases => new()
    {
        // files, code, line, column
        { Entry(date: "0000-02-15", label: "15 February 0"), DiagnosticCodes.InvalidDate, 2, 7 },
        { Entry(date: "٢٠٢١", label: "2021"), DiagnosticCodes.InvalidDate, 2, 7 },
        { Entry(date: "2021-0٣", label: "March 2021"), DiagnosticCodes.InvalidDate, 2, 7 },
        { Entry(date: "9999-24", label: "winter 9999"), DiagnosticCodes.InvalidDate, 2, 7 },
        { Entry(citation: "  - source: src-a\n    locator: page 99999999999"), DiagnosticCodes.InvalidLocator, 7, 14 },
        { Entry(citation: "  - source: src-a\n    locator: pages 1-99999999999"), DiagnosticCodes.InvalidLocator, 7, 14 },
        { Entry(citation: "  - source: src-a\n    locator: page 1٣"), DiagnosticCodes.InvalidLocator, 7, 14 },
        { Entry(citation: "  - source: src-a\n    quote: \"\""), DiagnosticCodes.InvalidValue, 7, 12 },
        { Entry(title: "[" + new string('[', 100_000)), DiagnosticCodes.NestingTooDeep, 4, 72 },
        { Entry(body: new string('>', 100_000) + " deep"), DiagnosticCodes.NestingTooDeep, 8, 1 },
        { Entry(body: string.Concat(Enumerable.Repeat("- ", 10_000)) + "deep"), DiagnosticCodes.NestingTooDeep, 8, 1 },
        { Entry(body: new string('[', 100_000) + "deep"), DiagnosticCodes.NestingTooDeep, 8, 1 },
        { Entry(citation: "  - source: src-a\n\tlocator: page 1"), DiagnosticCodes.MalformedYaml, 7, 1 },
        { Entry(title: "A \u0001 thing"), DiagnosticCodes.InvalidValue, 4, 10 },
        { Entry(title: "!!python/name:os.system x"), DiagnosticCodes.MalformedYaml, 4, 8 },
        { "-- content/sources/src-b.yml --\ntitle: B\ntype: report\ndate: 2020\nurl: \"https://example.org/a\\nb\"\nformat: html\n", DiagnosticCodes.InvalidUrl, 4, 6 },
        { "-- content/sources/src-b.yml --\ntitle: B\ntype: report\ndate: 2020\nurl: https://user:secret@example.org/a\nformat: html\n", DiagnosticCodes.InvalidUrl, 4, 6 },
        { "-- content/sources/src-b.yml --\ntitle: B\ntype: report\ndate: 2020\nnoUrlReason: none\narchiveUrl: https://example.org/copy\n", DiagnosticCodes.InvalidArchiveUrl, 5, 13 },
        { "-- content/site.yml --\ntitle: T\ndescription: D\nlanguage: English please\n", DiagnosticCodes.InvalidValue, 3, 11 },
        { "-- content/snapshots/src-a.txt --\n---\ntitle: A\npublisher: B\nnote: C\n---\n[page 99999999999]\ntext\n", DiagnosticCodes.InvalidValue, 6, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_input_is_a_located_error_never_an_exception(string files, string code, int line, int column)
    {
        using var site = TestSite.Create(files);

        var diagnostics = site.Check();

        var found = diagnostics.FirstOrDefault(d => d.Code == code);
        Assert.True(found is not null, $"no {code}; got: {string.Join("\n", diagnostics)}");
        Assert.Equal(Severity.Error, found!.Severity);
        Assert.Equal((line, column), (found.Line, found.Column));
        var result = await site.BuildAsync();
        Assert.False(result.Published);
        Assert.Contains(result.Diagnostics.Items, d => d.Code == code && d.Line == line && d.Column == column);
    }

    [Fact]
    public void A_figure_with_more_digits_than_a_number_holds_is_a_located_error()
    {
        var digits = new string('9', 33);
        using var site = TestSite.Create(DocumentFixtures.Files.Replace("value: \"50\"", $"value: \"{digits}\""), withDefaults: false);

        var error = Assert.Single(site.Check(), d => d.Code == DiagnosticCodes.FigureNumberMismatch);

        Assert.Contains("more digits than can be compared", error.Message);
    }

    [Fact]
    public void A_file_name_with_a_newline_is_not_an_id()
    {
        using var site = TestSite.Create(Entry());
        File.Move(Path.Combine(site.Content, "entries", "a.md"), Path.Combine(site.Content, "entries", "2021-adv\n.md"));

        Assert.Contains(site.Check(), d => d.Code == DiagnosticCodes.InvalidId);
    }

    [Fact]
    [Triggers(DiagnosticCodes.OutsideContent)]
    public async Task A_symlink_out_of_the_content_folder_is_refused_for_files_and_folders()
    {
        using var outside = TestSite.Create(Entry(title: "Secret from elsewhere"));
        using var site = TestSite.Create(Entry().Replace("entries/a.md", "entries/b.md") + "-- content/organisations/org-b.yml --\nname: B\ndescription: D.\n");
        File.CreateSymbolicLink(Path.Combine(site.Content, "entries", "a.md"), Path.Combine(outside.Content, "entries", "a.md"));
        Directory.CreateDirectory(Path.Combine(outside.Root, "orgs"));
        File.WriteAllText(Path.Combine(outside.Root, "orgs", "leak.yml"), "name: Leaked\ndescription: From outside.\n");
        Directory.Move(Path.Combine(site.Content, "organisations"), Path.Combine(site.Root, "organisations-moved"));
        Directory.CreateSymbolicLink(Path.Combine(site.Content, "organisations"), Path.Combine(outside.Root, "orgs"));
        // A link that stays inside the content folder is fine.
        File.CreateSymbolicLink(Path.Combine(site.Content, "entries", "c.md"), Path.Combine(site.Content, "entries", "b.md"));

        var result = await site.BuildAsync();

        Assert.False(result.Published);
        var refused = result.Diagnostics.Items.Where(d => d.Code == DiagnosticCodes.OutsideContent).Select(d => d.File).Order().ToList();
        Assert.Equal([site.Display("entries/a.md"), site.Display("organisations")], refused);
        Assert.DoesNotContain(result.Diagnostics.Items, d => d.Message.Contains("Secret from elsewhere") || d.Message.Contains("Leaked"));
        Assert.DoesNotContain(result.Diagnostics.Items, d => d.File.EndsWith("c.md") && d.Code == DiagnosticCodes.OutsideContent);
    }

    public static TheoryData<string, string, int> LinkCases => new()
    {
        // body, code, column of the link on the body's first line
        { "See [b](../missing/).[^1]", DiagnosticCodes.BrokenLink, 5 },
        { "See [b](//evil.example/path).[^1]", DiagnosticCodes.InvalidUrl, 5 },
        { "See [b](\\\\evil.example\\path).[^1]", DiagnosticCodes.InvalidUrl, 5 },
        { "See [b](&#106;avascript:alert(1)).[^1]", DiagnosticCodes.InvalidUrl, 5 },
        { "See [b](../b/#cite-9).[^1]", DiagnosticCodes.BrokenFragment, 5 },
        { "See [b](../b/#somewhere).[^1]", DiagnosticCodes.BrokenFragment, 5 },
        { "See [b](../../#y1999).[^1]", DiagnosticCodes.BrokenFragment, 5 },
    };

    [Theory]
    [MemberData(nameof(LinkCases))]
    public async Task A_link_in_content_is_checked_where_it_is_written_before_anything_is_rendered(string body, string code, int column)
    {
        using var site = TestSite.Create(Entry(body: body) + Entry(body: "Another.[^1]").Replace("entries/a.md", "entries/b.md"));

        var error = Assert.Single(site.Check(), d => d.Severity == Severity.Error);

        Assert.Equal((code, site.Display("entries/a.md"), 8, column), (error.Code, error.File, error.Line, error.Column));
        var result = await site.BuildAsync();
        Assert.False(result.Published);
        Assert.DoesNotContain(result.Diagnostics.Items, d => d.File.EndsWith(".html", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Links_to_pages_the_site_has_pass_on_every_page_that_shows_them()
    {
        using var site = TestSite.Create(Entry(body: "See [b](../b/#cite-1), [its source](../../sources/src-a/), [2012](../../#y2012) and [the register](/sources/).[^1]")
            + Entry(body: "Another.[^1]").Replace("entries/a.md", "entries/b.md"));

        Assert.DoesNotContain(site.Check(), d => d.Severity == Severity.Error);
        await site.BuildOkAsync();
    }

    [Fact]
    public void A_very_long_misquotation_compares_a_bounded_number_of_words()
    {
        var words = string.Join(' ', Enumerable.Range(0, 20_000).Select(i => $"w{i % 500}"));
        var text = Chronology.Validation.NormalisedText.Of("alpha " + words);

        var (passage, diff) = Chronology.Validation.ClosestPassage.Find(Chronology.Validation.NormalisedText.Of("alpha " + words.Replace("w7 ", "x7 ")).Value, text, "alpha " + words);

        Assert.NotNull(passage);
        Assert.True(diff!.Split(' ').Length <= Chronology.Validation.ClosestPassage.MaxComparedWords * 2 + 6, "the diff covers the compared words only");
        Assert.Contains("[-x7-]", diff);
    }

    [Fact]
    public void The_link_checker_checks_every_srcset_candidate()
    {
        using var site = TestSite.Create("""
            -- out/index.html --
            <!DOCTYPE html><title>Home</title>
            <img src="a.png" srcset="a.png 1x, missing-2x.png 2x" alt="">
            <picture><source srcset="b.webp 400w,  missing-800.webp 800w"><img src="a.png" alt=""></picture>
            -- out/a.png --
            png
            -- out/b.webp --
            webp
            """, withDefaults: false);
        var diagnostics = new DiagnosticBag();

        Chronology.Publishing.LinkChecker.CheckFolder(Path.Combine(site.Root, "out"), diagnostics);

        Assert.Equal(["'missing-2x.png'", "'missing-800.webp'"],
            diagnostics.Items.Where(d => d.Code == DiagnosticCodes.BrokenLink).Select(d => d.Message.Split(' ').First(w => w.StartsWith('\''))).Order());
    }
}
