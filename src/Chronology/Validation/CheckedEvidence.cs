using Chronology.Links;
using Chronology.Model;

namespace Chronology.Validation;

/// <summary>The corpus with what checking it found: quote outcomes and the last external link status.</summary>
public sealed record CheckedEvidence(Evidence Evidence, IntegrityReport Integrity, IReadOnlyDictionary<string, LinkRecord> LinkStatus);
