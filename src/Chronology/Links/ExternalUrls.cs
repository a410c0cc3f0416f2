using Chronology.Model;

namespace Chronology.Links;

public static class ExternalUrls
{
    /// <summary>Every external URL the register gives (url, alsoAt, archiveUrl), once each, in order.</summary>
    public static IReadOnlyList<string> Of(Evidence evidence) =>
    [
        .. evidence.Sources
            .SelectMany(s => new[] { s.Url, s.ArchiveUrl }.Concat(s.AlsoAt))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];
}
