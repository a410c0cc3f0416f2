using Chronology.Diagnostics;
using Chronology.Markdown;
using Chronology.Markdown.SafeLinks;
using Chronology.Model;

namespace Chronology.Site;

/// <summary>
/// Links written in content, checked where they are written, before anything is rendered: a link the site would
/// not render (a script, protocol-relative or backslash address) and a relative link to a page the site does not
/// have are errors at the content file's line and column, so <c>check</c> finds what <c>build</c> would reject.
/// </summary>
public static class ContentLinkRules
{
    public static void Validate(Evidence evidence, DiagnosticBag diagnostics)
    {
        foreach (var page in evidence.Pages.Where(p => SiteUrls.Reserved.Contains(p.Id)))
        {
            diagnostics.Error(DiagnosticCodes.InvalidId, page.Location.File, 1, 1,
                $"a page cannot be called '{page.Id}': /{page.Id}/ is the generator's own (reserved: {string.Join(", ", SiteUrls.Reserved)}; 'about' replaces the About page)");
        }
        var pages = SitePages(evidence);
        foreach (var item in evidence.Site.Nav.Where(n => n.Url.StartsWith('/')))
        {
            var path = item.Url.Split('#')[0];
            if (!pages.Contains(path) && !pages.Contains(path.EndsWith('/') ? path : path + "/"))
                diagnostics.Error(DiagnosticCodes.BrokenLink, item.Location,
                    $"the navigation link '{item.Title}' goes to {path}, which this site does not have");
        }
        var citations = evidence.Entries.ToDictionary(e => e.Id, e => e.Citations.Count, StringComparer.Ordinal);

        foreach (var field in evidence.MarkdownFields())
        {
            var writtenOn = PageOf(field);
            foreach (var (url, line, column) in ContentMarkdown.Links(field.Text))
            {
                var (file, at, atColumn) = (field.At.File, field.At.Line + line, line == 0 ? field.At.Column + column : column + 1);
                if (!LinkPolicy.IsAllowed(url))
                {
                    diagnostics.Error(DiagnosticCodes.InvalidUrl, file, at, atColumn,
                        $"the link '{DiagnosticText.Printable(url)}' would not be shown as a link: use an http(s) address, a mailto: address or a path within the site");
                    continue;
                }
                if (LinkPolicy.IsExternal(url) || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) continue;
                var target = new Uri(new Uri(new Uri("https://site.invalid/"), writtenOn), url);
                var path = Uri.UnescapeDataString(target.AbsolutePath);
                if (!pages.Contains(path) && !pages.Contains(path.EndsWith('/') ? path : path + "/"))
                {
                    diagnostics.Error(DiagnosticCodes.BrokenLink, file, at, atColumn, UnreadablePages(evidence).Contains(path.EndsWith('/') ? path : path + "/")
                        ? $"the link '{url}' goes to {path}, the page of a file that could not be read (its errors are reported at that file)"
                        : $"the link '{url}' goes to {path}, which this site does not have");
                    continue;
                }
                var fragment = Uri.UnescapeDataString(target.Fragment.TrimStart('#'));
                if (fragment.Length > 0 && !FragmentExists(evidence, citations, path, fragment))
                    diagnostics.Error(DiagnosticCodes.BrokenFragment, file, at, atColumn,
                        $"the link '{url}' goes to #{fragment} on {path}, which is not a part of that page that content may link to (an entry's notes #cite-N, its #citations or #changes; a year #yYYYY on the home page; a document page's #passage-N)");
            }
        }
    }

