using System.Diagnostics;
using System.Text.Json;
using Chronology.Changes;
using Chronology.Cli;
using Chronology.Diagnostics;
using Chronology.Validation;

namespace Chronology.Tests.Cli;

/// <summary>
/// <c>diff</c>: what changed in the evidence between two revisions, as a reviewer of a pull request reads it. The
/// comparison on pairs of small sites; the command on scratch git repositories (never the network).
/// </summary>
public class EvidenceDiffTests
{
    private static readonly string Snapshot = TestSite.SnapshotOfSourceA("""
        [page 15]
        The service had developed new and innovative services to protect vulnerable people.
        [page 16]
        The roll-out followed in the next year.
        """);

    private const string Others = """
        -- content/sources/src-b.yml --
        title: A letter
        publisher: Someone else
        type: letter
        date: 2015-03-02
        noUrlReason: Not published.
        -- content/organisations/org-b.yml --
        name: Org B
        description: Another organisation.
        """;

    private static string Entry(string id = "a", string date = "2012", string title = "An event", string organisations = "[org-a]",
        string citations = "  - source: src-a\n    locator: page 15\n    quote: The service had developed new and innovative services to protect vulnerable people\n",
        string body = "The service began in 2012 with a small team.") =>
        $"-- content/entries/{id}.md --\n---\ndate: \"{date}\"\ntitle: {title}\norganisations: {organisations}\ncitations:\n{citations}---\n{body}\n";

    private static readonly string Base = Entry() +
        Entry("b", title: "Another event", citations: "  - source: src-a\n    locator: page 16\n    quote: The roll-out followed in the next year.\n") + Snapshot + "\n" + Others;

    [Fact]
    public void The_same_content_is_no_change()
    {
        var changes = Compare(Base, Base);

        Assert.True(changes.IsEmpty);
        Assert.Contains("No change to the evidence.", EvidenceChangesMarkdown.ToMarkdown(changes));
    }

    [Fact]
    public void Entries_added_and_removed_are_listed_by_id()
    {
        var head = Entry() + Entry("c", date: "2016-05", title: "A new event", citations: "  - source: src-b\n") + Snapshot + "\n" + Others;

        var changes = Compare(Base, head);

        Assert.Equal("c", Assert.Single(changes.EntriesAdded).Id);
        Assert.Equal("b", Assert.Single(changes.EntriesRemoved).Id);
        Assert.Empty(changes.EntriesChanged);
        var markdown = EvidenceChangesMarkdown.ToMarkdown(changes);
        Assert.Contains("Entries: 1 added, 1 removed.", markdown);
        Assert.Contains("### Entries added (1)\n\n- `c` · A new event · `2016-05` (May 2016)\n  - Cites `src-b`\n", markdown);
        Assert.Contains("### Entries removed (1)\n\n- `b` · Another event · `2012`\n", markdown);
    }

    [Fact]
    public void A_date_made_more_precise_shows_both_forms_of_both_dates()
    {
        var changes = Compare(Base, Base.Replace(Entry(), Entry(date: "2012-11")));

        var entry = Assert.Single(changes.EntriesChanged);
        Assert.Equal(new DateChange(new DateValue("2012", "2012"), new DateValue("2012-11", "November 2012")), entry.Date);
        Assert.Null(entry.Label); // neither file gives one: the label the loader derives from the date is not a change
        Assert.Contains("#### `a` · An event\n\n- Date: `2012` → `2012-11` (November 2012)\n", EvidenceChangesMarkdown.ToMarkdown(changes));
    }

    [Fact]
    public void A_label_in_other_words_than_the_date_is_shown()
    {
        var changes = Compare(Base, Base.Replace("date: \"2012\"\ntitle: An event", "date: \"2012\"\nlabel: FY 2012/13\ntitle: An event"));

        Assert.Equal(new TextChange(null, "FY 2012/13"), Assert.Single(changes.EntriesChanged).Label);
        Assert.Contains("- Label: (none) → “FY 2012/13”\n", EvidenceChangesMarkdown.ToMarkdown(changes));
    }

