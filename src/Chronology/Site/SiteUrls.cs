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

    /// <summary>Every change made to the entries, newest first (<see cref="ChangeLog"/>).</summary>
    public const string Changes = "/changes/";

    public static string YearPage(int year) => $"/years/{year}/";

    /// <summary>A page of content/pages/: /&lt;id&gt;/ (the About page's own address for <c>about</c>, which it replaces).</summary>
    public static string Page(string id) => $"/{id}/";

    /// <summary>A file of content/assets/.</summary>
    public static string Asset(string path) => "/assets/" + path;

    /// <summary>First path segments the generator's own pages and files use, which a page of content/pages/ may not take.</summary>
    public static readonly IReadOnlyList<string> Reserved =
    [
        "entries", "years", "at-a-glance", "sources", "organisations", "tags", "review", "documents", "registers", "risks",
        "people", "evidence", "changes", "print", "search", "glossary", "data", "assets", "feed", "sitemap", "robots", "404", "favicon",
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
        // Called for every link of every page: worked out on the strings themselves, without splitting them.
        var fragmentAt = toUrl.IndexOf('#');
        var target = fragmentAt >= 0 ? toUrl.AsSpan(0, fragmentAt) : toUrl.AsSpan();
        var fragment = fragmentAt >= 0 ? toUrl.AsSpan(fragmentAt) : [];
        var from = fromUrl.AsSpan(0, fromUrl.LastIndexOf('/') + 1);
        var nameAt = target.LastIndexOf('/') + 1; // the target's folders are between its leading "/" and here
        if (nameAt == 0) throw new ArgumentException($"not a site URL: {toUrl}", nameof(toUrl));

        // Down the folders the two pages share, from the root: the page's folders leave out empty names, the target's keep them.
        var fromFolders = 0;
        var common = 0;
        var at = 1; // where the target's folders not shared start
        var sharing = true;
        foreach (var range in from.Split('/'))
        {
            var name = from[range];
            if (name.Length == 0) continue;
            fromFolders++;
            if (!sharing || at >= nameAt) continue;
            var end = at + target[at..].IndexOf('/');
            if (name.SequenceEqual(target[at..end]))
            {
                common++;
                at = end + 1;
            }
            else sharing = false;
        }

        var builder = new System.Text.StringBuilder(3 * (fromFolders - common) + (target.Length - at) + fragment.Length + 2);
        for (var i = common; i < fromFolders; i++) builder.Append("../");
        builder.Append(target[at..]);
        if (builder.Length == 0) builder.Append("./");
        return builder.Append(fragment).ToString();
    }
}