    /// <summary>The page a Markdown text is shown on, against which its relative links resolve.</summary>
    private static string PageOf(MarkdownField field) => field.Owner switch
    {
        MarkdownOwner.Entry => SiteUrls.Entry(field.Id),
        MarkdownOwner.Document => SiteUrls.Document(field.Id),
        MarkdownOwner.Register => SiteUrls.Register(field.Id),
        MarkdownOwner.Source => SiteUrls.Source(field.Id),
        MarkdownOwner.Risk => SiteUrls.Risk(field.Id),
        MarkdownOwner.SiteIntroduction => SiteUrls.Home,
        MarkdownOwner.SiteCorrections => SiteUrls.About,
        MarkdownOwner.SiteFooter => SiteUrls.Home,
        MarkdownOwner.Page => SiteUrls.Page(field.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>
    /// The parts of pages content may link to, known before rendering: so that <c>check</c> rejects every link that
    /// <c>build</c> would. Other fragments are refused rather than left for the build to find.
    /// </summary>
    private static bool FragmentExists(Evidence evidence, Dictionary<string, int> citations, string path, string fragment)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts is ["entries", var entryId] && citations.TryGetValue(entryId, out var count))
        {
            if (fragment is "citations" or "changes" or "cite-this" or "main") return true;
            return fragment.StartsWith(NoteLinks.CitationPrefix, StringComparison.Ordinal)
                && NoteMarkers.Number(fragment[NoteLinks.CitationPrefix.Length..], count) is not null;
        }
        if (parts.Length == 0)
            return fragment == "main" || (fragment.StartsWith('y') && int.TryParse(fragment[1..], out var year) && evidence.Entries.Any(e => e.Date.Earliest.Year == year));
        if (parts is ["documents", var documentId] && evidence.Documents.FirstOrDefault(d => d.Id == documentId) is { } document)
            return fragment == "main" || (fragment.StartsWith(NoteLinks.PassagePrefix, StringComparison.Ordinal)
                && NoteMarkers.Number(fragment[NoteLinks.PassagePrefix.Length..], document.Quotes().Count()) is not null);
        return fragment == "main";
    }

    /// <summary>
    /// The pages a file that could not be read would have had: a link to one is still broken, but says why, rather than
    /// that the site has no such page (the file's own errors say what to fix).
    /// </summary>
    private static HashSet<string> UnreadablePages(Evidence evidence)
    {
        var pages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unread in evidence.Unreadable)
        {
            var (folder, id) = (unread[..unread.IndexOf('/')], unread[(unread.IndexOf('/') + 1)..]);
            var page = folder switch
            {
                "entries" => SiteUrls.Entry(id),
                "sources" => SiteUrls.Source(id),
                "organisations" => SiteUrls.Organisation(id),
                "review" => SiteUrls.ReviewItem(id),
                "registers" => SiteUrls.Register(id),
                "risks" => SiteUrls.Risk(id),
                "documents" => SiteUrls.Document(id),
                "pages" => SiteUrls.Page(id),
                _ => null,
            };
            if (page is not null) pages.Add(page);
        }
        return pages;
    }

    /// <summary>The site-root paths of the pages and files a build of this content writes, as far as content may link to them.</summary>
    private static HashSet<string> SitePages(Evidence evidence)
    {
        var pages = new HashSet<string>(StringComparer.Ordinal)
        {
            SiteUrls.Home, SiteUrls.SourceRegister, SiteUrls.OrganisationIndex, SiteUrls.About, SiteUrls.EvidenceHealth, SiteUrls.Changes,
            SiteUrls.Print, SiteUrls.Search, SiteUrls.Data, SiteUrls.TagIndex, SiteUrls.AtAGlance, FeedExport.AtomUrl, FeedExport.JsonUrl,
            CsvExport.EntriesUrl, CsvExport.CitationsUrl, CsvExport.SourcesUrl, CsvExport.RisksUrl, CsvExport.FiguresUrl,
        };
        if (evidence.ReviewItems.Count > 0) pages.Add(SiteUrls.Review);
        if (evidence.Registers.Count > 0 || evidence.Documents.Count > 0) pages.Add(SiteUrls.Documents);
        if (evidence.People.Count > 0) pages.Add(SiteUrls.People);
        if (evidence.Glossary.Count > 0) pages.Add(SiteUrls.Glossary);
        foreach (var entry in evidence.Entries)
        {
            pages.Add(SiteUrls.Entry(entry.Id));
            pages.Add(SiteUrls.YearPage(entry.Date.Earliest.Year));
            foreach (var tag in entry.Tags) pages.Add(SiteUrls.Tag(tag));
        }
        foreach (var source in evidence.Sources)
        {
            pages.Add(SiteUrls.Source(source.Id));
            if (evidence.Snapshots.ContainsKey(source.Id)) pages.Add(SiteUrls.ArchivedCopy(source.Id));
        }
        foreach (var organisation in evidence.Organisations) pages.Add(SiteUrls.Organisation(organisation.Id));
        foreach (var item in evidence.ReviewItems) pages.Add(SiteUrls.ReviewItem(item.Id));
        foreach (var register in evidence.Registers) pages.Add(SiteUrls.Register(register.Id));
        foreach (var risk in evidence.Risks) pages.Add(SiteUrls.Risk(risk.Id));
        foreach (var document in evidence.Documents) pages.Add(SiteUrls.Document(document.Id));
        foreach (var page in evidence.Pages) pages.Add(SiteUrls.Page(page.Id));
        foreach (var asset in evidence.Assets) pages.Add(SiteUrls.Asset(asset.Path));
        return pages;
    }
}
