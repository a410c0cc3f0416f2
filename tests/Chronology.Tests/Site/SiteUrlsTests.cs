using Chronology.Site;

namespace Chronology.Tests.Site;

public class SiteUrlsTests
{
    [Theory]
    [InlineData("/", "index.html")]
    [InlineData("/entries/a/", "entries/a/index.html")]
    [InlineData("/data/chronology.json", "data/chronology.json")]
    [InlineData("/404.html", "404.html")]
    public void Maps_urls_to_output_paths(string url, string path) => Assert.Equal(path, Chronology.Publishing.OutputPaths.Of(url));

    [Theory]
    [InlineData("/entries/a/", "/sources/b/", "../../sources/b/")]
    [InlineData("/entries/a/", "/entries/b/", "../b/")]
    [InlineData("/entries/a/", "/", "../../")]
    [InlineData("/", "/entries/a/", "entries/a/")]
    [InlineData("/", "/", "./")]
    [InlineData("/sources/", "/sources/b/", "b/")]
    [InlineData("/entries/a/", "/entries/a/#cite-1", "./#cite-1")]
    [InlineData("/a/b/c/", "/a/x/y.txt", "../../x/y.txt")]
    [InlineData("/404.html", "/assets/site.css", "assets/site.css")]
    [InlineData("/sources/x/", "/entries/a/#cite-2", "../../entries/a/#cite-2")]
    public void Links_relatively(string from, string to, string expected) => Assert.Equal(expected, SiteUrls.Relative(from, to));

    [Theory]
    [InlineData("../b/", "../../entries/b/")]
    [InlineData("#cite-1", "../../entries/a/#cite-1")]
    [InlineData("../../sources/s/", "../s/")]
    public void Rebases_a_link_written_for_one_page_onto_another(string link, string expected) =>
        Assert.Equal(expected, SiteUrls.Rebase("/entries/a/", "/sources/x/", link));

    /// <summary>
    /// Relative works on the strings without splitting them (it runs for every link of every page); the way it was
    /// first written, by splitting, stays here as the reference. Every pair of a site's URLs, and awkward ones.
    /// </summary>
    [Fact]
    public async Task Links_relatively_as_splitting_the_paths_would()
    {
        var (output, _) = await RealSite.BuildOnceAsync();
        var urls = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Select(f => "/" + Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Select(u => u.EndsWith("/index.html", StringComparison.Ordinal) ? u[..^"index.html".Length] : u)
            .Where((_, i) => i % 3 == 0) // a third of the site's files, about 230: 160,000 pairs
            .Concat(["/", "/404.html", "/a//b/", "//", "/entries", "/entries/x", "/entries/a/b/c/d.txt", "/ünïcode/é/"])
            .ToList();
        var checkedPairs = 0;
        foreach (var from in urls)
        {
            foreach (var to in urls)
            {
                foreach (var fragment in new[] { "", "#x", "#a/b" })
                {
                    Assert.True(BySplitting(from, to + fragment) == SiteUrls.Relative(from, to + fragment), $"{from} → {to}{fragment}");
                    checkedPairs++;
                }
            }
        }
        Assert.True(checkedPairs > 10_000, $"only {checkedPairs} pairs");
    }

    private static string BySplitting(string fromUrl, string toUrl)
    {
        var fragmentAt = toUrl.IndexOf('#');
        var fragment = fragmentAt >= 0 ? toUrl[fragmentAt..] : "";
        var target = fragmentAt >= 0 ? toUrl[..fragmentAt] : toUrl;
        var fromParts = fromUrl[..(fromUrl.LastIndexOf('/') + 1)].Split('/', StringSplitOptions.RemoveEmptyEntries);
        var toParts = target.Split('/');
        var toDirectories = toParts[1..^1];
        var common = 0;
        while (common < fromParts.Length && common < toDirectories.Length && fromParts[common] == toDirectories[common]) common++;
        var relative = string.Concat(Enumerable.Repeat("../", fromParts.Length - common)) + string.Concat(toDirectories[common..].Select(d => d + "/")) + toParts[^1];
        return (relative.Length == 0 ? "./" : relative) + fragment;
    }
}
