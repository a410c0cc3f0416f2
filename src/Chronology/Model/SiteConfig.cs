namespace Chronology.Model;

/// <summary>content/site.yml.</summary>
/// <param name="AnnexSource">The source whose Annex 1 numbers entries' <c>annex</c> items, where the site has one.</param>
public sealed record SiteConfig(string Title, string Description, string? BaseUrl, string Language, string? AnnexSource = null)
{
    public ContentLocation? AnnexSourceLocation { get; init; }
}
