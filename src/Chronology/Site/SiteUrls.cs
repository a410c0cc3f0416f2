namespace Chronology.Site;

/// <summary>
/// The one place where a page's URL is decided. URLs are site-root paths ("/entries/x/"); pages link to each
/// other relatively (<see cref="Relative"/>) so the site works under any base path.
/// </summary>
public static class SiteUrls
{
    public const string Home = "/";
    public const string SourceRegister = "/sources/";
    public const string OrganisationIndex = "/organisations/";
    public const string About = "/about/";
    public const string EvidenceHealth = "/evidence/";
    public const string Print = "/print/";
    public const string Review = "/review/";
    public const string Search = "/search/";
    public const string Data = "/data/chronology.json";
    public const string Stylesheet = "/assets/site.css";
    public const string FaviconIco = "/favicon.ico";
    public const string FaviconSvg = "/assets/favicon.svg";
    public const string Manifest = "/site.webmanifest";
    public const string NotFound = "/404.html";
    public const string Sitemap = "/sitemap.xml";
    public const string Robots = "/robots.txt";

    public const string Documents = "/documents/";
    public const string People = "/people/";
    public const string AtAGlance = "/at-a-glance/";

    public static string YearPage(int year) => $"/years/{year}/";

    /// <summary>A page of content/pages/: /&lt;id&gt;/ (the About page's own address for <c>about</c>, which it replaces).</summary>
    public static string Page(string id) => $"/{id}/";

    /// <summary>A file of content/assets/.</summary>
    public static string Asset(string path) => "/assets/" + path;

    /// <summary>First path segments the generator's own pages and files use, which a page of content/pages/ may not take.</summary>
    public static readonly IReadOnlyList<string> Reserved =
    [
        "entries", "years", "at-a-glance", "sources", "organisations", "tags", "review", "documents", "registers", "risks",
        "people", "evidence", "print", "search", "glossary", "data", "assets", "feed", "sitemap", "robots", "404", "favicon",
    ];

    public static string Entry(string id) => $"/entries/{id}/";

    public static string Register(string id) => $"/registers/{id}/";

    public static string Risk(string id) => $"/risks/{id}/";

    public static string Matrix(string id) => $"/registers/{id}/";

    public static string Document(string id) => $"/documents/{id}/";

    public static string Person(string id) => $"/people/#{id}";

    public static string Source(string id) => $"/sources/{id}/";

    /// <summary>The site's copy of a source's text: its quoted passages in context (or the whole text, where allowed).</summary>
    public static string ArchivedCopy(string id) => $"/sources/{id}/copy/";

    /// <summary>A quoted passage in the site's copy of a source.</summary>
    public static string Passage(Passage passage) => $"{ArchivedCopy(passage.SnapshotId)}#{passage.Anchor}";

    public const string Glossary = "/glossary/";

    public static string ReviewItem(string id) => $"/review/{id}/";

    public const string TagIndex = "/tags/";

    public static string Tag(string tag) => $"/tags/{tag}/";

    public static string Organisation(string id) => $"/organisations/{id}/";

    public static string Year(int year) => $"/#y{year}";

    /// <summary>A link written on one page, rewritten to reach the same target from another page.</summary>
    public static string Rebase(string writtenOn, string shownOn, string link)
    {
        var root = new Uri("https://site.invalid/");
        var target = new Uri(new Uri(root, writtenOn), link);
        return Relative(shownOn, target.AbsolutePath + target.Fragment);
    }

    /// <summary>A link from one page to another, relative: from "/entries/a/" to "/sources/b/" is "../../sources/b/".</summary>
    public static string Relative(string fromUrl, string toUrl)
    {
        var fragmentAt = toUrl.IndexOf('#');
        var fragment = fragmentAt >= 0 ? toUrl[fragmentAt..] : "";
        var target = fragmentAt >= 0 ? toUrl[..fragmentAt] : toUrl;

        var fromDirectory = fromUrl[..(fromUrl.LastIndexOf('/') + 1)];
        var fromParts = fromDirectory.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var toParts = target.Split('/');
        // toParts: leading "" for the root, and a trailing file name or "" for a folder.
        var toDirectories = toParts[1..^1];
        var common = 0;
        while (common < fromParts.Length && common < toDirectories.Length && fromParts[common] == toDirectories[common]) common++;

        var up = string.Concat(Enumerable.Repeat("../", fromParts.Length - common));
        var down = string.Concat(toDirectories[common..].Select(d => d + "/")) + toParts[^1];
        var relative = up + down;
        if (relative.Length == 0) relative = "./";
        return relative + fragment;
    }
}
