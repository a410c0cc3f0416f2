using Chronology.Diagnostics;
using Chronology.Links;
using Chronology.Loading;
using Spectre.Console;

namespace Chronology.Cli;

/// <summary>
/// <c>links refresh</c>: the one command that goes online. It checks every URL in the source register and
/// rewrites content/link-status.json, which build and check then read.
/// </summary>
public static class LinksRefreshCommand
{
    public static async Task<int> RunAsync(string contentRoot, LinkRefreshOptions options, TextWriter log, CancellationToken cancellation)
    {
        if (await ReadAsync(contentRoot, log, "links refresh") is not var (urls, path, previous, readable)) return 1;
        if (!readable)
        {
            await log.WriteLineAsync("links refresh: the old results could not be read; fix or delete the file first (their failure dates decide when a link is dead)");
            return 1;
        }
        using var handler = LinkRefresher.CreateHandler();
        var refresher = new LinkRefresher(handler, options, TimeProvider.System);

        IReadOnlyList<LinkRecord> records = [];
        try
        {
            if (AnsiConsole.Profile.Capabilities.Interactive)
            {
                await AnsiConsole.Progress().StartAsync(async context =>
                {
                    var task = context.AddTask($"Checking {urls.Count} links", maxValue: urls.Count);
                    records = await refresher.RefreshAsync(urls, previous, new Progress<string>(_ => task.Increment(1)), cancellation);
                });
            }
            else
            {
                var done = 0;
                records = await refresher.RefreshAsync(urls, previous,
                    new Progress<string>(url => log.WriteLine($"[{Interlocked.Increment(ref done)}/{urls.Count}] {url}")), cancellation);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Stopped (Ctrl+C): half a refresh would mix new results with old ones, so none is written.
            await log.WriteLineAsync($"links refresh stopped; {path} was left as it was");
            return StopOnSignal.ExitCode;
        }

        LinkStatusFile.Write(path, urls, records.ToDictionary(r => r.Url, StringComparer.Ordinal));
        foreach (var group in records.GroupBy(r => r.Outcome).OrderBy(g => g.Key))
            await log.WriteLineAsync($"{group.Key.ToString().ToLowerInvariant()}: {group.Count()}");
        await log.WriteLineAsync($"wrote {path}");
        return 0;
    }

    /// <summary>
    /// <c>links sync</c>: never goes online. Lists every URL of the register in content/link-status.json, keeping
    /// the last result of each and marking new ones "unchecked"; results for URLs no source uses are dropped.
    /// </summary>
    public static async Task<int> SyncAsync(string contentRoot, TextWriter log)
    {
        if (await ReadAsync(contentRoot, log, "links sync") is not var (urls, path, previous, readable)) return 1;
        // An unreadable file is replaced, keeping nothing: said rather than failed, since sync is how it is repaired.
        if (!readable) await log.WriteLineAsync("links sync: the old results could not be read and are dropped");
        LinkStatusFile.Write(path, urls, previous);
        var notChecked = urls.Count(u => !previous.ContainsKey(u));
        await log.WriteLineAsync($"wrote {path}: {urls.Count} URLs, {notChecked} not yet checked ('links refresh' checks them)");
        return 0;
    }

    /// <summary>
    /// The register's URLs and the last results, for both commands: null (after printing why) when the content has
    /// errors; <c>Readable</c> false, after printing why, when the results file cannot be read.
    /// </summary>
    private static async Task<(IReadOnlyList<string> Urls, string Path, IReadOnlyDictionary<string, LinkRecord> Previous, bool Readable)?> ReadAsync(
        string contentRoot, TextWriter log, string command)
    {
        var diagnostics = new DiagnosticBag();
        var evidence = ContentLoader.Load(contentRoot, diagnostics);
        if (diagnostics.HasErrors)
        {
            await log.WriteAsync(DiagnosticReport.Format(diagnostics.Sorted(), "text"));
            await log.WriteLineAsync($"{command}: fix the content first");
            return null;
        }
        var previous = LinkStatusFile.Read(contentRoot, diagnostics);
        if (diagnostics.HasErrors) await log.WriteAsync(DiagnosticReport.Format(diagnostics.Sorted(), "text"));
        return (ExternalUrls.Of(evidence), LinkStatusFile.PathIn(contentRoot), previous, !diagnostics.HasErrors);
    }
}
