using Chronology.Site;
using Microsoft.AspNetCore.Components;

namespace Chronology.Theme;

/// <summary>What every page and partial knows: the site model and the URL of the page being rendered.</summary>
public abstract class SitePage : ComponentBase
{
    [Parameter, EditorRequired] public SiteModel Site { get; set; } = default!;

    [Parameter, EditorRequired] public string Url { get; set; } = default!;

    /// <summary>
    /// A relative link from this page to another site URL. The not-found page is served at whatever address was
    /// asked for, so its links are root-relative instead.
    /// </summary>
    protected string Href(string siteUrl) => Url == SiteUrls.NotFound ? siteUrl : SiteUrls.Relative(Url, siteUrl);
}
