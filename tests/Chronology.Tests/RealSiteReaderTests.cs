using System.Text.RegularExpressions;
using Chronology.Diagnostics;
using Chronology.Loading;

namespace Chronology.Tests;

/// <summary>
/// The real site as a new reader meets it: every claim one click from its evidence, in words and dates the public
/// reads without knowing how the site is made.
/// </summary>
public sealed partial class RealSiteReaderTests(RealSite site) : IClassFixture<RealSite>
{
    /// <summary>Words for how the site is made, which readers do not know.</summary>
    [GeneratedRegex(@"\b[Ss]eeds?\b|\b[Ee]xtract(ion|ed text)\b|\b[Ss]napshots?\b|shared/|(?<![\w-])content/|\.ya?ml\b|\b[Tt]he project\b(?! [Pp]lan)")]
    private static partial Regex InternalVocabulary();

    [Fact]
    public void No_public_page_uses_internal_vocabulary_outside_the_documents_own_words()
    {
        var found = new List<string>();
        foreach (var (path, page) in site.Pages())
        {
            // The documents' own words (quotations, passages of the site's copy) may say anything; everything else is ours.
            foreach (var quoted in page.QuerySelectorAll("blockquote, mark, q, .full-text, .quote, td.quote").ToList()) quoted.Remove();
            var text = page.DocumentElement.TextContent + " " +
                string.Join(' ', page.QuerySelectorAll("meta[content]").Select(m => m.GetAttribute("content")));
            foreach (Match match in InternalVocabulary().Matches(text))
                found.Add($"{path}: …{Around(text, match.Index)}…");
        }
        Assert.True(found.Count == 0, string.Join("\n", found.Take(40)));
    }

    /// <summary>
    /// A file's id is how the content names a source or an entry to the build; a reader meets a title and a link. No
    /// page shows one as text (in an address, as the permanent link shows, is another matter).
    /// </summary>
    [Fact]
    public void No_public_page_shows_a_content_id_as_text()
    {
        var ids = Directory.EnumerateFiles(RepoPaths.Content, "*", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension).Where(id => id!.Contains('-')).Distinct().OrderByDescending(id => id!.Length).ToList();
        var named = new Regex(@"(?<![\w/#.-])(" + string.Join('|', ids.Select(id => Regex.Escape(id!))) + @")(?![\w-])");
        var found = new List<string>();
        foreach (var (path, page) in site.Pages())
        {
            var text = page.Body!.TextContent;
            foreach (Match match in named.Matches(text)) found.Add($"{path}: …{Around(text, match.Index)}…");
        }
        Assert.True(ids.Count > 100, $"only {ids.Count} ids");
        Assert.True(found.Count == 0, string.Join("\n", found.Take(40)));
    }

    /// <summary>What the people who make the site write for each other: codes, markers, files, options, tests, ids.</summary>
    [GeneratedRegex(@"\bCHR\d{3}\b|\[\^|\.(ya?ml|md|cs|json)\b|(?<![\w-])(content|src|tests)/|(?<!\w)--[a-z]|\btests?\b|\bids?\b|\b[Ss]eeds?\b|\b[Ss]napshots?\b")]
    private static partial Regex BuildersWords();

