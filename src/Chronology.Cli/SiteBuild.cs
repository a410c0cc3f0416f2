using Chronology.Diagnostics;
using Chronology.Links;
using Chronology.Loading;
using Chronology.Publishing;
using Chronology.Site;
using Chronology.Theme;
using Chronology.Validation;

namespace Chronology.Cli;

/// <summary>
/// The build, in the order it runs: load → validate → model → render → write → check links → publish.
/// Output goes to a staging folder and replaces the previous output only if no step reported an error.
/// </summary>
public static class SiteBuild
{
    /// <param name="baseUrl">The address the site is published at, overriding site.yml's <c>baseUrl</c> (a deployment knows it).</param>
    /// <param name="cache">Files parsed by an earlier build of the same content, reused where unchanged.</param>
    /// <param name="pageCache">The page cache's file; by default the project's (<see cref="PageCache.PathFor"/>).</param>
    public static async Task<BuildResult> RunAsync(string contentRoot, string output, PhaseTimer? timer = null, DiagnosticBag? diagnostics = null, string? baseUrl = null, ContentCache? cache = null, string? pageCache = null)
    {
        timer ??= new PhaseTimer();
        diagnostics ??= new DiagnosticBag();
        var site = Prepare(contentRoot, diagnostics, timer, baseUrl, cache);
        if (site is null) return new BuildResult(diagnostics, Published: false);
        return await WriteAsync(site, output, diagnostics, timer, pageCache: pageCache ?? PageCache.PathFor(output, contentRoot));
    }

    /// <summary>Load, validate and model: the site to render, or null if any step reported an error.</summary>
    public static SiteModel? Prepare(string contentRoot, DiagnosticBag diagnostics, PhaseTimer? timer = null, string? baseUrl = null, ContentCache? cache = null)
    {
        timer ??= new PhaseTimer();
        // git log runs while the content is loaded and checked: it is another process, and mostly waiting.
        var history = Dedicated(() => timer.Time("history", () => Loading.ContentHistoryReader.Read(contentRoot, cache)));
        var checkedEvidence = Check(contentRoot, diagnostics, timer, cache);
        if (diagnostics.HasErrors) return null;
        if (baseUrl is not null)
            checkedEvidence = checkedEvidence with { Evidence = checkedEvidence.Evidence with { Site = checkedEvidence.Evidence.Site with { BaseUrl = baseUrl.TrimEnd('/') } } };
        return timer.Time("model", () => new SiteModel(checkedEvidence) { History = history.GetAwaiter().GetResult() });
    }

