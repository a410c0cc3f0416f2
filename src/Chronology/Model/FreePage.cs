namespace Chronology.Model;

/// <summary>
/// content/pages/&lt;id&gt;.md: a page of the site's own ("About this campaign", "Methodology") in Markdown, at
/// /&lt;id&gt;/. A page with the id <c>about</c> replaces the generator's About page.
/// </summary>
/// <param name="Nav">Its place in the site's navigation (lowest first), or null to leave it out of the navigation.</param>
public sealed record FreePage(string Id, string Title, string? Description, int? Nav, string Body, ContentLocation Location)
{
    /// <summary>The file line the body's first line stands on.</summary>
    public int BodyLine { get; init; } = 1;

    public const string AboutId = "about";
}

/// <summary>A file of content/assets/, copied to the site as it is at /assets/&lt;path&gt;.</summary>
/// <param name="Path">Its path under content/assets/, with forward slashes.</param>
/// <param name="FullPath">Where the file is on disk, for the writer to copy.</param>
public sealed record ContentAsset(string Path, string FullPath)
{
    /// <summary>A stylesheet a site adds after the theme's own on every page.</summary>
    public const string ExtraStylesheet = "extra.css";
}
