using System.Diagnostics;
using Chronology.Diagnostics;
using Chronology.Site;

namespace Chronology.Tests.Site;

/// <summary>The feeds' "updated" comes from the repository: the last commit that touched each entry file.</summary>
public class ContentHistoryTests
{
    [Fact]
    public async Task The_feed_orders_entries_by_their_last_commit_not_their_date()
    {
        using var site = TestSite.Create(EntryFile("old-event", "2012", "Old event", "Old.") + EntryFile("new-event", "2020", "New event", "New."));
        CommitEverything(site, "2024-01-01T10:00:00Z", "first");
        File.AppendAllText(Path.Combine(site.Content, "entries", "old-event.md"), "A correction.\n");
        Git(site.Root, "2025-06-01T12:30:00Z", "commit", "-q", "-am", "correct the old event");

        var history = Chronology.Loading.ContentHistoryReader.Read(site.Content);
        Assert.Equal(DateTimeOffset.Parse("2025-06-01T12:30:00Z"), history.LastChanged("entries/old-event.md"));
        Assert.Equal(DateTimeOffset.Parse("2024-01-01T10:00:00Z"), history.LastChanged("entries/new-event.md"));
        Assert.Null(history.LastChanged("entries/never-committed.md"));

        await site.BuildOkAsync();
        var atom = System.Xml.Linq.XDocument.Parse(site.ReadOutput("feed.xml"));
        System.Xml.Linq.XNamespace a = "http://www.w3.org/2005/Atom";
        Assert.Equal([("Old event", "2025-06-01T12:30:00Z"), ("New event", "2024-01-01T10:00:00Z")],
            atom.Root!.Elements(a + "entry").Select(e => (e.Element(a + "title")!.Value, e.Element(a + "updated")!.Value)));
    }

    /// <summary>A site of one entry, entries/event.md.</summary>
    private static readonly string OneEntry = EntryFile("event", "2012", "Event", "Text.");

    /// <summary>An entry citing the default source, as a file of a test site.</summary>
    private static string EntryFile(string id, string date, string title, string body) =>
        $"-- content/entries/{id}.md --\n---\ndate: {date}\ntitle: {title}\ncitations:\n  - source: src-a\n---\n{body}\n";

    [Fact]
    public void The_preview_server_reads_the_history_again_only_when_the_commit_changes()
    {
        using var site = TestSite.Create(OneEntry);
        CommitEverything(site, "2024-01-01T10:00:00Z", "first");
        var cache = new Chronology.Loading.ContentCache();

        var first = Chronology.Loading.ContentHistoryReader.Read(site.Content, cache);
        File.AppendAllText(Path.Combine(site.Content, "entries", "event.md"), "An edit, not committed.\n");
        Assert.Same(first, Chronology.Loading.ContentHistoryReader.Read(site.Content, cache));

        Git(site.Root, "2025-06-01T12:30:00Z", "commit", "-q", "-am", "correct the event");
        var after = Chronology.Loading.ContentHistoryReader.Read(site.Content, cache);
        Assert.NotSame(first, after);
        Assert.Equal(["correct the event", "first"], after.Changes("entries/event.md").Select(c => c.Message));
    }

