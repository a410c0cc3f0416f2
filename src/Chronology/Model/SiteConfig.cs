namespace Chronology.Model;

/// <summary>content/site.yml.</summary>
/// <param name="AnnexSource">The source whose Annex 1 numbers entries' <c>annex</c> items, where the site has one.</param>
public sealed record SiteConfig(string Title, string Description, string? BaseUrl, string Language, string? AnnexSource = null)
{
    public ContentLocation? AnnexSourceLocation { get; init; }

    /// <summary>
    /// A stand-in for a site.yml that is missing or could not be read (its errors are reported at it): what the site
    /// would say is unknown, so no check that depends on it is made (an entry's annex item is not "numbering an item
    /// of a source the site does not set" when the site's settings could not be read).
    /// </summary>
    public bool Unread { get; init; }

    /// <summary>Where site.yml's fields are, for messages about them.</summary>
    public ContentLocation? IntroductionLocation { get; init; }

    public ContentLocation? CorrectionsLocation { get; init; }

    /// <summary>Who keeps the site, as it should be named publicly.</summary>
    public string? Maintainer { get; init; }

    /// <summary>The repository the site is built from (its content files are public there).</summary>
    public string? Repository { get; init; }

    /// <summary>An issue form where a reader reports an error; entry pages pre-fill its title and body (<c>?title=&amp;body=</c>).</summary>
    public string? ReportErrorUrl { get; init; }

    /// <summary>Markdown: how to report an error and how corrections are made, shown on About and linked from every entry.</summary>
    public string? Corrections { get; init; }

    /// <summary>Markdown: two or three attributed sentences saying what the chronology is about and why it exists, shown on the home and About pages.</summary>
    public string? Introduction { get; init; }

    /// <summary>Markdown shown at the foot of every page (after the generator's own links).</summary>
    public string? Footer { get; init; }

    public ContentLocation? FooterLocation { get; init; }

    /// <summary>Extra links in the site's navigation, after the generator's own, in the order given.</summary>
    public IReadOnlyList<NavItem> Nav { get; init; } = [];

    /// <summary>The licence of the site's own text and data, as it should be shown (Markdown); none is claimed without it.</summary>
    public string? Licence { get; init; }

    public ContentLocation? LicenceLocation { get; init; }

    /// <summary>Source types this site adds to the generator's own (<see cref="Source.Types"/>).</summary>
    public IReadOnlyList<string> SourceTypes { get; init; } = [];

    /// <summary>Locator kinds this site adds to the generator's own (<see cref="Locator.Kinds"/>), e.g. chapter, line, timestamp.</summary>
    public IReadOnlyList<string> LocatorKinds { get; init; } = [];

    /// <summary>What entries' <c>annex</c> numbers are items of, as a reader should see it ("Annex 1"); only with <see cref="AnnexSource"/>.</summary>
    public string AnnexName { get; init; } = "Annex";
}

/// <summary>A link in the navigation: a page of this site ("/methodology/") or an absolute http(s) address.</summary>
public sealed record NavItem(string Title, string Url, ContentLocation Location);
