namespace Chronology.Publishing;

/// <summary>An href or src on a page, with where it stands in the HTML.</summary>
public readonly record struct PageLink(string Target, int Line, int Column);
