namespace Chronology.Model;

/// <summary>
/// The words content may use where the generator has a closed list: its own, plus those a site adds in site.yml
/// (<c>sourceTypes</c>, <c>locatorKinds</c>). The loader reads site.yml first and reads every other file with this.
/// </summary>
public sealed record ContentVocabulary(IReadOnlyList<string> SourceTypes, IReadOnlyList<string> LocatorKinds)
{
    public static readonly ContentVocabulary Default = new(Source.Types, Locator.Kinds);

    public static ContentVocabulary Of(SiteConfig site) =>
        new([.. Source.Types, .. site.SourceTypes], [.. Locator.Kinds, .. site.LocatorKinds]);
}
