namespace Chronology.Model;

/// <summary>
/// An abbreviation readers meet on the site and what it stands for (content/glossary.yml), as the documents expand
/// it. Pages expand each at its first use with <c>&lt;abbr title&gt;</c>; the glossary page lists them all.
/// </summary>
public sealed record GlossaryTerm(string Term, string Expansion, string? Note, ContentLocation Location);
