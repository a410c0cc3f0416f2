namespace Chronology.Model;

/// <summary>What a piece of Markdown in the content belongs to, and so which page shows it.</summary>
public enum MarkdownOwner
{
    Entry,
    Document,
    Register,
    Source,
    Risk,
    SiteIntroduction,
    SiteCorrections,

    /// <summary>site.yml's footer, shown on every page: its links are written relative to the home page.</summary>
    SiteFooter,

    /// <summary>A page of content/pages/.</summary>
    Page,
}

/// <summary>
/// One Markdown text of the content: its owner (<see cref="Id"/> within <see cref="Owner"/>) and where its first line
/// is written, so that problems in it are reported at the content file's line and column.
/// </summary>
public sealed record MarkdownField(string Text, MarkdownOwner Owner, string Id, ContentLocation At);
