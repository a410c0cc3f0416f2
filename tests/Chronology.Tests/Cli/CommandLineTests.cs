using Chronology.Cli;

namespace Chronology.Tests.Cli;

/// <summary>The commands as a maintainer or CI runs them: exit codes, where problems are printed, and in what form.</summary>
public class CommandLineTests
{
    private const string Entry = "-- content/entries/a.md --\n---\ndate: 2012\ntitle: A\ncitations:\n  - source: src-a\n---\nBody.\n";

    [Fact]
    public async Task Build_exits_0_and_writes_the_site()
    {
        using var site = TestSite.Create(Entry);

        var (exit, _, error) = await Run("build", "--content", site.Content, "--output", site.Output);

        Assert.Equal(0, exit);
        Assert.Contains("built", error);
        Assert.True(File.Exists(Path.Combine(site.Output, "entries", "a", "index.html")));
    }

    [Fact]
    public async Task Bad_content_exits_1_with_every_problem_located()
    {
        using var site = TestSite.Create(Entry.Replace("date: 2012", "date: 2012-13") + "-- content/entries/b.md --\n---\ndate: 2012\ntitle: B\ncitations:\n  - source: nowhere\n---\nBody.\n");

        var (exit, _, error) = await Run("check", "--content", site.Content);

        Assert.Equal(1, exit);
        Assert.Contains($"{site.Display("entries/a.md")}:2:7: error CHR201:", error);
        Assert.Contains($"{site.Display("entries/b.md")}:5:13: error CHR302:", error);
        Assert.Contains("2 error(s)", error);
    }

    [Fact]
    public async Task Github_and_json_formats_go_to_standard_output()
    {
        using var site = TestSite.Create(Entry.Replace("date: 2012", "date: 2012-13"));

        var (githubExit, github, _) = await Run("check", "--content", site.Content, "--format", "github");
        var (_, json, _) = await Run("check", "--content", site.Content, "--format", "json");

        Assert.Equal(1, githubExit);
        Assert.Contains($"::error file={site.Display("entries/a.md")},line=2,col=7,title=CHR201::", github);
        Assert.StartsWith("[", json.TrimStart());
        Assert.Contains("\"code\": \"CHR201\"", json);
    }

    [Fact]
    public async Task Check_links_checks_any_folder_of_html()
    {
        using var site = TestSite.Create("-- out/index.html --\n<!DOCTYPE html><title>x</title><a href=\"missing.html\">m</a>\n", withDefaults: false);

        var (exit, _, error) = await Run("check-links", Path.Combine(site.Root, "out"));
        var (missingExit, _, _) = await Run("check-links", Path.Combine(site.Root, "nowhere"));

        Assert.Equal(1, exit);
        Assert.Contains("error CHR401: 'missing.html'", error);
        Assert.Equal(2, missingExit);
    }

    [Fact]
    public async Task Build_with_timings_reports_each_phase()
    {
        using var site = TestSite.Create(Entry);

        var (exit, _, error) = await Run("build", "--content", site.Content, "--output", site.Output, "--timings");

        Assert.Equal(0, exit);
        Assert.Equal(["load", "validate", "verify quotes", "model", "render pages", "data, search, feeds", "check links", "publish", "total"],
            error.Split('\n').Where(l => l.EndsWith(" ms", StringComparison.Ordinal)).Select(l => l[..24].Trim()));
        Assert.DoesNotContain(" ms\n", (await Run("build", "--content", site.Content, "--output", site.Output)).Error);
    }

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
