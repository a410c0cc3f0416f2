using Chronology.Diagnostics;
using Chronology.Publishing;

namespace Chronology.Tests.Publishing;

public class LinkCheckerTests(RealSite real) : IClassFixture<RealSite>
{
    /// <summary>
    /// Links of plain characters are resolved with strings, the rest with <see cref="Uri"/>: the two must agree.
    /// Every link of every page of both sites, and the awkward cases by hand.
    /// </summary>
    [Fact]
    public void A_link_resolved_with_strings_resolves_as_a_browser_resolves_it()
    {
        var links = BuiltPages.Of(real).SelectMany(p => PageScanner.Scan("/" + Url(p.Relative), p.Relative, p.Html).Links.Select(l => ("/" + Url(p.Relative), l.Target))).ToList();
        string[] awkward = ["./", "../", "..", ".", "/", "a/./b", "a/../../../x/", "#x", "x#a#b", "x##y", "a/..", "/a/b/..", "/a/b/.", "../../a/b/#c",
            "y?q", "%41", "a//b", "a\\b", "a b", "#f%20g", "caf\u00e9/", "", "a:b", "//host/x",
            "a/b/../../c", "./a/./b/../", "../a/..", "a/.../b", ".x/..y/", "..a/b.", "a/b/c/../../../..", "./#f", "../#"];
        links.AddRange(new[] { "/", "/entries/a/", "/404.html", "/sources/b/copy/" }.SelectMany(page => awkward.Select(target => (page, target))));
        var simple = 0;
        foreach (var (page, target) in links)
        {
            if (LinkChecker.ResolveSimply(page, target) is not { } strings) continue;
            simple++;
            Assert.True(LinkChecker.ResolveAsUri(new Uri(new Uri("https://site.invalid/"), page), target) == strings, $"'{target}' on {page}: {strings}");
        }
        Assert.True(simple > 10000, $"only {simple} links were plain enough to resolve with strings");
        Assert.Null(LinkChecker.ResolveSimply("/", "y?q"));
        Assert.Null(LinkChecker.ResolveSimply("/", "a//b"));
    }

    private static string Url(string relative) => relative.EndsWith("index.html", StringComparison.Ordinal) ? relative[..^"index.html".Length] : relative;

    [Fact]
    public void Resolves_links_as_a_browser_does()
    {
        using var site = TestSite.Create("""
            -- out/index.html --
            <!DOCTYPE html><title>Home</title>
            <a href="docs/">folder with index.html</a>
            <a href="docs">folder without slash</a>
            <a href="/docs/page.html#part-2">root-relative with fragment</a>
            <a href="docs/my%20file.html">percent-encoded</a>
            <a href="#top">top</a>
            <a href="https://example.org/missing">external: not checked</a>
            <a href="mailto:someone@example.org">mail</a>
            <a href="?q=search">query on this page</a>
            <img src="img/logo.png" alt="">
            -- out/docs/index.html --
            <!DOCTYPE html><title>Docs</title><a href="../">up</a><a href="page.html">sibling</a>
            -- out/docs/page.html --
            <!DOCTYPE html><title>Page</title><h2 id="part-2">Part 2</h2><a name="old-anchor"></a><a href="#old-anchor">named</a>
            -- out/docs/my file.html --
            <!DOCTYPE html><title>Spaces</title>
            -- out/img/logo.png --
            png
            -- out/based/index.html --
            <!DOCTYPE html><base href="/docs/"><title>Based</title><a href="page.html#part-2">resolved against base</a>
            """, withDefaults: false);
        var diagnostics = new DiagnosticBag();

        LinkChecker.CheckFolder(Path.Combine(site.Root, "out"), diagnostics);

        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Reports_missing_files_and_fragments_with_their_place()
    {
        using var site = TestSite.Create("""
            -- out/index.html --
            <!DOCTYPE html><title>Home</title>
            <p><a href="missing/">gone</a></p>
            <p><a href="page.html#nope">no such id</a> <a href="/page.html#here">fine</a></p>
            <link rel="stylesheet" href="/style.css">
            -- out/page.html --
            <!DOCTYPE html><title>Page</title><p id="here">here</p>
            """, withDefaults: false);
        var diagnostics = new DiagnosticBag();
        var root = Path.Combine(site.Root, "out");

        LinkChecker.CheckFolder(root, diagnostics);

        Assert.Equal(
        [
            $"{root}/index.html:2:4: error CHR401: 'missing/' points to /missing/, which the site does not contain",
            $"{root}/index.html:3:4: error CHR402: 'page.html#nope': /page.html has no element with id 'nope'",
            $"{root}/index.html:4:1: error CHR401: '/style.css' points to /style.css, which the site does not contain",
        ], diagnostics.Sorted().Select(d => d.ToString()));
    }

    [Fact]
    public void Pages_are_checked_on_every_core_and_reported_in_page_order()
    {
        // 200 pages, each with two broken links and a good one: the report is page by page, link by link, as if
        // checked one after the other, every time.
        var pages = Enumerable.Range(0, 200).Select(i => PageRecord.Parse($"/p{i:000}/", $"p{i:000}/index.html",
            $"<!DOCTYPE html><title>{i}</title>\n<a href=\"../p{(i + 1) % 200:000}/#nowhere\">a</a>\n<a href=\"/gone-{i}/\">b</a>\n<a href=\"../p000/\">c</a>")).ToList();
        var paths = new HashSet<string>(pages.Select(p => p.OutputPath), StringComparer.Ordinal);
        string[] Report()
        {
            var diagnostics = new DiagnosticBag();
            LinkChecker.Check(pages, paths, "out", diagnostics);
            return [.. diagnostics.Items.Select(d => $"{d.File}:{d.Line}:{d.Code}")];
        }

        var first = Report();

        Assert.Equal(Enumerable.Range(0, 200).SelectMany(i => new[] { $"out/p{i:000}/index.html:2:CHR402", $"out/p{i:000}/index.html:3:CHR401" }), first);
        for (var run = 0; run < 5; run++) Assert.Equal(first, Report());
    }
}
