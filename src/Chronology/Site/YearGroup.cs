using Chronology.Model;

namespace Chronology.Site;

public sealed record YearGroup(int Year, IReadOnlyList<ChronologyEntry> Entries);
