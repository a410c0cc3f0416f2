using System.Globalization;
using System.Text.RegularExpressions;
using Chronology.Diagnostics;
using Chronology.Links;
using Chronology.Model;

namespace Chronology.Validation;

/// <summary>Rules on the source register: archive URLs, page ranges, snapshots, completeness, use.</summary>
public static partial class SourceRules
{
    [GeneratedRegex(@"^https?://web\.archive\.org/web/(?<timestamp>[^/]+)/(?<url>.+)$")]
    private static partial Regex Wayback();

    [GeneratedRegex(@"^https://perma\.cc/[A-Z0-9]{4}-[A-Z0-9]{4}$")]
    private static partial Regex PermaCc();

    public static void Validate(Evidence evidence, DiagnosticBag diagnostics, Func<string, LinkRecord?>? lastCheck = null)
    {
        var sources = evidence.Sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var cited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in evidence.Entries)
        {
            foreach (var citation in entry.Citations)
            {
                cited.Add(citation.SourceId);
                if (!sources.TryGetValue(citation.SourceId, out var source) || source.Pages is not { } pageCount) continue;
                if (citation.Locator?.PagePart is not { Pages: { } pages } page || pages.Last <= pageCount) continue;
                var at = citation.Location;
                diagnostics.Error(DiagnosticCodes.PageOutOfRange, at,
                    $"{page.Display} is beyond the {pageCount} pages of '{source.Id}'");
            }
        }
        foreach (var (_, citation) in evidence.AllCitations()) cited.Add(citation.SourceId);
        foreach (var item in evidence.ReviewItems) cited.UnionWith(item.Sources);
        cited.UnionWith(evidence.SourceReferences());
        // A source is in use if an entry cites it or another source is known through it.
        foreach (var source in evidence.Sources)
        {
            if (source.KnownThrough is { } through) cited.Add(through);
        }

        foreach (var source in evidence.Sources)
        {
            var at = source.Location;
            if (source.ArchiveUrl is { } archive && ArchiveProblem(archive) is { } problem)
            {
                var archiveAt = source.ArchiveUrlLocation ?? at;
                diagnostics.Error(DiagnosticCodes.InvalidArchiveUrl, archiveAt, $"archiveUrl: {problem}");
            }
            // A source registered because a cited source names it (knownThrough) belongs on the register uncited.
            if (!cited.Contains(source.Id) && source.KnownThrough is null)
                diagnostics.Warning(DiagnosticCodes.UncitedSource, at, $"no entry cites source '{source.Id}'");
            if (source.Date is null && source.NoDateReason is null)
                diagnostics.Warning(DiagnosticCodes.IncompleteSource, at,
                    "the source has no publication date: give 'date', or say in 'noDateReason' why the documents give none");
            // 'organisations' names the publisher or author; with no publisher named, it says more than the documents do.
            if (source.Publisher is null && source.Organisations.Count > 0)
                diagnostics.Warning(DiagnosticCodes.IncompleteSource, source.OrganisationLocations.FirstOrDefault(at),
                    "'organisations' lists the publisher or author, but no 'publisher' is given: name the publisher as the documents do, or, where no document names one, leave out 'organisations' too");
            // A URL never checked is one site-wide warning (CHR334); here only a URL that was checked and not reached,
            // so that nothing on the site says when it last worked.
            if (source.Url is { } url && source.Accessed is null && lastCheck?.Invoke(url) is { WasReached: false })
                diagnostics.Warning(DiagnosticCodes.IncompleteSource, at,
                    "the source's URL was not reached when last checked and no access date is recorded: give 'accessed' (when it was last read) or an 'archiveUrl'");
        }

        foreach (var snapshot in evidence.Snapshots.Values)
        {
            if (sources.ContainsKey(snapshot.SourceId)) continue;
            var at = snapshot.Location;
            diagnostics.Error(DiagnosticCodes.SnapshotWithoutSource, at.File, 1, 1,
                $"snapshot for unknown source '{snapshot.SourceId}': the file name must be a source id");
        }
    }

    /// <summary>Why an archive URL is not a well-formed Wayback capture or perma.cc link; null if it is one.</summary>
    public static string? ArchiveProblem(string url)
    {
        if (PermaCc().IsMatch(url)) return null;
        var wayback = Wayback().Match(url);
        if (!wayback.Success) return $"'{url}' is neither https://web.archive.org/web/<timestamp>/<url> nor https://perma.cc/XXXX-XXXX";
        if (url.StartsWith("http://", StringComparison.Ordinal)) return "use https://web.archive.org";
        var timestamp = wayback.Groups["timestamp"].Value;
        if (timestamp.Contains('*') || wayback.Groups["url"].Value.Contains('*')) return "a wildcard is a search, not a capture";
        if (timestamp == "save" || url.Contains("/save/", StringComparison.Ordinal)) return "a /save/ link asks for a new capture; give the capture's own URL";
        if (timestamp.Length != 14 || !DateTime.TryParseExact(timestamp, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return $"'{timestamp}' is not a 14-digit capture timestamp (yyyyMMddHHmmss)";
        if (!wayback.Groups["url"].Value.StartsWith("http", StringComparison.Ordinal)) return "the archived URL must be absolute";
        return null;
    }
}
