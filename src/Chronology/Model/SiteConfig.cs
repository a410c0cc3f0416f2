namespace Chronology.Model;

/// <summary>content/site.yml.</summary>
public sealed record SiteConfig(string Title, string Description, string? BaseUrl, string Language);
