using Chronology.Model;

namespace Chronology.Cli;

/// <summary>
/// What a deployment knows of where the site is published, which the content cannot (a fork publishes elsewhere):
/// each address given overrides site.yml's. The deploy workflow passes them (<c>build --base-url --repository
/// --report-error-url</c>), so that the published site links to its own repository and issue form.
/// </summary>
/// <param name="BaseUrl">The site's published address: feeds, the sitemap and permalinks.</param>
/// <param name="Repository">Where the content and the code are public (on the About page).</param>
/// <param name="ReportErrorUrl">The form a reader reports an error with (every entry's "Report an error", and the About page).</param>
public sealed record Deployment(string? BaseUrl = null, string? Repository = null, string? ReportErrorUrl = null)
{
    public SiteConfig Apply(SiteConfig site) => site with
    {
        BaseUrl = BaseUrl?.TrimEnd('/') ?? site.BaseUrl,
        Repository = Repository?.TrimEnd('/') ?? site.Repository,
        ReportErrorUrl = ReportErrorUrl ?? site.ReportErrorUrl,
    };
}
