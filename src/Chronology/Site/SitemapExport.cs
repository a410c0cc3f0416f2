using System.Security;
using System.Text;

namespace Chronology.Site;

/// <summary>sitemap.xml and robots.txt. A sitemap needs absolute URLs, so it is written only when site.yml gives a baseUrl.</summary>
public static class SitemapExport
{
    public static string? Sitemap(SiteModel site, IEnumerable<string> pageUrls)
    {
        if (site.Site.BaseUrl is not { } baseUrl) return null;
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var url in pageUrls.Where(u => u != SiteUrls.NotFound).Order(StringComparer.Ordinal))
            xml.Append("  <url><loc>").Append(SecurityElement.Escape(baseUrl + url)).Append("</loc></url>\n");
        return xml.Append("</urlset>\n").ToString();
    }

    public static string Robots(SiteModel site) =>
        "User-agent: *\nAllow: /\n" + (site.Site.BaseUrl is { } baseUrl ? $"Sitemap: {baseUrl}{SiteUrls.Sitemap}\n" : "");
}