    /// <summary>
    /// Render → write → check links → publish: every file of the site, into a staging folder, published to
    /// <paramref name="output"/> only if no step reported an error.
    /// </summary>
    /// <param name="workers">How many cores to render and write on (all if null): the preview server leaves one free for the next edit.</param>
    /// <param name="pageCache">The page cache's file (<see cref="PageCache.PathFor"/>); beside the output if not given.</param>
    public static async Task<BuildResult> WriteAsync(SiteModel site, string output, DiagnosticBag diagnostics, PhaseTimer? timer = null, CancellationToken cancellation = default, int? workers = null, string? pageCache = null)
    {
        timer ??= new PhaseTimer();
        var staging = OutputFolder.CreateStaging(output);
        // The previous output is the cache: a file the same as its published copy is not written again.
        var writer = new OutputWriter(staging, previous: output);
        // A page whose inputs hash as they did for the published page is kept, not rendered (see PageCache).
        var cacheFile = pageCache ?? PageCache.PathFor(output);
        var cached = writer.HasPrevious ? PageCache.Read(cacheFile) : new PageCache();
        var pageInputs = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        // The search index gives the About page's own words: it waits for that page, not for every page.
        var about = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            // Pages are rendered on every core; the site's other files are made at the same time, on a thread of
            // their own, to fill the gaps rendering leaves (its start, its last pages). They share only the writer.
            var pages = timer.TimeAsync("render pages", async () =>
            {
                try
                {
                    await SiteRenderer.RenderAsync(site, async (url, html) =>
                    {
                        if (url == SiteUrls.About)
                        {
                            var text = await Joined(html);
                            writer.WritePage(url, text);
                            about.TrySetResult(text);
                        }
                        else await writer.WritePageAsync(url, html, cancellation);
                    }, workers, cancellation, reuse: (url, inputs) =>
                    {
                        pageInputs[url] = inputs;
                        return url != SiteUrls.About && cached.TryGet(url, inputs, out var digest) && writer.TryKeepPage(url, digest);
                    }, first: [SiteUrls.About]);
                }
                finally
                {
                    about.TrySetCanceled(); // no About page after all (a failed render): the index waits no longer
                }
            });
            // Threads of their own: the render's workers hold the thread pool's threads while they work.
            var files = Dedicated(() => WriteFiles(site, writer, timer, workers, cancellation));
            var search = Dedicated(() =>
            {
                var aboutHtml = about.Task.GetAwaiter().GetResult();
                timer.Time("search index", () => writer.WriteStream(SearchIndexExport.Url, json => SearchIndexExport.Write(site, json, url => url == SiteUrls.About ? MainText(aboutHtml) : null)));
            });
            await WhenAllOrFirstFailure(pages, files, search);
            cancellation.ThrowIfCancellationRequested();
            timer.Time("sitemap", () =>
            {
                if (SitemapExport.Sitemap(site, writer.Pages.Select(p => p.Url)) is { } sitemap) writer.WriteText(SiteUrls.Sitemap, sitemap);
            });
            timer.Time("check links", () => LinkChecker.Check(writer.Pages, writer.Paths, output, diagnostics));
            if (diagnostics.HasErrors || cancellation.IsCancellationRequested) return new BuildResult(diagnostics, Published: false);

            timer.Time("publish", () =>
            {
                PageCache.Delete(cacheFile); // until the new one is written, no cache is better than one that may not match
                OutputFolder.Publish(staging, output, writer.Paths);
                var published = new PageCache();
                foreach (var (url, digest) in writer.Digests) published.Set(url, pageInputs[url], digest);
                published.Write(cacheFile);
            });
            return new BuildResult(diagnostics, Published: true, PageCount: writer.Pages.Count, FileCount: writer.Paths.Count, Unchanged: writer.Unchanged, Rendered: writer.Pages.Count - writer.Kept);
        }
        finally
        {
            OutputFolder.Discard(staging);
        }
    }

    /// <summary>Every file of the site but its pages, its search index and its sitemap (which wait for pages).</summary>
    private static void WriteFiles(SiteModel site, OutputWriter writer, PhaseTimer timer, int? workers, CancellationToken cancellation)
    {
        timer.Time("assets", () =>
        {
            // The site's own files (content/assets/) are copied as they are; one with the same name as a theme
            // file replaces it, as a Hugo site's static/ overrides its theme's.
            var own = site.Evidence.Assets.ToDictionary(a => SiteUrls.Asset(a.Path), StringComparer.Ordinal);
            var theme = SiteRenderer.Assets().ToList();
            foreach (var (url, bytes) in theme.Where(a => !own.ContainsKey(a.Url))) writer.WriteBytes(url, bytes);
            foreach (var (url, asset) in own) writer.CopyFile(url, asset.FullPath);
            // Browsers ask for /favicon.ico whatever the page says: the icon stands at the root as well.
            var icon = SiteUrls.Asset("favicon.ico");
            if (own.TryGetValue(icon, out var ownIcon)) writer.CopyFile(SiteUrls.FaviconIco, ownIcon.FullPath);
            else if (theme.FirstOrDefault(a => a.Url == icon).Bytes is { } themeIcon) writer.WriteBytes(SiteUrls.FaviconIco, themeIcon);
            writer.WriteText(SiteUrls.Manifest, SiteRenderer.WebManifest(site));
        });
        cancellation.ThrowIfCancellationRequested();
        timer.Time("citation files", () =>
        {
            Parallel.ForEach(site.Entries, new ParallelOptions { MaxDegreeOfParallelism = workers ?? -1, CancellationToken = cancellation }, entry =>
            {
                writer.WriteText(CitationFormats.BibTexUrl(entry.Id), CitationFormats.BibTex(site.Site, entry));
                writer.WriteBytes(CitationFormats.RisUrl(entry.Id), System.Text.Encoding.UTF8.GetBytes(CitationFormats.Ris(site.Site, entry))); // RIS lines end in CRLF
                writer.WriteText(CitationFormats.CslJsonUrl(entry.Id), CitationFormats.CslJson(site.Site, entry));
            });
            foreach (var source in site.Sources)
            {
                writer.WriteText(CitationFormats.SourceBibTexUrl(source.Id), CitationFormats.BibTex(site.Site, source));
                writer.WriteBytes(CitationFormats.SourceRisUrl(source.Id), System.Text.Encoding.UTF8.GetBytes(CitationFormats.Ris(site.Site, source)));
                writer.WriteText(CitationFormats.SourceCslJsonUrl(source.Id), CitationFormats.CslJson(site.Site, source));
            }
        });
        cancellation.ThrowIfCancellationRequested();
        timer.Time("open data", () => writer.WriteStream(SiteUrls.Data, json => OpenDataExport.Write(site, json)));
        cancellation.ThrowIfCancellationRequested();
        timer.Time("tables, feeds", () =>
        {
            foreach (var (url, write) in CsvExport.Files)
            {
                writer.WriteStream(url, file =>
                {
                    using var csv = new StreamWriter(file, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
                    write(site, csv);
                });
            }
            writer.WriteText(SiteUrls.Robots, SitemapExport.Robots(site));
            var feed = FeedExport.Items(site, site.History);
            writer.WriteText(FeedExport.AtomUrl, FeedExport.Atom(site, feed));
            writer.WriteText(FeedExport.JsonUrl, FeedExport.Json(site, feed));
        });
    }

    /// <summary>Work on a thread of its own, beside the thread pool's, which the loader and the renderer keep busy.</summary>
    private static Task<T> Dedicated<T>(Func<T> work) => Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static Task Dedicated(Action work) => Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Waits for every task; if one fails, the others are still waited for (they share the staging folder).</summary>
    private static async Task WhenAllOrFirstFailure(params Task[] tasks)
    {
        try
        {
            await Task.WhenAll(tasks);
        }
        catch when (tasks.FirstOrDefault(t => t.IsFaulted) is { } failed)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed.Exception!.InnerException!);
        }
    }

    private static async Task<string> Joined(IAsyncEnumerable<string> parts)
    {
        var html = new System.Text.StringBuilder();
        await foreach (var part in parts) html.Append(part);
        return html.ToString();
    }

    /// <summary>The words of a rendered page's main content, one space between each; null if it was not rendered.</summary>
    private static string? MainText(string? html) => html is null ? null : PageText.Main(html);

    /// <summary>Every validation, no output: the same checks, at the same places, as the build runs before it renders.</summary>
    public static CheckedEvidence Check(string contentRoot, DiagnosticBag diagnostics, PhaseTimer? timer = null, ContentCache? cache = null)
    {
        timer ??= new PhaseTimer();
        var evidence = timer.Time("load", () => ContentLoader.Load(contentRoot, diagnostics, cache));
        var linkStatus = LinkStatusFile.Read(contentRoot, diagnostics);
        var checkedEvidence = EvidenceChecks.Run(evidence, linkStatus, diagnostics, timer);
        ContentLinkRules.Validate(checkedEvidence.Evidence, diagnostics);
        return checkedEvidence;
    }
}

/// <param name="Unchanged">Files the same as the previous output's, which were left as they were.</param>
/// <param name="Rendered">Pages rendered; the others were kept from the previous output, their inputs unchanged.</param>
public sealed record BuildResult(DiagnosticBag Diagnostics, bool Published, int PageCount = 0, int FileCount = 0, int Unchanged = 0, int Rendered = 0);
