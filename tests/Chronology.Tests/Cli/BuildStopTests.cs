using System.Diagnostics;
using System.Globalization;
using System.Text;
using Chronology.Cli;
using Chronology.Diagnostics;

namespace Chronology.Tests.Cli;

/// <summary>
/// A build stopped part way (Ctrl+C, or SIGTERM from a CI runner or a service manager) publishes nothing, leaves the
/// previous output as it was, and leaves no staging folder beside it.
/// </summary>
public sealed class BuildStopTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120); // a guard against hanging, not a speed target

    /// <summary>A site whose build takes long enough (seconds, JIT-compiled) to be stopped while it renders.</summary>
    private static TestSite LargeSite(int entries)
    {
        var files = new StringBuilder();
        for (var i = 0; i < entries; i++)
            files.Append(CultureInfo.InvariantCulture, $"-- content/entries/e{i}.md --\n---\ndate: 2012\ntitle: Entry {i}\ncitations:\n  - source: src-a\n---\nWhat the report says, entry {i}.\n");
        return TestSite.Create(files.ToString());
    }

    /// <summary>The output folder as it stands: every file's path and bytes.</summary>
    private static Dictionary<string, string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    /// <summary>
    /// The real command in its own process, started and stopped by a shell as a maintainer's terminal or a CI runner
    /// does, once the build has begun writing its staging folder. (Watched and signalled by the shell, not by this
    /// test: a loop here that waits with <c>await Task.Delay</c> is not resumed for seconds while the rest of the
    /// suite keeps the thread pool busy, and the build, about 5 s long, had ended before it looked. Alone, the same
    /// loop sees the folder within a second. The shell's loop runs on its own, whatever the suite is doing.)
    /// </summary>
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_build_stopped_by_a_signal_publishes_nothing_and_leaves_no_staging_folder(string signal)
    {
        if (OperatingSystem.IsWindows()) Assert.Skip("POSIX signals and sh");
        using var site = LargeSite(2000);
        // The previous output, which a stopped build must leave as it was.
        site.Write("_site/index.html", "<!doctype html><title>The last published site</title>");
        var before = Files(site.Output);
        var cli = Path.Combine(AppContext.BaseDirectory, "Chronology.Cli.dll");
        var said = Path.Combine(site.Root, "said.txt");
        // A background job's SIGINT is ignored by the shell; env(1) gives the build SIGINT's default handling back.
        const string Script = """
            env --default-signal=INT dotnet "$1" build --content "$2" --output "$3" > /dev/null 2> "$4" &
            build=$!
            while ! ls -d "$3".staging-* > /dev/null 2>&1; do
              kill -0 "$build" 2> /dev/null || { echo "ended before it could be stopped"; exit 0; }
              sleep 0.01
            done
            kill -"$5" "$build"
            wait "$build"
            echo "exit $?"
            """;
        var start = new ProcessStartInfo("sh") { RedirectStandardOutput = true };
        foreach (var arg in new[] { "-c", Script, "sh", cli, site.Content, site.Output, said, signal }) start.ArgumentList.Add(arg);
        using var shell = Process.Start(start)!;
        using var guard = new CancellationTokenSource(Patience);
        var outcome = (await shell.StandardOutput.ReadToEndAsync(guard.Token)).Trim();
        await shell.WaitForExitAsync(guard.Token);

        var error = await File.ReadAllTextAsync(said, guard.Token);
        Assert.True(outcome == $"exit {StopOnSignal.ExitCode}", $"{outcome}: {error}");
        Assert.Contains($"stopping the build; {site.Output} is left as it was", error);
        Assert.Contains($"build stopped; {site.Output} was left as it was", error);
        Assert.DoesNotContain("built ", error);
        Assert.Empty(Staging(site));
        Assert.Equal(before, Files(site.Output));
    }

    [Fact]
    public async Task A_build_stopped_as_it_writes_throws_and_removes_its_staging_folder()
    {
        using var site = TestSite.Create("-- content/entries/a.md --\n---\ndate: 2012\ntitle: A\ncitations:\n  - source: src-a\n---\nBody.\n");
        site.Write("_site/index.html", "previous");
        var diagnostics = new DiagnosticBag();
        var model = SiteBuild.Prepare(site.Content, diagnostics)!;
        Assert.False(diagnostics.HasErrors);
        using var stopped = new CancellationTokenSource();
        await stopped.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SiteBuild.WriteAsync(model, site.Output, diagnostics, cancellation: stopped.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SiteBuild.RunAsync(site.Content, site.Output, cancellation: stopped.Token));

        Assert.Empty(Staging(site));
        Assert.Equal(["index.html"], Directory.GetFiles(site.Output).Select(Path.GetFileName));
        Assert.Equal("previous", site.ReadOutput("index.html"));
    }

    /// <summary>
    /// A build killed outright (SIGKILL, out of memory, the machine stopped) cannot remove its staging folder; the next
    /// build of the same output does, once the process named in it is no longer running. A staging folder of a build
    /// still running, and anything not named as a staging folder is named, are left alone.
    /// </summary>
    [Fact]
    public async Task The_next_build_removes_a_staging_folder_whose_process_is_gone_and_nothing_else()
    {
        if (OperatingSystem.IsWindows()) Assert.Skip("true(1) and sleep(1)");
        using var site = TestSite.Create("-- content/entries/a.md --\n---\ndate: 2012\ntitle: A\ncitations:\n  - source: src-a\n---\nBody.\n");
        int gone;
        using (var ended = Process.Start("true")!)
        {
            gone = ended.Id;
            await ended.WaitForExitAsync();
        }
        using var running = Process.Start("sleep", "60")!;
        try
        {
            var abandoned = $"{site.Output}.staging-{gone}-{Guid.NewGuid():N}";
            var another = $"{site.Output}.staging-{running.Id}-{Guid.NewGuid():N}";
            var unnamed = $"{site.Output}.staging-{Guid.NewGuid():N}"; // as earlier versions named them: no process to go by
            var notOne = $"{site.Output}.staging-{gone}-notes";
            foreach (var folder in new[] { abandoned, another, unnamed, notOne })
                site.Write(Path.Combine(Path.GetFileName(folder), "index.html"), "half a page");
            Assert.Equal([abandoned], Chronology.Publishing.OutputFolder.Abandoned(site.Output, SiteBuild.IsRunning));

            await site.BuildOkAsync();

            Assert.False(Directory.Exists(abandoned));
            Assert.Equal(new[] { another, notOne, unnamed }.Order(StringComparer.Ordinal), Staging(site).Order(StringComparer.Ordinal));
        }
        finally
        {
            running.Kill();
        }
    }

    /// <summary>
    /// <c>links refresh</c> stopped while a link is still being checked (here one that never answers, on 127.0.0.1)
    /// writes nothing: the committed results stay as they were, and no temporary file is left beside them.
    /// </summary>
    [Fact]
    public async Task A_links_refresh_stopped_part_way_leaves_the_results_file_as_it_was()
    {
        await using var server = await Chronology.Tests.Links.LocalLinkServer.StartAsync();
        using var site = TestSite.Create(
            "-- content/sources/src-a.yml --\ntitle: A report\npublisher: Someone\ntype: report\ndate: 2014-07\nurl: " + server.Url("/slow") + "\nformat: html\n"
            + "-- content/entries/a.md --\n---\ndate: 2012\ntitle: A\ncitations:\n  - source: src-a\n---\nBody.\n");
        Assert.Equal(0, await LinksRefreshCommand.SyncAsync(site.Content, TextWriter.Null));
        var path = Chronology.Links.LinkStatusFile.PathIn(site.Content);
        var before = await File.ReadAllBytesAsync(path);
        using var stop = new CancellationTokenSource();
        var log = new StringWriter();
        var options = new Chronology.Links.LinkRefreshOptions { Timeout = Patience, MaxRetries = 0 };

        var refresh = LinksRefreshCommand.RunAsync(site.Content, options, log, stop.Token);
        using (var guard = new CancellationTokenSource(Patience))
            while (server.Requests("/slow").Count == 0) await Task.Delay(10, guard.Token);
        await stop.CancelAsync();

        Assert.Equal(StopOnSignal.ExitCode, await refresh.WaitAsync(Patience));
        Assert.Contains($"links refresh stopped; {path} was left as it was", log.ToString());
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
        Assert.Equal([path], Directory.GetFiles(site.Content, "link-status*"));
    }

    private static string[] Staging(TestSite site) => Directory.GetDirectories(site.Root, Path.GetFileName(site.Output) + ".staging-*");
}
