using Chronology.Diagnostics;
using Chronology.Markdown;
using Chronology.Model;

namespace Chronology.Validation;

/// <summary>Rules that need the whole corpus: references resolve, dates match their labels, Annex numbers are unique.</summary>
public static class EvidenceValidator
{
    public static void Validate(Evidence evidence, DiagnosticBag diagnostics)
    {
        var sources = evidence.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var organisations = evidence.Organisations.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var annexItems = new Dictionary<int, ChronologyEntry>();
        if (evidence.Site.AnnexSource is { } annexSource && evidence.Site.AnnexSourceLocation is { } at0)
            CheckIds([annexSource], [at0], at0, sources, DiagnosticCodes.UnknownSource, "source", "sources", ".yml");

        foreach (var entry in evidence.Entries)
        {
            if (!entry.Unread && !LabelPrecision.Allows(entry.Label, entry.Date))
            {
                var at = entry.DateLocation ?? entry.Location;
                diagnostics.Error(DiagnosticCodes.OverPreciseDate, at,
                    $"the date '{entry.Date}' is more precise ({entry.Date.Precision.ToString().ToLowerInvariant()}) than its label '{entry.Label}' ({LabelPrecision.Of(entry.Label).ToString().ToLowerInvariant()}); never make a date more precise than its source");
            }
            CheckOrganisations(entry.Organisations, entry.OrganisationLocations, entry.Location);
            CheckNoteMarkers(entry, diagnostics);
            foreach (var citation in entry.Citations) CheckSource(citation);
            if (entry.AnnexItem is not null && evidence.Site.AnnexSource is null && !evidence.Site.Unread)
            {
                var at = entry.AnnexLocation ?? entry.Location;
                diagnostics.Error(DiagnosticCodes.InvalidValue, at,
                    "'annex' numbers an item of the source named by 'annexSource' in site.yml, which this site does not set");
            }
            if (entry.AnnexItem is { } item)
            {
                if (annexItems.TryGetValue(item, out var other))
                {
                    var at = entry.AnnexLocation ?? entry.Location;
                    diagnostics.Error(DiagnosticCodes.DuplicateAnnexItem, at,
                        $"Annex item {item} is already entry '{other.Id}' ({other.Location.File})");
                }
                else annexItems.Add(item, entry);
            }
        }

        var entries = evidence.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var reviewItems = evidence.ReviewItems.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var item in evidence.ReviewItems)
        {
            CheckSource(item.Text);
            CheckIds(item.Entries, item.EntryLocations, item.Location, entries, DiagnosticCodes.UnknownEntry, "entry", "entries", ".md");
            CheckIds(item.Sources, item.SourceLocations, item.Location, sources, DiagnosticCodes.UnknownSource, "source", "sources", ".yml");
        }
        foreach (var response in evidence.Responses)
        {
            CheckSource(response.Text);
            CheckIds([response.RespondsTo], [response.RespondsToLocation ?? response.Location], response.Location, reviewItems, DiagnosticCodes.UnknownReviewItem, "review item", "review", ".yml");
            CheckOrganisations([response.Organisation], [response.OrganisationLocation ?? response.Location], response.Location);
        }

        foreach (var source in evidence.Sources)
        {
            CheckOrganisations(source.Organisations, source.OrganisationLocations, source.Location);
            if (source.KnownThrough is { } through)
                CheckIds([through], [source.KnownThroughLocation ?? source.Location], source.Location, sources, DiagnosticCodes.UnknownSource, "source", "sources", ".yml");
        }

        void CheckSource(Citation citation) =>
            CheckIds([citation.SourceId], [citation.SourceLocation ?? citation.Location], citation.Location, sources, DiagnosticCodes.UnknownSource, "source", "sources", ".yml");

        void CheckOrganisations(IReadOnlyList<string> ids, IReadOnlyList<ContentLocation> locations, ContentLocation fallback) =>
            CheckIds(ids, locations, fallback, organisations, DiagnosticCodes.UnknownOrganisation, "organisation", "organisations", ".yml");