    /// <summary>
    /// A build keeps the history beside its output cache and reads it again only when the commit (or the content
    /// folder) is not the one it was kept for: shown by a kept history that says something git would not.
    /// </summary>
    [Fact]
    public async Task A_build_keeps_the_history_and_asks_git_again_only_after_a_commit()
    {
        using var site = TestSite.Create(OneEntry);
        CommitEverything(site, "2024-01-01T10:00:00Z", "first");
        var kept = Path.Combine(site.Root, "obj", "history");

        Assert.Equal(["first"], Chronology.Loading.ContentHistoryReader.Read(site.Content, keptIn: kept).Changes("entries/event.md").Select(c => c.Message));
        var text = File.ReadAllText(kept);
        File.WriteAllText(kept, text.Replace("\u0002first", "\u0002what the kept history says"));
        Assert.Equal(["what the kept history says"], Chronology.Loading.ContentHistoryReader.Read(site.Content, keptIn: kept).Changes("entries/event.md").Select(c => c.Message));

        File.AppendAllText(Path.Combine(site.Content, "entries", "event.md"), "An edit.\n");
        Git(site.Root, "2025-06-01T12:30:00Z", "commit", "-q", "-am", "correct the event");
        Assert.Equal(["correct the event", "first"], Chronology.Loading.ContentHistoryReader.Read(site.Content, keptIn: kept).Changes("entries/event.md").Select(c => c.Message));
        // Kept for another content folder at the same commit, it is not this one's.
        File.WriteAllText(kept, File.ReadAllText(kept).Replace("\u0002first", "\u0002another folder's").Replace(" " + Path.GetFullPath(site.Content) + "\n", " /elsewhere/content\n"));
        Assert.Equal(["correct the event", "first"], Chronology.Loading.ContentHistoryReader.Read(site.Content, keptIn: kept).Changes("entries/event.md").Select(c => c.Message));

        // A whole build keeps it beside its output cache, under obj/, not beside the output.
        await site.BuildOkAsync();
        var outputCache = Chronology.Publishing.OutputCache.PathFor(site.Output, site.Content);
        var history = Chronology.Publishing.OutputCache.HistoryPathFor(outputCache, site.Content);
        Assert.Equal(Path.GetDirectoryName(outputCache), Path.GetDirectoryName(history));
        Assert.StartsWith("chronology history 2\n", File.ReadAllText(history));
        // One history for every output folder of the same content; another content folder has its own.
        Assert.Equal(history, Chronology.Publishing.OutputCache.HistoryPathFor(Chronology.Publishing.OutputCache.PathFor(Path.Combine(site.Root, "elsewhere"), site.Content), site.Content));
        Assert.NotEqual(history, Chronology.Publishing.OutputCache.HistoryPathFor(outputCache, site.Content + "2"));
    }

