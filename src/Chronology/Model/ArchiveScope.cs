namespace Chronology.Model;

/// <summary>How much of a source's archived text the site publishes.</summary>
public enum ArchiveScope
{
    /// <summary>The quoted passages in context (the default).</summary>
    Passages,

    /// <summary>All of it, where the source's terms allow the whole text to be republished.</summary>
    Full,
}
