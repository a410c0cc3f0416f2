using Chronology.Diagnostics;
using Chronology.Links;
using Chronology.Model;

namespace Chronology.Validation;

/// <summary>
/// Every check on loaded content, in order: functions of the evidence and the last link results, reading nothing.
/// What <c>check</c> runs, and what <c>build</c> runs before it renders (SiteBuild loads and then calls this).
/// </summary>
public static class EvidenceChecks
{
    public static CheckedEvidence Run(Evidence evidence, IReadOnlyDictionary<string, LinkRecord> linkStatus, DiagnosticBag diagnostics, PhaseTimer? timer = null)
    {
        timer ??= new PhaseTimer();
        timer.Time("validate", () =>
        {
            EvidenceValidator.Validate(evidence, diagnostics);
            EvidenceValidator.CheckDocumentMarkers(evidence, diagnostics);
            EvidenceValidator.CheckMarkdownDepth(evidence, diagnostics);
            RegisterRules.Validate(evidence, diagnostics);
            SourceRules.Validate(evidence, diagnostics, linkStatus.GetValueOrDefault);
            LinkStatusRules.Validate(evidence, linkStatus, diagnostics);
        });
        var integrity = timer.Time("verify quotes", () => QuoteVerifier.Verify(evidence, diagnostics));
        return new CheckedEvidence(evidence, integrity, linkStatus);
    }
}
