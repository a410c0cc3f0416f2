using System.Globalization;
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

        // Again, unchanged: the build says how little it did.
        var (again, _, second) = await Run("build", "--content", site.Content, "--output", site.Output);
        Assert.Equal(0, again);
        Assert.Contains(", 0 changed; 1 page rendered and 0 other files made, the others unchanged since the last build)", second);
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
        // Some phases run at the same time (git log beside loading, the other files beside the pages): each line says
        // when its phase started, in the order they started, and the total is the wall time, not the sum.
        var lines = error.Split('\n').Where(l => l.Contains(" ms", StringComparison.Ordinal)).ToList();
        var phases = lines.Where(l => l.Contains(" ms   from ", StringComparison.Ordinal)).Select(l => (Name: l[..24].Trim(), Start: double.Parse(l[(l.IndexOf(" from ", StringComparison.Ordinal) + 6)..^3], CultureInfo.InvariantCulture), Took: double.Parse(l[24..l.IndexOf(" ms", StringComparison.Ordinal)], CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(["assets", "check links", "citation files", "history", "load", "model", "open data", "publish", "render pages", "search index", "sitemap", "tables, feeds", "validate", "verify quotes"],
            phases.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(phases.OrderBy(p => p.Start).Select(p => p.Name), phases.Select(p => p.Name));
        Assert.StartsWith("total", lines[^1]);
        var total = double.Parse(lines[^1][24..lines[^1].IndexOf(" ms", StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        Assert.InRange(total, phases.Max(p => p.Took) - 1, phases.Max(p => p.Start + p.Took) + 1);
        // The garbage collector's part: how many collections, of what depth (together, all of them), and how long it stopped the build.
        var collections = System.Text.RegularExpressions.Regex.Match(lines[^1], @"\((\d+) MB allocated, (\d+) collections: (\d+) young, (\d+) middle, (\d+) full; (\d+) ms paused\)$");
        Assert.True(collections.Success, lines[^1]);
        var count = (int i) => int.Parse(collections.Groups[i].Value, CultureInfo.InvariantCulture);
        Assert.Equal(count(2), count(3) + count(4) + count(5));
        Assert.DoesNotContain(" ms   from ", (await Run("build", "--content", site.Content, "--output", site.Output)).Error);
    }

    [Fact]
    public async Task Warnings_are_counted_by_code_unless_verbose_and_fail_the_build_with_warnings_as_errors()
    {
        // The default source has a URL nobody has checked (CHR334); a second source is cited by nothing (CHR311).
        using var site = TestSite.Create(Entry + "-- content/sources/src-b.yml --\ntitle: B\npublisher: P\ntype: report\ndate: 2020\nnoUrlReason: none given\n");

        var (exit, _, quiet) = await Run("build", "--content", site.Content, "--output", site.Output);
        var (_, _, verbose) = await Run("check", "--content", site.Content, "--verbose");

        Assert.Equal(0, exit);
        Assert.Contains("warning CHR311: 1 (--verbose shows it: " + site.Display("sources/src-b.yml") + ":1:1)\n", quiet);
        Assert.Contains("warning CHR334: 1 (--verbose shows it: ", quiet);
        Assert.DoesNotContain("no entry cites source", quiet);
        Assert.Contains($"{site.Display("sources/src-b.yml")}:1:1: warning CHR311: no entry cites source 'src-b'", verbose);

        var before = File.ReadAllText(Path.Combine(site.Output, "entries", "a", "index.html"));
        site.Write("content/entries/a.md", File.ReadAllText(Path.Combine(site.Content, "entries", "a.md")).Replace("title: A", "title: Changed"));
        var (strictExit, _, strict) = await Run("build", "--content", site.Content, "--output", site.Output, "--warnings-as-errors");

        Assert.Equal(1, strictExit);
        Assert.Contains(": error CHR311: no entry cites source 'src-b'", strict);
        Assert.Contains("build failed", strict);
        Assert.Equal(before, File.ReadAllText(Path.Combine(site.Output, "entries", "a", "index.html")));
        Assert.Equal(1, (await Run("check", "--content", site.Content, "--warnings-as-errors")).Exit);
    }

    [Fact]
    public async Task Build_with_a_base_url_uses_it_for_permalinks_and_refuses_a_bad_one()
    {
        using var site = TestSite.Create(Entry);

        var (exit, _, _) = await Run("build", "--content", site.Content, "--output", site.Output, "--base-url", "https://example.github.io/chronology/");
        var (badExit, _, bad) = await Run("build", "--content", site.Content, "--output", site.Output, "--base-url", "ftp://example.org");

        Assert.Equal(0, exit);
        Assert.Contains("Sitemap: https://example.github.io/chronology/sitemap.xml", File.ReadAllText(Path.Combine(site.Output, "robots.txt")));
        Assert.Contains("https://example.github.io/chronology/entries/a/", File.ReadAllText(Path.Combine(site.Output, "feed.xml")));
        Assert.NotEqual(0, badExit);
        Assert.Contains("--base-url: 'ftp://example.org' is not an absolute http(s) address", bad);
    }

    [Fact]
    public async Task Build_with_a_repository_and_an_issue_form_links_readers_to_them_and_refuses_bad_addresses()
    {
        // A fork publishes elsewhere: the deploy workflow gives the repository and its issue form, overriding site.yml.
        using var site = TestSite.Create(Entry + "-- content/site.yml --\ntitle: T\ndescription: D.\nrepository: https://example.org/old\n");
        var (plainExit, _, _) = await Run("build", "--content", site.Content, "--output", site.Output);
        var plainEntry = site.Page("/entries/a/");
        Assert.Equal(0, plainExit);
        Assert.Equal("../../about/#corrections", plainEntry.QuerySelector(".report-error a")!.GetAttribute("href"));
        Assert.Contains("https://example.org/old", site.Page("/about/").QuerySelector("#corrections ~ p a.url")!.TextContent);

        var (exit, _, _) = await Run("build", "--content", site.Content, "--output", site.Output,
            "--repository", "https://github.com/owner/fork/", "--report-error-url", "https://github.com/owner/fork/issues/new?labels=error");
        var (badExit, _, bad) = await Run("build", "--content", site.Content, "--output", site.Output, "--report-error-url", "javascript:alert(1)");
        var (badRepositoryExit, _, badRepository) = await Run("build", "--content", site.Content, "--output", site.Output, "--repository", "https://github.com/owner/fork?x=1");

        Assert.Equal(0, exit);
        var report = site.Page("/entries/a/").QuerySelector(".report-error a")!.GetAttribute("href")!;
        Assert.StartsWith("https://github.com/owner/fork/issues/new?labels=error&title=Error%20in%20entry%3A%20A&body=", report);
        var about = site.Page("/about/");
        Assert.Equal("https://github.com/owner/fork/issues/new?labels=error", about.QuerySelectorAll("#corrections ~ p a").Single(a => a.TextContent == "Report an error").GetAttribute("href"));
        Assert.Equal("https://github.com/owner/fork", about.QuerySelector("#corrections ~ p a.url")!.TextContent);
        Assert.NotEqual(0, badExit);
        Assert.Contains("--report-error-url: 'javascript:alert(1)' is not an absolute http(s) address", bad);
        Assert.NotEqual(0, badRepositoryExit);
        Assert.Contains("--repository: 'https://github.com/owner/fork?x=1' is not an absolute http(s) address without query or fragment", badRepository);
        Assert.Equal(report, site.Page("/entries/a/").QuerySelector(".report-error a")!.GetAttribute("href")); // the refused builds changed nothing
    }

    [Fact]
    public async Task Links_sync_lists_every_url_as_unchecked_offline_and_keeps_earlier_results()
    {
        using var site = TestSite.Create(Entry + "-- content/link-status.json --\n" +
            "{ \"links\": [ { \"url\": \"https://example.org/gone\", \"outcome\": \"ok\", \"status\": 200, \"finalUrl\": null, \"redirects\": [], " +
            "\"contentType\": null, \"checkedAt\": \"2026-11-20T10:00:00Z\", \"firstFailedAt\": null, \"detail\": null } ] }\n");

        var (exit, _, error) = await Run("links", "sync", "--content", site.Content);
        var written = File.ReadAllText(Path.Combine(site.Content, "link-status.json"));

        Assert.Equal(0, exit);
        Assert.Contains("1 URLs, 1 not yet checked", error);
        Assert.Contains("\"url\": \"https://example.org/report.pdf\",\n      \"outcome\": \"unchecked\"", written);
        Assert.DoesNotContain("example.org/gone", written);
        // An unchecked URL reads as never checked: one CHR334 warning, and the build still works.
        Assert.Contains(site.Check(), d => d.Code == Chronology.Diagnostics.DiagnosticCodes.LinkUnchecked);
        Assert.Equal(0, (await Run("build", "--content", site.Content, "--output", site.Output)).Exit);
    }

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
