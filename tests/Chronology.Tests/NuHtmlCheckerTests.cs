using System.Diagnostics;
using System.Text.Json;
using Chronology.Cli;

namespace Chronology.Tests;

/// <summary>
/// Every page of the real site, and of the invented test site (tests/sites/bridges), is valid HTML by the Nu HTML Checker (vnu.jar, pinned in tools/package.json,
/// run with the machine's Java, offline). In CI a missing Java is a failure, not a skip.
/// </summary>
public sealed class NuHtmlCheckerTests : IDisposable
{
    private static readonly string Jar = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
    private readonly string _output = Path.Combine(Path.GetTempPath(), "chronology-vnu-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Every_page_of_the_real_site_is_valid_html()
    {
        RequireChecker();
        var result = await SiteBuild.RunAsync(RepoPaths.Content, _output);
        Assert.True(result.Published);

        var messages = Check(_output);

        Assert.True(messages.Count == 0, string.Join("\n", messages.Take(20)));
        Assert.True(Directory.EnumerateFiles(_output, "*.html", SearchOption.AllDirectories).Count() > 100);
    }

    [Fact]
    public void Every_page_of_the_Bridges_test_site_is_valid_html()
    {
        RequireChecker();
        Assert.True(BridgesSite.Result.Published, string.Join("\n", BridgesSite.Result.Diagnostics.Items));

        var messages = Check(BridgesSite.Output);

        Assert.True(messages.Count == 0, string.Join("\n", messages.Take(20)));
        Assert.True(BridgesSite.Paths().Count > 40);
    }

    [Fact]
    public void The_checker_reports_invalid_html()
    {
        RequireChecker();
        Directory.CreateDirectory(_output);
        File.WriteAllText(Path.Combine(_output, "bad.html"), "<!DOCTYPE html><html lang=en><title>x</title><p><div>bad</p>");

        var messages = Check(_output);

        Assert.Contains(messages, m => m.Contains("bad.html") && m.Contains("“p” end tag"));
    }

    private static List<string> Check(string folder)
    {
        var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-jar", Jar, "--errors-only", "--format", "json", "--skip-non-html", folder }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        using var json = JsonDocument.Parse(errors.Length > 0 ? errors : output.Result);
        return [.. json.RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => $"{m.GetProperty("url").GetString()}:{(m.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")];
    }

    /// <summary>Runs only with Java and vnu.jar: without them the test is reported Skipped (never Passed), and under CI=true it fails.</summary>
    private static void RequireChecker()
    {
        var java = JavaAvailable();
        if (java && File.Exists(Jar)) return;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"the Nu HTML Checker needs Java and {Jar} (.ci/run installs Java; the test project's build installs vnu.jar)");
        Assert.Skip($"the Nu HTML Checker needs Java and {Jar}");
    }

    private static bool JavaAvailable()
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

    public void Dispose()
    {
        if (Directory.Exists(_output)) Directory.Delete(_output, recursive: true);
    }
}
