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
    [InlineData("/404.html", "/assets/site.css", "assets/site.css")]
    [InlineData("/sources/x/", "/entries/a/#cite-2", "../../entries/a/#cite-2")]
    public void Links_relatively(string from, string to, string expected) => Assert.Equal(expected, SiteUrls.Relative(from, to));

    [Theory]
    [InlineData("../b/", "../../entries/b/")]
    [InlineData("#cite-1", "../../entries/a/#cite-1")]
    [InlineData("../../sources/s/", "../s/")]
    public void Rebases_a_link_written_for_one_page_onto_another(string link, string expected) =>
        Assert.Equal(expected, SiteUrls.Rebase("/entries/a/", "/sources/x/", link));
}
