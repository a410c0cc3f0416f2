using Chronology.Diagnostics;
using Chronology.Links;
using Chronology.Loading;

namespace Chronology.Validation;

/// <summary>Every check on the content, in order; what <c>check</c> runs and what <c>build</c> runs first.</summary>
public static class EvidenceChecks
{
    public static CheckedEvidence Run(string contentRoot, DiagnosticBag diagnostics, PhaseTimer? timer = null)
    {
        timer ??= new PhaseTimer();
        var evidence = timer.Time("load", () => ContentLoader.Load(contentRoot, diagnostics));
        var linkStatus = LinkStatusFile.Read(contentRoot, diagnostics);
        timer.Time("validate", () =>
        {
            EvidenceValidator.Validate(evidence, diagnostics);
            EvidenceValidator.CheckDocumentMarkers(evidence, diagnostics);
            EvidenceValidator.CheckMarkdownDepth(evidence, diagnostics);
            RegisterRules.Validate(evidence, diagnostics);
            SourceRules.Validate(evidence, diagnostics, linkStatus.GetValueOrDefault);
            LinkStatusRules.Validate(evidence, contentRoot, linkStatus, diagnostics);
        });
        var integrity = timer.Time("verify quotes", () => QuoteVerifier.Verify(evidence, diagnostics));
        return new CheckedEvidence(evidence, integrity, linkStatus);
    }
}