    /// <summary>
    /// Each entry lists every change to it with the first line of its commit message, or what content/changes.yml
    /// says of that commit instead: every one of them must read as a description of the content for its readers.
    /// </summary>
    [Fact]
    public void Every_change_an_entry_page_lists_is_worded_for_readers()
    {
        if (Chronology.Loading.Git.Run(RepoPaths.Root, "rev-parse", "HEAD") is null)
            Assert.Skip("the repository's history is not here (not a git clone), so entry pages list no changes");
        var (lists, found) = (0, new List<string>());
        foreach (var (path, page) in site.Pages().Where(p => p.Path.StartsWith("entries/", StringComparison.Ordinal)))
        {
            foreach (var change in page.QuerySelectorAll(".change-list li"))
            {
                lists++;
                if (BuildersWords().IsMatch(change.TextContent)) found.Add($"{path}: {change.TextContent}");
            }
        }
        // The site-wide list says each change in the same words, and names each entry under every change its page lists.
        var log = site.Page("changes/index.html").QuerySelectorAll(".change-log > li").ToList();
        Assert.True(log.Count >= 10, $"only {log.Count} changes on the changes page");
        var logged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in log)
        {
            var what = change.QuerySelector(".change-what")!.TextContent;
            if (BuildersWords().IsMatch(what)) found.Add($"changes/: {what}");
            foreach (var link in change.QuerySelectorAll(".change-entries a"))
                logged.Add(link.GetAttribute("href")!.Replace("../entries/", "entries/", StringComparison.Ordinal) + " " + what);
        }
        foreach (var (path, page) in site.Pages().Where(p => p.Path.StartsWith("entries/", StringComparison.Ordinal)))
            foreach (var change in page.QuerySelectorAll(".change-list li"))
                Assert.Contains(path.Replace("index.html", "", StringComparison.Ordinal) + " " + change.TextContent, logged);
        Assert.True(lists > 100, $"only {lists} changes listed on entry pages: is the history shallow?");
        Assert.True(found.Count == 0,
            "entry pages list changes in words written for developers; reword the commit before it is merged, or say in " +
            "content/changes.yml what it changed for readers (docs/content-model.md, \"Change notes\"):\n" + string.Join("\n", found.Distinct().Take(20)));
    }

    /// <summary>
    /// Every conclusion and recommendation has a section for the entries that bear on it: the entries, or a sentence
    /// saying this chronology links none, never a page that leaves a reader wondering whether it is incomplete.
    /// </summary>
    [Fact]
    public void Each_review_page_lists_the_entries_that_bear_on_it_or_says_there_are_none()
    {
        var (listed, none) = (0, new List<string>());
        foreach (var (path, page) in site.Pages().Where(p => p.Path.StartsWith("review/", StringComparison.Ordinal) && p.Path != "review/index.html"))
        {
            var section = page.QuerySelector("section[aria-labelledby='related-entries']");
            Assert.True(section is not null, $"{path} has no section for the entries that bear on it");
            var entries = section.QuerySelectorAll(".entry-summary").Count;
            var said = section.QuerySelector(".no-related")?.TextContent;
            Assert.True(entries > 0 ^ said is not null, $"{path}: {entries} entries and '{said}'");
            if (entries > 0) listed++;
            else none.Add($"{path.Split('/')[1]}: {said}");
        }
        Assert.True(listed >= 5, $"only {listed} review pages list entries");
        Assert.Contains("recommendation-1: This chronology links no entry to this recommendation.", none);
        Assert.Contains("conclusion-4-1: This chronology links no entry to this conclusion.", none);
    }

    [Fact]
    public void The_cqc_reports_page_citations_open_the_pdf_at_pages_15_and_59()
    {
        var entry = site.Page("entries/2014-cqc-report-cites-operation-serenity/index.html");
        var links = entry.QuerySelectorAll("#citations ~ ol .document-link a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains("https://api.cqc.org.uk/public/v1/reports/aef3fd8f-8cfa-44cf-8a3a-b1478db7e1e9?20210810132835#page=15", links);
        Assert.Contains("https://api.cqc.org.uk/public/v1/reports/aef3fd8f-8cfa-44cf-8a3a-b1478db7e1e9?20210810132835#page=59", links);
        Assert.DoesNotContain(links, l => l!.Contains(":~:text="));
    }

    [Fact]
    public void Every_page_citation_of_a_pdf_opens_at_its_page()
    {
        var checkedCitations = 0;
        foreach (var (_, citation, source, note) in Notes())
        {
            if (!source.IsPdf || source.Url is null || source.Url.Contains('#') || citation.Locator?.FirstPage is not { } first) continue;
            Assert.Equal($"{source.Url}#page={first}", note.QuerySelector(".document-link a")!.GetAttribute("href"));
            checkedCitations++;
        }
        Assert.True(checkedCitations >= 2, $"only {checkedCitations} page citations of PDFs");
    }

    [Fact]
    public void The_home_page_shows_the_2021_discussion_post_as_21_April_2021_and_no_date_only_in_numbers()
    {
        var home = site.Page("index.html");
        var item = home.QuerySelectorAll(".entry-summary").Single(li => li.QuerySelector("a.entry-title")!.GetAttribute("href")!.Contains("2021-discussion-post-on-the-hin-approach-and-sim"));

        Assert.Equal("21 April 2021", item.QuerySelector("time")!.TextContent);
        foreach (var (path, page) in site.Pages())
        {
            foreach (var date in page.QuerySelectorAll("time, .date"))
                Assert.False(NumericDate().IsMatch(date.TextContent), $"{path}: a date shown only in numbers: {date.TextContent}");
        }
        // In running text, a date written in numbers (the document's own form) always has the plain form beside it,
        // unless it stands inside quotation marks as the document's words.
        foreach (var (path, page) in site.Pages())
        {
            var main = page.QuerySelector("main");
            if (main is null) continue;
            foreach (var quoted in main.QuerySelectorAll("blockquote, mark, q, .quote, .date-wording, .full-text, .url, code").ToList()) quoted.Remove();
            var text = Regex.Replace(main.TextContent, @"\s+", " ");
            foreach (Match match in SlashDate().Matches(text))
            {
                var after = text[(match.Index + match.Length)..];
                Assert.True(Regex.IsMatch(after, @"\A[”""]|\A\s\(\d{1,2} [A-Z][a-z]+ \d{4}[);]"), $"{path}: '{match.Value}' without its plain form: …{text.Substring(Math.Max(0, match.Index - 40), Math.Min(80, text.Length - Math.Max(0, match.Index - 40)))}…");
            }
        }
        var entry = site.Page("entries/2021-discussion-post-on-the-hin-approach-and-sim/index.html");
        Assert.Equal("21 April 2021 (dated in the document as “21/04/21”)", Regex.Replace(entry.QuerySelector(".entry-date")!.TextContent, @"\s+", " ").Trim());
    }

    [GeneratedRegex(@"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}(-\d{2})?\b")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b\d{1,2}/\d{1,2}/\d{2,4}\b")]
    private static partial Regex SlashDate();

    [Fact]
    public void At_least_90_percent_of_entries_tie_their_sentences_to_notes_and_every_marker_resolves()
    {
        var entries = Directory.GetDirectories(Path.Combine(site.Output, "entries")).Select(d => site.Page(Path.Combine(d, "index.html"))).ToList();
        var marked = entries.Count(e => e.QuerySelectorAll(".entry-body sup.noteref").Length > 0);

        Assert.True(marked >= entries.Count * 0.9, $"{marked} of {entries.Count} entries carry note markers");
        Assert.DoesNotContain(site.Result.Diagnostics.Items, d => d.Code is DiagnosticCodes.UnknownNoteMarker or DiagnosticCodes.UnmarkedCitation or DiagnosticCodes.NotesOutOfOrder);
        foreach (var entry in entries)
        {
            foreach (var marker in entry.QuerySelectorAll("sup.noteref a[role=doc-noteref]"))
            {
                var note = entry.GetElementById(marker.GetAttribute("href")![1..]);
                Assert.NotNull(note);
                Assert.Contains(note!.QuerySelectorAll("a[role=doc-backlink]"), a => a.GetAttribute("href") == "#" + marker.ParentElement!.Id);
            }
        }
    }

    [Fact]
    public void Every_verified_quotation_of_a_source_without_a_link_leads_to_its_highlighted_passage()
    {
        var reached = 0;
        foreach (var (entry, citation, source, note) in Notes())
        {
            if (citation.Quote is null || source.Url is not null) continue;
            if (note.QuerySelector(".quote-status-unverifiable") is not null) continue;
            var href = note.QuerySelector("a.passage-link")?.GetAttribute("href");
            Assert.True(href is not null, $"{entry.Id}, {note.Id}: no link to the passage");
            var target = new Uri(new Uri($"https://site.invalid/entries/{entry.Id}/"), href);
            var copy = site.Page(target.AbsolutePath.TrimStart('/') + "index.html");
            var passage = copy.GetElementById(target.Fragment[1..])!;
            var marked = Regex.Replace(passage.QuerySelector("mark")!.TextContent, @"\s+", " ");
            Assert.Equal(Fold(citation.Quote), Fold(marked));
            reached++;
        }
        Assert.True(reached >= 40, $"only {reached} quotations of sources without a link reach their passage");
    }

    [Fact]
    public void Abbreviations_are_spelled_out_and_listed()
    {
        var entry = site.Page("entries/2018-ahsns-select-sim-as-a-national-programme/index.html");
        Assert.Contains(entry.QuerySelectorAll("main abbr[title]"), a => a.TextContent == "AHSN" && a.GetAttribute("title") == "Academic Health Science Network");
        Assert.Single(entry.QuerySelectorAll("main abbr"), a => a.TextContent == "AHSN");
        var glossary = site.Page("glossary/index.html");
        var terms = glossary.QuerySelector("dl.glossary")!.QuerySelectorAll("dt").Select(dt => dt.TextContent).ToList();
        var notSpelledOut = glossary.QuerySelector("#not-spelled-out ~ dl.glossary")!.QuerySelectorAll("dt").Select(dt => dt.TextContent).ToList();
        Assert.Contains("SLAM", notSpelledOut);
        Assert.Contains("CQC", notSpelledOut);
        Assert.Empty(terms.Intersect(notSpelledOut));
        Assert.Contains("HIN", terms);
        Assert.Contains("NHSE", terms);
        Assert.Contains("FOI", terms);
        Assert.DoesNotContain("SLAM", terms); // no document spells it out: listed apart
    }

    [Fact]
    public void The_home_and_about_pages_say_what_sim_was_in_attributed_words_and_who_keeps_the_site()
    {
        foreach (var page in new[] { "index.html", "about/index.html" })
        {
            var introduction = site.Page(page).QuerySelector(".introduction")!.TextContent;
            Assert.Contains("The AHSN Network states that", introduction);
            Assert.Contains("described, in a 2021 discussion post, as", introduction);
        }
        Assert.NotNull(site.Page("about/index.html").GetElementById("corrections"));
        Assert.All(Directory.GetDirectories(Path.Combine(site.Output, "entries")), d =>
            Assert.Equal("Report an error in this entry", site.Page(Path.Combine(d, "index.html")).QuerySelector(".report-error a")!.TextContent));
    }

    /// <summary>Every citation of every entry with its source and the note that shows it on the entry's built page.</summary>
    private IEnumerable<(Chronology.Model.ChronologyEntry Entry, Chronology.Model.Citation Citation, Chronology.Model.Source Source, AngleSharp.Dom.IElement Note)> Notes()
    {
        var evidence = ContentLoader.Load(RepoPaths.Content, new DiagnosticBag());
        var sources = evidence.Sources.ToDictionary(s => s.Id);
        foreach (var entry in evidence.Entries)
        {
            var page = site.Page($"entries/{entry.Id}/index.html");
            for (var i = 0; i < entry.Citations.Count; i++)
                yield return (entry, entry.Citations[i], sources[entry.Citations[i].SourceId], page.GetElementById($"cite-{i + 1}")!);
        }
    }

    private static string Fold(string text) =>
        Regex.Replace(text.Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"').Replace('–', '-').Replace('—', '-'), @"\s+", " ").Trim();

    private static string Around(string text, int index) =>
        Regex.Replace(text.Substring(Math.Max(0, index - 50), Math.Min(100, text.Length - Math.Max(0, index - 50))), @"\s+", " ");
}
