using Chronology.Model;

namespace Chronology.Site;

/// <summary>One place a source is cited: the entry, the citation's number on that entry, and the citation.</summary>
public sealed record SourceUse(ChronologyEntry Entry, int Number, Citation Citation);