    [Fact]
    public void A_title_change_shows_both_titles()
    {
        var changes = Compare(Base, Base.Replace(Entry(), Entry(title: "An event, renamed")));

        var entry = Assert.Single(changes.EntriesChanged);
        Assert.Equal(new TextChange("An event", "An event, renamed"), entry.Title);
        Assert.Contains("#### `a` · An event, renamed\n\n- Title: “An event” → “An event, renamed”\n", EvidenceChangesMarkdown.ToMarkdown(changes));
    }

    [Fact]
    public void An_organisation_added_is_listed()
    {
        var changes = Compare(Base, Base.Replace(Entry(), Entry(organisations: "[org-a, org-b]")));

        var entry = Assert.Single(changes.EntriesChanged);
        Assert.Equal(["org-b"], entry.Organisations!.Added);
        Assert.Empty(entry.Organisations.Removed);
        Assert.Contains("- Organisations: added `org-b`\n", EvidenceChangesMarkdown.ToMarkdown(changes));
    }

    [Fact]
    public void A_citation_replaced_by_another_is_one_removed_and_one_added()
    {
        var changes = Compare(Base, Base.Replace(Entry(), Entry(citations: "  - source: src-b\n    locator: page 2\n")));

        var entry = Assert.Single(changes.EntriesChanged);
        Assert.Equal(new CitationSummary("src-b", "page 2", null, null), Assert.Single(entry.CitationsAdded));
        Assert.Equal("src-a", Assert.Single(entry.CitationsRemoved).Source);
        Assert.Empty(entry.CitationsChanged);
        var markdown = EvidenceChangesMarkdown.ToMarkdown(changes);
        Assert.Contains("- Citation added: `src-b`, page 2\n", markdown);
        Assert.Contains("- Citation removed: `src-a`, page 15: “The service had developed new and innovative services to protect vulnerable people” (verified)\n", markdown);
    }

    [Fact]
    public void A_shortened_quotation_is_shown_as_a_word_diff()
    {
        var shortened = "  - source: src-a\n    locator: page 15\n    quote: The service had developed new and innovative services\n";

        var changes = Compare(Base, Base.Replace(Entry(), Entry(citations: shortened)));

        var citation = Assert.Single(Assert.Single(changes.EntriesChanged).CitationsChanged);
        Assert.Null(citation.LocatorChange);
        Assert.Equal([new WordOp(WordOpKind.Equal, "The service had developed new and innovative services"), new WordOp(WordOpKind.Delete, "to protect vulnerable people")],
            citation.Quote!.Ops);
        Assert.Contains("- Quotation changed (`src-a`, page 15): The service had developed new and innovative services ~~to protect vulnerable people~~\n",
            EvidenceChangesMarkdown.ToMarkdown(changes));
        Assert.Empty(changes.QuoteChecksChanged); // verified before and after
    }

    [Fact]
    public void A_locator_change_keeps_the_citation()
    {
        var moved = "  - source: src-a\n    locator: page 16\n    quote: The service had developed new and innovative services to protect vulnerable people\n";

        var changes = Compare(Base, Base.Replace(Entry(), Entry(citations: moved)));

        var citation = Assert.Single(Assert.Single(changes.EntriesChanged).CitationsChanged);
        Assert.Equal(new TextChange("page 15", "page 16"), citation.LocatorChange);
        Assert.Contains("- Locator changed (`src-a`): page 15 → page 16\n", EvidenceChangesMarkdown.ToMarkdown(changes));
        var check = Assert.Single(changes.QuoteChecksChanged);
        Assert.Equal((QuoteOutcome.Verified, QuoteOutcome.WrongPage), (check.Before, check.After));
    }

    [Fact]
    public void Source_url_and_date_changes_are_shown()
    {
        var head = Base + "\n-- content/sources/src-a.yml --\ntitle: A report\npublisher: Someone\ntype: report\ndate: 2014-07-21\nurl: https://example.org/moved/report.pdf\nformat: pdf\n";

        var changes = Compare(Base, head);

        var source = Assert.Single(changes.SourcesChanged);
        Assert.Equal(new TextChange("https://example.org/report.pdf", "https://example.org/moved/report.pdf"), source.Url);
        Assert.Equal(new DateChange(new DateValue("2014-07", "July 2014"), new DateValue("2014-07-21", "21 July 2014")), source.Date);
        Assert.Null(source.Title);
        Assert.Contains("#### `src-a` · A report\n\n- Date: `2014-07` (July 2014) → `2014-07-21` (21 July 2014)\n" +
            "- URL: <https://example.org/report.pdf> → <https://example.org/moved/report.pdf>\n", EvidenceChangesMarkdown.ToMarkdown(changes));
    }