        // Every reference to another content file, checked one way with one message (the id, and the file that
        // would hold it, or that it could not be read).
        void CheckIds(
            IReadOnlyList<string> ids, IReadOnlyList<ContentLocation> locations, ContentLocation fallback, HashSet<string> known,
            string code, string what, string folder, string extension)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                // An empty id stands in for a reference that could not be read (see IReadInPart): reported where it is.
                if (ids[i].Length == 0 || known.Contains(ids[i])) continue;
                var at = i < locations.Count ? locations[i] : fallback;
                diagnostics.Error(code, at, $"unknown {what} '{ids[i]}': {References.WhyUnknown(evidence, folder, ids[i], extension, known)}");
            }
        }
    }

    /// <summary>Markdown nested deeper than Markdig's limit is refused where it is written (CHR111), not at rendering.</summary>
    public static void CheckMarkdownDepth(Evidence evidence, DiagnosticBag diagnostics)
    {
        foreach (var field in evidence.MarkdownFields())
        {
            if (ContentMarkdown.IsTooDeep(field.Text))
                diagnostics.Error(DiagnosticCodes.NestingTooDeep, field.At,
                    "the Markdown nests quotes, lists or brackets too deeply to be shown; flatten it");
        }
    }

    /// <summary>
    /// A document page's summary may tie a sentence to one of the page's quoted passages: <c>[^N]</c> is the N-th,
    /// in page order (the sections' items, then the figures). Every marker must name one.
    /// </summary>
    public static void CheckDocumentMarkers(Evidence evidence, DiagnosticBag diagnostics)
    {
        foreach (var document in evidence.Documents)
        {
            var count = document.Quotes().Count();
            foreach (var marker in Markdown.NoteMarkers.Find(document.Summary))
            {
                if (Markdown.NoteMarkers.Number(marker.Label, count) is not null) continue;
                diagnostics.Error(DiagnosticCodes.UnknownNoteMarker, document.Location.File, document.SummaryLine + marker.Line, marker.Column + 1,
                    $"the note marker [^{marker.Label}] names no quoted passage: this document page quotes {count} passage{(count == 1 ? "" : "s")}, numbered 1{(count == 1 ? "" : $" to {count}")} in page order (the sections' items, then the figures)");
            }
        }
    }

    /// <summary>
    /// Every marker names one of the entry's citations; every citation is tied to a sentence by a marker; and the text
    /// cites them first in their order, so that a reader meets the notes as 1, 2, 3.
    /// </summary>
    private static void CheckNoteMarkers(ChronologyEntry entry, DiagnosticBag diagnostics)
    {
        var count = entry.Citations.Count;
        var used = new bool[count];
        var firstUnused = 1; // the lowest number not yet cited
        var outOfOrder = false;
        foreach (var marker in Markdown.NoteMarkers.Find(entry.Body))
        {
            if (Markdown.NoteMarkers.Number(marker.Label, count) is { } number)
            {
                if (number > firstUnused && !used[number - 1] && !outOfOrder)
                {
                    outOfOrder = true;
                    diagnostics.Warning(DiagnosticCodes.NotesOutOfOrder, entry.Location.File, entry.BodyLine + marker.Line, marker.Column + 1,
                        $"[^{number}] is the first marker of citation {number}, before any of citation {firstUnused}: order 'citations' as the text first cites them, and renumber the markers, so that readers meet the notes as 1, 2, 3");
                }
                used[number - 1] = true;
                while (firstUnused <= count && used[firstUnused - 1]) firstUnused++;
                continue;
            }
            diagnostics.Error(DiagnosticCodes.UnknownNoteMarker, entry.Location.File, entry.BodyLine + marker.Line, marker.Column + 1,
                $"the note marker [^{marker.Label}] names no citation: this entry's {count} citation{(count == 1 ? " is" : "s are")} numbered 1{(count == 1 ? "" : $" to {count}")}, in the order of its 'citations' list");
        }
        for (var i = 0; i < count; i++)
        {
            if (used[i]) continue;
            var at = entry.Citations[i].Location;
            diagnostics.Warning(DiagnosticCodes.UnmarkedCitation, at,
                $"no sentence is tied to citation {i + 1} ('{entry.Citations[i].SourceId}'): put [^{i + 1}] after the sentence it supports");
        }
    }
}
