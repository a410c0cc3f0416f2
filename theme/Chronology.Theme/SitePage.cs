using Chronology.Site;
using Microsoft.AspNetCore.Components;

namespace Chronology.Theme;

/// <summary>What every page and partial knows: the site model and the URL of the page being rendered.</summary>
public abstract class SitePage : ComponentBase
{
    [Parameter, EditorRequired] public SiteModel Site { get; set; } = default!;

    [Parameter, EditorRequired] public string Url { get; set; } = default!;

    /// <summary>A relative link from this page to another site URL.</summary>
    protected string Href(string siteUrl) => SiteUrls.Relative(Url, siteUrl);
}
