using Chronology.Publishing;

namespace Chronology.Tests.Publishing;

/// <summary>
/// The build reads the pages it writes with <see cref="PageScanner"/> (one pass, no document); the link checker
/// must see exactly what a full HTML parser (AngleSharp, <see cref="PageRecord.Parse"/>) would see.
/// </summary>
public class PageScannerTests(RealSite real) : IClassFixture<RealSite>
{
    [Theory]
    [InlineData("<a href=\"/x/\" id=\"a\">x</a><!-- <a href=\"/hidden/\" id=\"no\"> -->")]
    [InlineData("<script>var s = '<a href=\"/not-a-link/\">';</script><a href=/unquoted/ id=b>y</a>")]
    [InlineData("<a href=\"/q?a=1&amp;b=2\" title='it&#x27;s'>z</a><a name=\"anchor\"></a>")]
    [InlineData("<!DOCTYPE html>\n<html>\n  <head><base href=\"/sub/\"><link rel=\"stylesheet\" href=\"a.css\"></head>\n<body>\n<img src=\"a.png\" srcset=\"a.png 1x, b.png 2x\">\n<picture><source srcset=\"c.webp 100w\"></picture></body></html>")]
    [InlineData("<p id=\"one\" id=\"two\"><a href=\"/first/\" href=\"/second/\">twice</a></p><textarea><a href=\"/in-text/\"></textarea><title>a <b> title</title>")]
    [InlineData("<svg><title>t</title><a href=\"#frag\" id=\"svg-a\"></a></svg><iframe src=\"/frame/\"></iframe><video src=\"v.mp4\"></video>")]
    public void A_snippet_reads_as_a_parser_reads_it(string html) =>
        AssertSame(PageRecord.Parse("/p/", "p/index.html", html), PageScanner.Scan("/p/", "p/index.html", html));

    [Fact]
    public void Every_page_of_both_sites_reads_as_a_parser_reads_it()
    {
        foreach (var (relative, html) in Pages())
            AssertSame(PageRecord.Parse("/" + relative, relative, html), PageScanner.Scan("/" + relative, relative, html));
    }

    /// <summary>
    /// A page given in parts (as the pages with long lists are written) reads as the whole page: the same ids and links,
    /// each at the same line and column. Every page of both sites, cut before every fifth tag.
    /// </summary>
    [Fact]
    public void A_page_read_in_parts_reads_as_the_whole_page()
    {
        foreach (var (relative, html) in Pages())
        {
            var cuts = System.Text.RegularExpressions.Regex.Matches(html, "<[a-zA-Z/!]").Select(m => m.Index).Where((_, i) => i % 5 == 4).Append(html.Length);
            var reader = new PageScanner.Reader("/" + relative, relative);
            var from = 0;
            foreach (var cut in cuts)
            {
                reader.Read(html.AsSpan(from..cut));
                from = cut;
            }
            AssertSame(PageScanner.Scan("/" + relative, relative, html), reader.Finish());
        }
    }

    /// <summary>
    /// A record keeps its ids packed and sorted, and finds one by binary search (<see cref="PageRecord.HasId"/>): on every
    /// page of both sites, every id is found, and nothing else is, however close (each id with a character added,
    /// taken off, or its last one changed; the empty string; ids of other pages).
    /// </summary>
    [Fact]
    public void A_record_finds_each_of_its_ids_and_nothing_else()
    {
        var checkedIds = 0;
        var others = new List<string>();
        foreach (var (relative, html) in Pages())
        {
            var record = PageScanner.Scan("/" + relative, relative, html);
            var ids = record.Ids;
            foreach (var id in ids)
            {
                Assert.True(record.HasId(id), $"{relative}: '{id}' not found");
                string[] near = [id + "x", id[..^1], id[..^1] + (char)(id[^1] + 1), "-" + id];
                foreach (var miss in near.Where(n => !ids.Contains(n))) Assert.False(record.HasId(miss), $"{relative}: '{miss}' found");
                checkedIds++;
            }
            foreach (var other in others.Where(o => !ids.Contains(o))) Assert.False(record.HasId(other), $"{relative}: '{other}' found");
            if (ids.FirstOrDefault() is { } first && others.Count < 50) others.Add(first + "-elsewhere");
            if (!ids.Contains("")) Assert.False(record.HasId(""));
        }
        Assert.True(checkedIds > 1000, $"only {checkedIds} ids");
    }

    /// <summary>A record made from lists (as the full parser makes one) gives back the same ids and links, in order, with their places.</summary>
    [Fact]
    public void A_record_gives_back_what_it_was_made_from()
    {
        PageLink[] links = [new("/a/", 1, 2), new("", 3, 4), new("b.html#x", 5, 6), new("/a/", 7, 8), new("é/ü", 9, 10)];
        var record = new PageRecord("/p/", "p/index.html", ["z", "a", "mid", "a", "é"], links, baseHref: "/base/");
        Assert.Equal(links, record.Links);
        Assert.Equal(5, record.LinkCount);
        Assert.Equal("b.html#x", record.Target(2).ToString());
        Assert.Equal(["a", "mid", "z", "é"], record.Ids.Order(StringComparer.Ordinal));
        Assert.True(record.HasId("é"));
        Assert.False(record.HasId("m"));
        Assert.Equal("/base/", record.BaseHref);
        var empty = new PageRecord("/e/", "e/index.html", [], [], null);
        Assert.Empty(empty.Links);
        Assert.False(empty.HasId(""));
    }

    /// <summary>
    /// The search index takes the About page's words from the written page (<see cref="PageText.Main"/>, one pass):
    /// they must be the words a parser finds in &lt;main&gt;, text node by text node. Every page of both sites, and snippets.
    /// </summary>
    [Fact]
    public void A_pages_main_text_reads_as_a_parser_reads_it()
    {
        var snippets = new[]
        {
            "<header>not this</header><main id=\"m\"><h1>Title &amp; more</h1><p>one<em>two</em></p><!-- a comment --><p>three&nbsp;four &#x2014; five</p></main><footer>nor this</footer>",
            "<main><script>var a = '<b>&amp;';</script><style>p { x: y }</style><p>after</p></main>",
            "<mainly>no</mainly><MAIN class=x>shouting</MAIN>",
            "<p>no main element at all</p>",
        };
        var pages = Pages().Select(p => p.Html).Concat(snippets).ToList();
        var withMain = 0;
        foreach (var html in pages)
        {
            var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
            var expected = document.QuerySelector("main") is { } main
                ? System.Text.RegularExpressions.Regex.Replace(string.Join(" ", AngleSharp.Dom.NodeExtensions.GetDescendants(main).OfType<AngleSharp.Dom.IText>().Select(t => t.Data)), @"\s+", " ").Trim()
                : null;
            Assert.Equal(expected, PageText.Main(html));
            if (expected is { Length: > 0 }) withMain++;
        }
        Assert.True(withMain > 250, $"only {withMain} pages with main text");
    }

    private List<(string Relative, string Html)> Pages() => BuiltPages.Of(real);

    private static void AssertSame(PageRecord expected, PageRecord actual)
    {
        Assert.Equal(expected.Ids.Order(StringComparer.Ordinal), actual.Ids.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Links, actual.Links);
        Assert.Equal(expected.BaseHref, actual.BaseHref);
    }
}
