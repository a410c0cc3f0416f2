using System.Text.Json;
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
        var linkStatus = ReadLinkStatus(contentRoot, diagnostics);
        timer.Time("validate", () =>
        {
            EvidenceValidator.Validate(evidence, diagnostics);
            EvidenceValidator.CheckDocumentMarkers(evidence, diagnostics);
            EvidenceValidator.CheckMarkdownDepth(evidence, diagnostics);
            RegisterRules.Validate(evidence, diagnostics);
            SourceRules.Validate(evidence, diagnostics, url => linkStatus.TryGetValue(url, out var record) && record.WasReached);
            LinkStatusRules.Validate(evidence, linkStatus, diagnostics);
        });
        var integrity = timer.Time("verify quotes", () => QuoteVerifier.Verify(evidence, diagnostics));
        return new CheckedEvidence(evidence, integrity, linkStatus);
    }

    private static IReadOnlyDictionary<string, LinkRecord> ReadLinkStatus(string contentRoot, DiagnosticBag diagnostics)
    {
        var path = LinkStatusFile.PathIn(contentRoot);
        try
        {
            return LinkStatusFile.Read(path);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or ArgumentException or InvalidOperationException)
        {
            var display = Path.Join(contentRoot, LinkStatusFile.FileName).Replace('\\', '/');
            var line = e is JsonException { LineNumber: { } l } ? (int)l + 1 : 1;
            diagnostics.Error(DiagnosticCodes.MalformedLinkStatus, display, line, 1, $"cannot read the link status file: {e.Message}");
            return new Dictionary<string, LinkRecord>();
        }
    }
}