    /// <summary>
    /// A commit message written for the people who make the site is not what a reader should see: content/changes.yml
    /// says what the change did instead, on the entry page. A note that names no commit warns at its place, in a build
    /// and in <c>check</c>, and changes nothing.
    /// </summary>
    [Fact]
    [Triggers(DiagnosticCodes.UnknownCommit)]
    public async Task What_changes_yml_says_of_a_commit_replaces_its_message_and_a_note_naming_no_commit_warns_at_its_place()
    {
        using var site = TestSite.Create(OneEntry);
        CommitEverything(site, "2024-01-01T10:00:00Z", "Fix CHR302 in entries/event.md");
        File.AppendAllText(Path.Combine(site.Content, "entries", "event.md"), "A correction.\n");
        Git(site.Root, "2025-06-01T12:30:00Z", "commit", "-q", "-am", "The event's date corrected");
        var first = Chronology.Loading.Git.Run(site.Root, "rev-parse", "HEAD~1")!.Trim();
        site.Write("content/changes.yml", $"""
            changes:
              - commit: {first[..10]}
                says: "The event added, from the report"
              - commit: 0123456789abcdef
                says: "A wording for a commit this repository does not have"
            """);

        var result = await site.BuildOkAsync();

        var warning = Assert.Single(result.Diagnostics.Items, d => d.Code == DiagnosticCodes.UnknownCommit);
        Assert.Equal((site.Display("changes.yml"), 4, 5), (warning.File, warning.Line, warning.Column));
        Assert.Contains("'0123456789abcdef'", warning.Message);
        var changes = site.Page("/entries/event/").QuerySelectorAll(".change-list li").Select(li => li.TextContent).ToList();
        Assert.Equal(["1 June 2025: The event's date corrected", "1 January 2024: The event added, from the report"], changes);
        Assert.DoesNotContain("CHR302", site.ReadOutput("entries/event/index.html"));

        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await Chronology.Cli.CommandLine.RunAsync(["check", "--content", site.Content, "--verbose"], output, error));
        Assert.Contains($"{site.Display("changes.yml")}:4:5: warning {DiagnosticCodes.UnknownCommit}", output.ToString() + error.ToString());
    }

    /// <summary>
    /// The site-wide list of changes: every commit that changed an entry, newest first, in the words its entry pages
    /// use, with the entries it changed (by their titles, in date order); an entry since deleted is counted, not named;
    /// a commit that changed no entry (only a source here) is not a change to the chronology's entries.
    /// </summary>
    [Fact]
    public async Task The_changes_page_lists_every_commit_that_changed_entries_newest_first_with_the_entries_it_changed()
    {
        using var site = TestSite.Create(OneEntry + EntryFile("later", "2019-05", "Later event", "Later.") + EntryFile("gone", "2015", "Gone event", "Gone."));
        CommitEverything(site, "2024-01-01T10:00:00Z", "Add entries (CHR301 fixed)");
        File.AppendAllText(Path.Combine(site.Content, "entries", "event.md"), "A correction.\n");
        File.AppendAllText(Path.Combine(site.Content, "entries", "later.md"), "A correction.\n");
        Git(site.Root, "2025-06-01T12:30:00Z", "commit", "-q", "-am", "Two dates corrected");
        File.AppendAllText(Path.Combine(site.Content, "sources", "src-a.yml"), "notes: A note.\n");
        Git(site.Root, "2025-06-15T09:00:00Z", "commit", "-q", "-am", "Source note added");
        Git(site.Root, "2025-07-01T08:00:00Z", "rm", "-q", Path.Combine("content", "entries", "gone.md"));
        Git(site.Root, "2025-07-01T08:00:00Z", "commit", "-q", "-m", "An entry without support removed");
        var first = Chronology.Loading.Git.Run(site.Root, "rev-parse", "HEAD~3")!.Trim();
        site.Write("content/changes.yml", $"""
            changes:
              - commit: {first[..12]}
                says: "The first entries added"
            """);

        await site.BuildOkAsync();

        var page = site.Page("/changes/");
        var changes = page.QuerySelectorAll(".change-log > li").Select(li => (
            What: li.QuerySelector(".change-what")!.TextContent,
            Entries: li.QuerySelectorAll(".change-entries a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList(),
            Gone: li.QuerySelector(".change-gone")?.TextContent)).ToList();
        Assert.Equal(3, changes.Count);
        Assert.Equal(("1 July 2025: An entry without support removed", "It also changed 1 entry since removed or moved to another address."),
            (changes[0].What, changes[0].Gone));
        Assert.Empty(changes[0].Entries);
        Assert.Equal("1 June 2025: Two dates corrected", changes[1].What);
        Assert.Equal([("2012 — Event", "../entries/event/"), ("May 2019 — Later event", "../entries/later/")], changes[1].Entries);
        Assert.Null(changes[1].Gone);
        Assert.Equal("1 January 2024: The first entries added", changes[2].What);
        Assert.Equal(["2012 — Event", "May 2019 — Later event"], changes[2].Entries.Select(e => e.TextContent));
        Assert.Equal("It also changed 1 entry since removed or moved to another address.", changes[2].Gone);
        Assert.Contains("3 changes, from 1 January 2024 to 1 July 2025.", page.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("Source note added", page.Body!.TextContent);
        Assert.DoesNotContain("CHR301", page.Body!.TextContent);

        // The entry pages say the same in the same words, and every page leads to the list.
        Assert.Equal(["1 June 2025: Two dates corrected", "1 January 2024: The first entries added"],
            site.Page("/entries/later/").QuerySelectorAll(".change-list li").Select(li => li.TextContent));
        Assert.Equal("../../changes/", site.Page("/entries/later/").QuerySelector(".site-footer a[href$='changes/']")?.GetAttribute("href"));
        Assert.NotNull(site.Page("/about/").QuerySelector("a[href='../changes/']"));

        // The feeds say first what the last change was, in the same words.
        var atom = System.Xml.Linq.XDocument.Parse(site.ReadOutput("feed.xml"));
        System.Xml.Linq.XNamespace a = "http://www.w3.org/2005/Atom";
        Assert.Equal(
            [
                ("Event", "Last change, 1 June 2025: Two dates corrected. 2012: Text. A correction."),
                ("Later event", "Last change, 1 June 2025: Two dates corrected. May 2019: Later. A correction."),
            ],
            atom.Root!.Elements(a + "entry").Select(e => (e.Element(a + "title")!.Value, e.Element(a + "summary")!.Value)));
        using var json = System.Text.Json.JsonDocument.Parse(site.ReadOutput("feed.json"));
        Assert.StartsWith("Last change, 1 June 2025: Two dates corrected. ", json.RootElement.GetProperty("items")[0].GetProperty("content_text").GetString());
    }

    [Fact]
    public void A_note_applies_to_the_one_commit_its_id_starts_and_one_that_starts_two_ids_warns()
    {
        var at = new Chronology.Model.ContentLocation("content/changes.yml", 3, 5);
        var history = new Chronology.Model.ContentHistory(new(StringComparer.Ordinal)
        {
            ["entries/a.md"] = [new(DateTimeOffset.Parse("2024-02-01T00:00:00Z"), "second", "abcdef0111"), new(DateTimeOffset.Parse("2024-01-01T00:00:00Z"), "first", "abcdef0222")],
            ["entries/b.md"] = [new(DateTimeOffset.Parse("2024-01-01T00:00:00Z"), "first", "abcdef0222")],
        });
        var diagnostics = new DiagnosticBag();

        var reworded = Chronology.Validation.ChangeNoteRules.Apply(
            [new("abcdef02", "The first change, for readers", at), new("abcdef0", "Either of them", at with { Line = 5 })], history, diagnostics);

        Assert.Equal(["second", "The first change, for readers"], reworded.Changes("entries/a.md").Select(c => c.Message));
        Assert.Equal(["The first change, for readers"], reworded.Changes("entries/b.md").Select(c => c.Message));
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticCodes.UnknownCommit, 5), (warning.Code, warning.Line));
        Assert.Contains("more than one commit", warning.Message);
        // Outside a repository there is nothing to show and nothing to check against.
        Assert.Same(Chronology.Model.ContentHistory.None, Chronology.Validation.ChangeNoteRules.Apply([new("abcdef0", "Anything", at)], Chronology.Model.ContentHistory.None, diagnostics));
        Assert.Single(diagnostics.Items);
    }

    [Fact]
    public void Outside_a_repository_there_is_no_history()
    {
        using var site = TestSite.Create("");
        Assert.Null(Chronology.Loading.ContentHistoryReader.Read(site.Content).LastChanged("site.yml"));
        Assert.Same(Chronology.Model.ContentHistory.None, Chronology.Loading.ContentHistoryReader.Read(site.Content, new Chronology.Loading.ContentCache()));
    }

    /// <summary>
    /// The preview server reads HEAD from the repository's files after every edit instead of starting git: it must say
    /// what <c>git rev-parse HEAD</c> says, or that it cannot say, in every state a working tree can be in.
    /// </summary>
    [Fact]
    public void HEAD_read_from_the_repository_s_files_is_what_git_says()
    {
        using var site = TestSite.Create("");
        var states = new List<(string State, bool Known)>();
        void Same(string folder, string state)
        {
            var fromFiles = Chronology.Loading.GitHead.Of(folder, out var known);
            var fromGit = Chronology.Loading.Git.Run(folder, "rev-parse", "HEAD");
            if (known) Assert.True(fromGit == fromFiles, $"{state}: files say {fromFiles ?? "none"}, git says {fromGit ?? "none"}");
            else Assert.Null(fromFiles);
            states.Add((state, known));
        }

        Same(site.Content, "not a repository");
        Git(site.Root, "2024-01-01T10:00:00Z", "init", "-q");
        Same(site.Content, "no commit yet");
        Git(site.Root, "2024-01-01T10:00:00Z", "add", ".");
        Git(site.Root, "2024-01-01T10:00:00Z", "commit", "-q", "-m", "first");
        Same(site.Content, "a branch");
        Git(site.Root, "2024-01-02T10:00:00Z", "commit", "-q", "--allow-empty", "-m", "second");
        Git(site.Root, "2024-01-02T10:00:00Z", "pack-refs", "--all");
        Same(site.Content, "a packed branch");
        Git(site.Root, "2024-01-02T10:00:00Z", "checkout", "-q", "--detach", "HEAD~1");
        Same(site.Content, "a detached HEAD");
        Git(site.Root, "2024-01-02T10:00:00Z", "worktree", "add", "-q", "--detach", Path.Combine(site.Root, "other"), "HEAD@{1}");
        Same(Path.Combine(site.Root, "other", "content"), "a linked worktree");
        Same(RepoPaths.Content, "this repository");

        // Every state but the unborn branch is read from the files alone.
        Assert.Equal(["no commit yet"], states.Where(s => !s.Known).Select(s => s.State).Distinct());
    }

    /// <summary>Makes the test site a git repository with one commit of all its files.</summary>
    private static void CommitEverything(TestSite site, string date, string message)
    {
        Git(site.Root, date, "init", "-q");
        Git(site.Root, date, "add", ".");
        Git(site.Root, date, "commit", "-q", "-m", message);
    }

    private static void Git(string directory, string date, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false" }.Concat(arguments))
            start.ArgumentList.Add(argument);
        start.Environment["GIT_AUTHOR_DATE"] = date;
        start.Environment["GIT_COMMITTER_DATE"] = date;
        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
    }
}
