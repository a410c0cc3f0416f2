namespace Chronology.Model;

/// <summary>
/// An abbreviation readers meet on the site and what it stands for (content/glossary.yml), as the documents expand
/// it. Pages expand each at its first use with <c>&lt;abbr title&gt;</c>; the glossary page lists them all. One the
/// documents never spell out has no <see cref="Expansion"/>, only a <see cref="Note"/> saying so: it is never
/// expanded from elsewhere, and the glossary page lists it apart.
/// </summary>
public sealed record GlossaryTerm(string Term, string? Expansion, string? Note, ContentLocation Location);
