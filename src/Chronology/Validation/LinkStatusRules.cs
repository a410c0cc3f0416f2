using Chronology.Diagnostics;
using Chronology.Links;
using Chronology.Model;

namespace Chronology.Validation;

/// <summary>Reports what the last <c>links refresh</c> found, from the committed results; never goes online.</summary>
public static class LinkStatusRules
{
    public static void Validate(Evidence evidence, IReadOnlyDictionary<string, LinkRecord> status, DiagnosticBag diagnostics)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var notChecked = 0;
        foreach (var source in evidence.Sources)
        {
            foreach (var url in new[] { source.Url, source.ArchiveUrl }.Concat(source.AlsoAt).OfType<string>())
            {
                if (!reported.Add(url)) continue;
                var at = source.Location;
                if (!status.TryGetValue(url, out var record))
                {
                    notChecked++;
                    continue;
                }
                var when = DisplayDates.Iso(record.CheckedAt);
                switch (record.Outcome)
                {
                    case LinkOutcome.Unverifiable:
                        diagnostics.Warning(DiagnosticCodes.LinkUnverifiable, at, $"{url}: unverifiable on {when}: {record.Detail}");
                        break;
                    case LinkOutcome.Failing:
                        diagnostics.Warning(DiagnosticCodes.LinkFailing, at, $"{url}: failing since {Since(record)}: {record.Detail}");
                        break;
                    case LinkOutcome.Dead when source.ArchiveUrl is null || url == source.ArchiveUrl:
                        diagnostics.Error(DiagnosticCodes.LinkDead, at,
                            $"{url}: dead (failing since {Since(record)}, last checked {when}: {record.Detail}); add an 'archiveUrl'");
                        break;
                    case LinkOutcome.Dead:
                        diagnostics.Warning(DiagnosticCodes.LinkFailing, at, $"{url}: dead since {Since(record)}; readers are offered the archived copy");
                        break;
                }
            }
        }
        // One warning for the lot: it has one remedy, and one per URL would drown every other warning.
        if (notChecked > 0)
        {
            diagnostics.Warning(DiagnosticCodes.LinkUnchecked, $"{evidence.ContentRoot}/{LinkStatusFile.FileName}", 1, 1,
                notChecked == 1
                    ? "1 source URL has never been checked (its page says so); run 'links refresh', which goes online"
                    : $"{notChecked} source URLs have never been checked (their pages say so); run 'links refresh', which goes online");
        }
    }

    private static string Since(LinkRecord record) => record.FirstFailedAt is { } failed ? DisplayDates.Iso(failed) : "an unknown date";
}
