using Chronology.Cli;
using Chronology.Diagnostics;
using Chronology.Loading;

namespace Chronology.Tests.Cli;

/// <summary>
/// <c>new site|entry|source|organisation</c>: what they write builds with no error and no warning, and what they
/// refuse leaves the content as it was. Never goes online.
/// </summary>
public sealed class ScaffoldTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "chronology-tests", "scaffold-" + Guid.NewGuid().ToString("N"));

    private string Site => Path.Combine(_root, "site");

    private string Content => Path.Combine(Site, "content");

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task New_site_builds_with_no_error_and_no_warning()
    {
        var (exit, _, error) = await Run("new", "site", Site);

        Assert.Equal(0, exit);
        Assert.Contains("Next:", error);
        Assert.True(File.Exists(Path.Combine(Content, "site.yml")));
        Assert.Single(Directory.GetFiles(Path.Combine(Content, "organisations")));
        Assert.Single(Directory.GetFiles(Path.Combine(Content, "sources")));
        Assert.Single(Directory.GetFiles(Path.Combine(Content, "entries")));
        Assert.Contains("build --content", File.ReadAllText(Path.Combine(Site, "README.md")));
        await AssertBuildsCleanAsync();
    }

    [Fact]
    public async Task New_site_refuses_a_folder_that_is_not_empty()
    {
        Directory.CreateDirectory(Site);
        File.WriteAllText(Path.Combine(Site, "notes.txt"), "mine");

        var (exit, _, error) = await Run("new", "site", Site);

        Assert.Equal(1, exit);
        Assert.Contains("not empty", error);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(Site).Select(Path.GetFileName));
    }

    [Fact]
    public async Task New_entry_source_and_organisation_keep_the_site_clean()
    {
        await NewSiteAsync();

        var (organisationExit, _, organisationError) = await Run("new", "organisation", "county-board", "--name", "County \"Board\"",
            "--description", "A made-up board: for a test.", "--short-name", "CB", "--content", Content);
        var (sourceExit, _, sourceError) = await Run("new", "source", "board-minutes-2019", "--title", "Board minutes",
            "--type", "letter", "--date", "2019-05", "--no-url-reason", "Known only from a letter.", "--publisher", "County Board",
            "--organisation", "county-board", "--content", Content);
        var (entryExit, _, entryError) = await Run("new", "entry", "2019-board-meets", "--title", "The board meets",
            "--date", "2019-05-02", "--source", "board-minutes-2019", "--organisation", "county-board", "--organisation", "example-council",
            "--locator", "page 2", "--content", Content);

        Assert.Equal(0, organisationExit);
        Assert.Equal(0, sourceExit);
        Assert.Equal(0, entryExit);
        Assert.Contains("Next:", organisationError);
        Assert.Contains("Next:", sourceError);
        Assert.Contains("Next:", entryError);
        Assert.Contains("check --content", entryError);
        Assert.DoesNotContain("note:", entryError);
        var entry = File.ReadAllText(Path.Combine(Content, "entries", "2019-board-meets.md"));
        Assert.Contains("date: \"2019-05-02\"", entry);
        Assert.Contains("# label: 2 May 2019", entry);
        Assert.Contains("organisations: [county-board, example-council]", entry);
        Assert.Contains("  - source: board-minutes-2019", entry);
        Assert.Contains("    locator: \"page 2\"", entry);
        Assert.Contains("    # quote: >-", entry);
        Assert.Contains("# tags:", entry);
        Assert.Contains("[^1]", entry);
        Assert.Contains("name: \"County \\\"Board\\\"\"", File.ReadAllText(Path.Combine(Content, "organisations", "county-board.yml")));
        // Until its paragraph of instructions is replaced, the entry is an error where that paragraph stands.
        var diagnostics = new DiagnosticBag();
        SiteBuild.Check(Content, diagnostics);
        var template = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.TemplateText, template.Code);
        Assert.Equal((entry.Split('\n').ToList().FindIndex(l => l.StartsWith(EntryReader.TemplateBody, StringComparison.Ordinal)) + 1, 1), (template.Line, template.Column));
        WriteText("2019-board-meets", "The board's minutes record that it met.[^1]");
        await AssertBuildsCleanAsync();
    }

    [Fact]
    public async Task A_source_with_a_url_has_its_format_and_waits_only_for_links_refresh()
    {
        await NewSiteAsync();

        var (exit, _, error) = await Run("new", "source", "council-report-2020", "--title", "A report", "--type", "report",
            "--url", "https://example.org/report.pdf", "--format", "pdf", "--accessed", "2024-02-01", "--date", "2020",
            "--content", Content);
        await Run("new", "entry", "2020-council-report", "--title", "A report", "--date", "2020",
            "--source", "council-report-2020", "--content", Content);
        WriteText("2020-council-report", "The council published a report.[^1]");

        Assert.Equal(0, exit);
        Assert.Contains("links refresh", error);
        var source = File.ReadAllText(Path.Combine(Content, "sources", "council-report-2020.yml"));
        Assert.Contains("url: \"https://example.org/report.pdf\"", source);
        Assert.Contains("format: pdf", source);
        Assert.Contains("# noUrlReason:", source);
        var result = await SiteBuild.RunAsync(Content, Path.Combine(Site, "_site"));
        Assert.True(result.Published);
        // Until 'links refresh' has checked it (which goes online), the address is the one warning.
        var warning = Assert.Single(result.Diagnostics.Items);
        Assert.Equal(DiagnosticCodes.LinkUnchecked, warning.Code);
    }

    [Fact]
    public async Task An_existing_file_is_never_overwritten()
    {
        await NewSiteAsync();
        var entry = Path.Combine(Content, "entries", "2024-example-council-publishes-example-report.md");
        var source = Path.Combine(Content, "sources", "example-report.yml");
        var organisation = Path.Combine(Content, "organisations", "example-council.yml");
        var before = new[] { entry, source, organisation }.Select(File.ReadAllText).ToList();

        var (entryExit, _, entryError) = await Run("new", "entry", "2024-example-council-publishes-example-report", "--title", "T",
            "--date", "2024", "--source", "example-report", "--content", Content);
        var (sourceExit, _, _) = await Run("new", "source", "example-report", "--title", "T", "--date", "2024",
            "--no-url-reason", "None.", "--content", Content);
        var (organisationExit, _, _) = await Run("new", "organisation", "example-council", "--name", "N", "--description", "D.",
            "--content", Content);

        Assert.Equal([1, 1, 1], new[] { entryExit, sourceExit, organisationExit });
        Assert.Contains("already exists", entryError);
        Assert.Equal(before, new[] { entry, source, organisation }.Select(File.ReadAllText).ToList());
    }

    [Fact]
    public async Task An_invalid_id_is_refused_with_a_valid_one_suggested()
    {
        await NewSiteAsync();

        var (exit, _, error) = await Run("new", "entry", "2019_Board Meets", "--title", "T", "--date", "2019",
            "--source", "example-report", "--content", Content);

        Assert.Equal(1, exit);
        Assert.Contains("not a valid entry id", error);
        Assert.Contains("'2019-board-meets'", error);
        Assert.Single(Directory.GetFiles(Path.Combine(Content, "entries")));
    }

    [Fact]
    public async Task An_entry_id_without_its_year_is_written_with_a_note()
    {
        await NewSiteAsync();

        var (exit, _, error) = await Run("new", "entry", "board-meets", "--title", "T", "--date", "2019",
            "--source", "example-report", "--content", Content);

        Assert.Equal(0, exit);
        Assert.Contains("note: entry ids conventionally start with the year (2019-", error);
    }

    [Fact]
    public async Task An_invalid_date_is_refused_with_the_parsers_message()
    {
        await NewSiteAsync();

        var (exit, _, error) = await Run("new", "entry", "2019-board-meets", "--title", "T", "--date", "2019-13",
            "--source", "example-report", "--content", Content);

        Assert.Equal(1, exit);
        Assert.StartsWith("--date: '2019-13': 13 is neither a month", error);
        Assert.False(File.Exists(Path.Combine(Content, "entries", "2019-board-meets.md")));
    }

    [Fact]
    public async Task An_unknown_source_or_organisation_is_refused_naming_the_close_ids()
    {
        await NewSiteAsync();

        var (exit, _, error) = await Run("new", "entry", "2019-board-meets", "--title", "T", "--date", "2019",
            "--source", "example-reprot", "--organisation", "example-counci", "--content", Content);

        Assert.Equal(1, exit);
        Assert.Contains("unknown source 'example-reprot'", error);
        Assert.Contains("did you mean 'example-report'?", error);
        Assert.False(File.Exists(Path.Combine(Content, "entries", "2019-board-meets.md")));

        var (organisationExit, _, organisationError) = await Run("new", "entry", "2019-board-meets", "--title", "T", "--date", "2019",
            "--source", "example-report", "--organisation", "example-counci", "--content", Content);
        Assert.Equal(1, organisationExit);
        Assert.Contains("unknown organisation 'example-counci'", organisationError);
        Assert.Contains("did you mean 'example-council'?", organisationError);
    }

    [Fact]
    public void Close_ids_are_near_in_spelling_or_share_a_word()
    {
        string[] ids = ["example-report", "council-minutes-2019", "unrelated"];

        Assert.Equal(["example-report"], Chronology.Diagnostics.Suggestions.CloseIds("exmaple-report", ids));
        Assert.Equal(["council-minutes-2019"], Chronology.Diagnostics.Suggestions.CloseIds("council-minutes-2018", ids));
        Assert.Empty(Chronology.Diagnostics.Suggestions.CloseIds("zzz", ids));
    }

    [Fact]
    public async Task Source_values_are_checked_before_anything_is_written()
    {
        await NewSiteAsync();
        string[] common = ["new", "source", "s1", "--title", "T", "--date", "2019", "--content", Content];

        var (noFormat, _, noFormatError) = await Run([.. common, "--url", "https://example.org/a.pdf"]);
        var (badFormat, _, badFormatError) = await Run([.. common, "--url", "https://example.org/a.pdf", "--format", "pdfx"]);
        var (badUrl, _, badUrlError) = await Run([.. common, "--url", "ftp://example.org/a.pdf", "--format", "pdf"]);
        var (badType, _, badTypeError) = await Run([.. common, "--no-url-reason", "None.", "--type", "memo"]);
        var (neither, _, neitherError) = await Run(common);
        var (noPublisher, _, noPublisherError) = await Run([.. common, "--no-url-reason", "None.", "--organisation", ScaffoldTemplates.ExampleOrganisationId]);

        Assert.Equal(2, noFormat);
        Assert.Contains("missing --format", noFormatError);
        Assert.Equal(1, badFormat);
        Assert.Contains("unknown format 'pdfx'", badFormatError);
        Assert.Equal(1, badUrl);
        Assert.Contains("not an absolute http(s) URL", badUrlError);
        Assert.Equal(1, badType);
        Assert.Contains("unknown source type 'memo'", badTypeError);
        Assert.Equal(2, neither);
        Assert.Contains("--no-url-reason", neitherError);
        Assert.Equal(1, noPublisher);
        Assert.Contains("--organisation names the publisher or author: give --publisher", noPublisherError);
        Assert.False(File.Exists(Path.Combine(Content, "sources", "s1.yml")));
    }

    [Fact]
    public async Task Without_a_terminal_a_missing_flag_is_a_usage_error_naming_it()
    {
        await NewSiteAsync();

        var (exit, _, error) = await Run("new", "entry", "2019-board-meets", "--date", "2019", "--source", "example-report", "--content", Content);
        var (organisationExit, _, organisationError) = await Run("new", "organisation", "board", "--name", "Board", "--content", Content);

        Assert.Equal(2, exit);
        Assert.Contains("missing --title", error);
        Assert.Equal(2, organisationExit);
        Assert.Contains("missing --description", organisationError);
        Assert.Single(Directory.GetFiles(Path.Combine(Content, "entries")));
    }

    [Fact]
    public async Task With_a_terminal_a_missing_flag_is_asked_for()
    {
        await NewSiteAsync();
        var asked = new List<string>();
        var answers = new Queue<string>(["The board meets", "2019-05", "example-report"]);
        string? Prompt(string question)
        {
            asked.Add(question);
            return answers.Dequeue();
        }

        var (exit, _, _) = await Run(Prompt, "new", "entry", "2019-board-meets", "--content", Content);

        Assert.Equal(0, exit);
        Assert.Collection(asked,
            q => Assert.Contains("--title", q),
            q => Assert.Contains("--date", q),
            q => Assert.Contains("--source", q));
        var entry = File.ReadAllText(Path.Combine(Content, "entries", "2019-board-meets.md"));
        Assert.Contains("title: \"The board meets\"", entry);
        Assert.Contains("date: \"2019-05\"", entry);
        WriteText("2019-board-meets", "The board met.[^1]");
        await AssertBuildsCleanAsync();
    }

    [Fact]
    public async Task With_a_terminal_a_source_without_a_url_is_asked_why()
    {
        await NewSiteAsync();
        var answers = new Queue<string?>([null, "Known only from a letter.", "2019"]);

        var (exit, _, _) = await Run(_ => answers.Dequeue(), "new", "source", "board-letter", "--title", "A letter", "--type", "letter",
            "--content", Content);

        Assert.Equal(0, exit);
        Assert.Empty(answers);
        var source = File.ReadAllText(Path.Combine(Content, "sources", "board-letter.yml"));
        Assert.Contains("noUrlReason: \"Known only from a letter.\"", source);
        Assert.Contains("date: \"2019\"", source);
    }

    [Fact]
    public async Task New_is_one_of_the_commands()
    {
        var error = new StringWriter();

        var exit = await CommandLine.RunAsync(["new", "organisation", "o", "--name", "N", "--description", "D.",
            "--content", Path.Combine(_root, "nowhere")], TextWriter.Null, error);

        Assert.Equal(1, exit);
        Assert.Contains("no such content folder", error.ToString());
    }

    private async Task NewSiteAsync()
    {
        var (exit, _, error) = await Run("new", "site", Site);
        Assert.True(exit == 0, error);
    }

    /// <summary>What a maintainer does next: the entry's text in place of the paragraph of instructions 'new entry' wrote.</summary>
    private void WriteText(string entryId, string text)
    {
        var file = Path.Combine(Content, "entries", entryId + ".md");
        var written = File.ReadAllText(file);
        var start = written.IndexOf(EntryReader.TemplateBody, StringComparison.Ordinal);
        Assert.True(start >= 0);
        File.WriteAllText(file, written[..start] + text + "\n");
    }

    private async Task AssertBuildsCleanAsync()
    {
        var result = await SiteBuild.RunAsync(Content, Path.Combine(Site, "_site"));
        Assert.True(result.Published, string.Join("\n", result.Diagnostics.Items));
        Assert.Empty(result.Diagnostics.Items);
    }

    private static Task<(int Exit, string Output, string Error)> Run(params string[] args) => Run(null, args);

    private static async Task<(int Exit, string Output, string Error)> Run(Func<string, string?>? prompt, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await NewCommand.RunAsync(args, output, error, prompt);
        return (exit, output.ToString(), error.ToString());
    }
}