    [Fact]
    public void A_quote_that_no_longer_verifies_is_a_changed_quote_check()
    {
        var head = Base.Replace(Snapshot, Snapshot.Replace("new and innovative services to protect", "new services to protect"));

        var changes = Compare(Base, head);

        Assert.Empty(changes.EntriesChanged);
        Assert.Equal("changed", Assert.Single(changes.SourcesChanged).ArchivedText);
        Assert.Equal(new QuoteCheckChange("a", "src-a", "page 15", "The service had developed new and innovative services to protect vulnerable people",
            QuoteOutcome.Verified, QuoteOutcome.NotFound), Assert.Single(changes.QuoteChecksChanged));
        var markdown = EvidenceChangesMarkdown.ToMarkdown(changes);
        Assert.Contains("- Archived text changed\n", markdown);
        Assert.Contains("### Quote checks changed (1)\n\n- `a` (`src-a`, page 15): verified → **not found**: “The service had developed new and innovative services to protect vulnerable people”\n",
            markdown);
    }

    [Fact]
    public void A_body_change_shows_only_the_changed_words_in_context()
    {
        var before = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"w{i}"));
        var after = before.Replace("w20 w21", "w20 inserted words w21").Replace("w22 ", "");

        var changes = Compare(Base.Replace(Entry(), Entry(body: before)), Base.Replace(Entry(), Entry(body: after)));

        Assert.Contains("- Body changed: … w15 w16 w17 w18 w19 w20 **inserted words** w21 ~~w22~~ w23 w24 w25 w26 w27 w28 …\n",
            EvidenceChangesMarkdown.ToMarkdown(changes));
    }

    [Fact]
    public void The_word_diff_marks_replaced_words_and_escapes_markdown()
    {
        var diff = WordDiffer.Diff("a b *c* d", "a x y *c*\nd e");

        Assert.Equal("a b *c* d", diff.Before);
        Assert.Equal("a x y *c* d e", diff.After);
        Assert.Equal(@"a ~~b~~ **x y** \*c\* d **e**", EvidenceChangesMarkdown.Ops(diff.Ops));
    }

    [Fact]
    public void A_side_with_errors_is_still_compared_and_the_counts_are_shown()
    {
        var changes = Compare(Base, Base.Replace(Entry(), Entry(title: "Renamed", citations: "  - source: nowhere\n")), out var headErrors);

        Assert.True(headErrors > 0);
        Assert.Equal("Renamed", Assert.Single(changes.EntriesChanged).Heading);
        Assert.Contains("> **Errors:** the base has 0 errors, the head 1 error;", EvidenceChangesMarkdown.ToMarkdown(changes with { HeadErrors = 1 }));
    }

    // The command, on scratch repositories.

    [Fact]
    public async Task Diff_between_two_commits_prints_markdown()
    {
        using var site = Repository(Base);
        site.Write("content/entries/a.md", Entry(title: "An event, renamed").Split("--\n", 2)[1]);
        site.Write("content/entries/d.md", Entry("d", date: "2017", title: "Fourth").Split("--\n", 2)[1]);
        Git(site.Root, "add", ".");
        Git(site.Root, "commit", "-q", "-m", "second");

        var (exit, output, error) = await Run("diff", "--base", "HEAD~1", "--head", "HEAD", "--content", site.Content);
        var temporary = Path.Combine(site.Root, "..", Guid.NewGuid().ToString("N"));
        using var direct = new StringWriter();
        var directExit = DiffCommand.Run(site.Content, "HEAD~1", "HEAD", "markdown", direct, TextWriter.Null, temporary);

        Assert.True(exit == 0, error);
        Assert.StartsWith("## Evidence changes: `HEAD~1` (`", output);
        Assert.Contains("Entries: 1 added, 1 changed.", output);
        Assert.Contains("- `d` · Fourth · `2017`\n", output);
        Assert.Contains("#### `a` · An event, renamed\n\n- Title: “An event” → “An event, renamed”\n", output);
        Assert.DoesNotContain("Errors", output);
        Assert.Equal((0, output), (directExit, direct.ToString()));
        Assert.Empty(Directory.GetFileSystemEntries(temporary)); // both revisions written there, and removed
        Directory.Delete(temporary);
    }

    [Fact]
    public async Task Without_a_head_the_working_tree_is_compared_and_json_can_be_parsed()
    {
        using var site = Repository(Base);
        site.Write("content/entries/a.md", Entry(date: "2012-11").Split("--\n", 2)[1]);

        var (exit, markdown, _) = await Run("diff", "--base", "HEAD", "--content", site.Content);
        var (jsonExit, json, _) = await Run("diff", "--base", "HEAD", "--content", site.Content, "--format", "json");

        Assert.Equal((0, 0), (exit, jsonExit));
        Assert.Contains("→ working tree", markdown);
        Assert.Contains("- Date: `2012` → `2012-11` (November 2012)\n", markdown);
        using var document = JsonDocument.Parse(json);
        var entry = Assert.Single(document.RootElement.GetProperty("entriesChanged").EnumerateArray());
        Assert.Equal("a", entry.GetProperty("id").GetString());
        Assert.Equal("2012-11", entry.GetProperty("date").GetProperty("after").GetProperty("edtf").GetString());
        Assert.Equal("November 2012", entry.GetProperty("date").GetProperty("after").GetProperty("display").GetString());
        Assert.Equal("working tree", document.RootElement.GetProperty("head").GetProperty("name").GetString());
        Assert.Equal(0, document.RootElement.GetProperty("headErrors").GetInt32());
    }

    [Fact]
    public async Task An_unchanged_working_tree_is_no_change()
    {
        using var site = Repository(Base);

        var (exit, output, _) = await Run("diff", "--base", "HEAD", "--content", site.Content);

        Assert.Equal(0, exit);
        Assert.EndsWith("No change to the evidence.\n", output);
    }

    [Fact]
    public async Task A_bad_revision_or_a_folder_outside_git_exits_2()
    {
        using var site = Repository(Base);
        using var outside = TestSite.Create(Base);

        var (badBase, _, baseError) = await Run("diff", "--base", "no-such-branch", "--content", site.Content);
        var (badHead, _, headError) = await Run("diff", "--base", "HEAD", "--head", "no-such-branch", "--content", site.Content);
        var (notGit, _, gitError) = await Run("diff", "--base", "HEAD", "--content", outside.Content);

        Assert.Equal((2, 2, 2), (badBase, badHead, notGit));
        Assert.Contains("--base no-such-branch: not a revision", baseError);
        Assert.Contains("--head no-such-branch: not a revision", headError);
        Assert.Contains("not inside a git repository", gitError);
    }

    private static EvidenceChanges Compare(string baseFiles, string headFiles) => Compare(baseFiles, headFiles, out _);

    private static EvidenceChanges Compare(string baseFiles, string headFiles, out int headErrors)
    {
        using var before = TestSite.Create(baseFiles);
        using var after = TestSite.Create(headFiles);
        var baseDiagnostics = new DiagnosticBag();
        var headDiagnostics = new DiagnosticBag();
        var changes = EvidenceDiff.Compare(SiteBuild.Check(before.Content, baseDiagnostics), SiteBuild.Check(after.Content, headDiagnostics));
        Assert.False(baseDiagnostics.HasErrors, string.Join("\n", baseDiagnostics.Items));
        headErrors = headDiagnostics.Items.Count(d => d.Severity == Severity.Error);
        return changes;
    }

    /// <summary>A site committed to a new git repository at its root (the content folder is <c>content/</c> in it).</summary>
    private static TestSite Repository(string files)
    {
        if (!GitAvailable()) Assert.Skip("git is not installed");
        var site = TestSite.Create(files);
        Git(site.Root, "init", "-q");
        Git(site.Root, "add", ".");
        Git(site.Root, "commit", "-q", "-m", "first");
        return site;
    }

    private static bool GitAvailable()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("git", "--version") { RedirectStandardOutput = true, RedirectStandardError = true });
            process?.WaitForExit();
            return process?.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static void Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false" }.Concat(arguments))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors.Result);
    }

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
