using System.Diagnostics;
using System.Text.Json;

namespace Chronology.Tests;

/// <summary>
/// Every page of the real site, and of the invented test site (tests/sites/bridges), is valid HTML by the Nu HTML Checker (vnu.jar, pinned in tools/package.json,
/// run with the machine's Java, offline). In CI a missing Java is a failure, not a skip.
/// The checker runs once for the whole class, over the run's one build of each site and over a folder holding one
/// invalid page; each test reads only the messages about its own folder's files.
/// </summary>
public sealed class NuHtmlCheckerTests
{
    private static readonly string Jar = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
    private static readonly Lazy<bool> JavaAvailable = new(FindJava);
    private static readonly Lazy<Task<Checked>> Run = new(() => Task.Run(CheckAllAsync));

    /// <summary>What the one run checked: the real site's build, the folder with the invalid page, every folder, and every message.</summary>
    private sealed record Checked(string RealOutput, BuildResultOf Real, string BadFolder, IReadOnlyList<string> Folders, IReadOnlyList<(string File, string Text)> Messages)
    {
        /// <summary>
        /// The messages about files in <paramref name="folder"/>, as "file:line: message", and any message about no
        /// folder the run checked (the checker's own failures), which concern every test.
        /// </summary>
        public List<string> In(string folder) =>
            [.. Messages.Where(m => Under(m.File, folder) || !Folders.Any(f => Under(m.File, f))).Select(m => m.Text)];

        private static bool Under(string file, string folder) =>
            file.StartsWith(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private sealed record BuildResultOf(bool Published, string Problems);

    [Fact]
    public async Task Every_page_of_the_real_site_is_valid_html()
    {
        RequireChecker();
        var run = await Run.Value;
        Assert.True(run.Real.Published, run.Real.Problems);

        var messages = run.In(run.RealOutput);

        Assert.True(messages.Count == 0, string.Join("\n", messages.Take(20)));
        Assert.True(Directory.EnumerateFiles(run.RealOutput, "*.html", SearchOption.AllDirectories).Count() > 100);
    }

    [Fact]
    public async Task Every_page_of_the_Bridges_test_site_is_valid_html()
    {
        RequireChecker();
        Assert.True(BridgesSite.Result.Published, string.Join("\n", BridgesSite.Result.Diagnostics.Items));
        var run = await Run.Value;

        var messages = run.In(BridgesSite.Output);

        Assert.True(messages.Count == 0, string.Join("\n", messages.Take(20)));
        Assert.True(BridgesSite.Paths().Count > 40);
    }

    [Fact]
    public async Task The_checker_reports_invalid_html()
    {
        RequireChecker();
        var run = await Run.Value;

        var messages = run.In(run.BadFolder);

        Assert.Contains(messages, m => m.Contains("bad.html") && m.Contains("“p” end tag"));
    }

    /// <summary>
    /// One checker run over the three folders (the real site's, the Bridges site's, and a folder with one invalid page
    /// written for it): one Java start-up instead of one per folder. A site that did not build is not checked.
    /// </summary>
    private static async Task<Checked> CheckAllAsync()
    {
        var (realOutput, real) = await RealSite.BuildOnceAsync();
        var bad = Path.Combine(Path.GetTempPath(), "chronology-vnu-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(bad);
        try
        {
            File.WriteAllText(Path.Combine(bad, "bad.html"), "<!DOCTYPE html><html lang=en><title>x</title><p><div>bad</p>");
            var folders = new List<string> { bad };
            if (real.Published) folders.Add(realOutput);
            if (BridgesSite.Result.Published) folders.Add(BridgesSite.Output);
            var messages = await CheckAsync(folders);
            return new Checked(realOutput, new BuildResultOf(real.Published, string.Join("\n", real.Diagnostics.Items)), bad, folders, messages);
        }
        finally
        {
            Directory.Delete(bad, recursive: true);
        }
    }

    private static async Task<List<(string File, string Text)>> CheckAsync(IEnumerable<string> folders)
    {
        var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-jar", Jar, "--errors-only", "--format", "json", "--skip-non-html" }.Concat(folders)) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        using var json = JsonDocument.Parse(errors.Length > 0 ? errors : await output);
        return [.. json.RootElement.GetProperty("messages").EnumerateArray().Select(m =>
        {
            var url = m.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            // "file:/tmp/x/a.html": the checker names a file by its absolute path, escaped as in a URL.
            var file = url.StartsWith("file:", StringComparison.Ordinal) ? Uri.UnescapeDataString(url["file:".Length..]) : url;
            return (file, $"{url}:{(m.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0)}: {m.GetProperty("message").GetString()}");
        })];
    }

    /// <summary>Runs only with Java and vnu.jar: without them the test is reported Skipped (never Passed), and under CI=true it fails.</summary>
    private static void RequireChecker()
    {
        if (JavaAvailable.Value && File.Exists(Jar)) return;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"the Nu HTML Checker needs Java and {Jar} (.ci/run installs Java; the test project's build installs vnu.jar)");
        Assert.Skip($"the Nu HTML Checker needs Java and {Jar}");
    }

    private static bool FindJava()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("java", "-version") { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
