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
    /// <param name="deployment">What the deployment knows of where the site is published, overriding site.yml.</param>
    /// <param name="cache">Files parsed by an earlier build of the same content, reused where unchanged.</param>
    /// <param name="outputCache">The output cache's file; by default the project's (<see cref="OutputCache.PathFor"/>). The git history is kept beside it.</param>
    /// <param name="cancellation">Stops the build (Ctrl+C): nothing is published, the staging folder is removed and <see cref="OperationCanceledException"/> thrown.</param>
    public static async Task<BuildResult> RunAsync(string contentRoot, string output, PhaseTimer? timer = null, DiagnosticBag? diagnostics = null, Deployment? deployment = null, ContentCache? cache = null, string? outputCache = null, CancellationToken cancellation = default)
    {
        timer ??= new PhaseTimer();
        diagnostics ??= new DiagnosticBag();
        outputCache ??= OutputCache.PathFor(output, contentRoot);
        var site = Prepare(contentRoot, diagnostics, timer, deployment, cache, historyFile: OutputCache.HistoryPathFor(outputCache, contentRoot));
        cancellation.ThrowIfCancellationRequested();
        if (site is null) return new BuildResult(diagnostics, Published: false);
        var result = await WriteAsync(site, output, diagnostics, timer, cancellation, outputCache: outputCache);
        // Stopped after the last page but before publishing: nothing was published, and the caller is told why.
        if (!result.Published) cancellation.ThrowIfCancellationRequested();
        return result;
    }

    /// <summary>Load, validate and model: the site to render, or null if any step reported an error.</summary>
    /// <param name="historyFile">Where the git history is kept between builds (<see cref="ContentHistoryReader.Read"/>); by default it is read from git each time.</param>
    public static SiteModel? Prepare(string contentRoot, DiagnosticBag diagnostics, PhaseTimer? timer = null, Deployment? deployment = null, ContentCache? cache = null, string? historyFile = null)
    {
        timer ??= new PhaseTimer();
        // git log runs while the content is loaded and checked: it is another process, and mostly waiting.
        var log = Dedicated(() => timer.Time("history", () => ContentHistoryReader.Read(contentRoot, cache, historyFile)));
        var checkedEvidence = Check(contentRoot, diagnostics, timer, cache);
        // What content/changes.yml says of a change replaces its commit message (and is checked against the commits).
        var history = ChangeNoteRules.Apply(checkedEvidence.Evidence.ChangeNotes, log.GetAwaiter().GetResult(), diagnostics);
        if (diagnostics.HasErrors) return null;
        if (deployment is not null)
            checkedEvidence = checkedEvidence with { Evidence = checkedEvidence.Evidence with { Site = deployment.Apply(checkedEvidence.Evidence.Site) } };
        if (historyFile is null) return timer.Time("model", () => new SiteModel(checkedEvidence) { History = history });
        // A build (not the preview server, which shows the edited page first and writes the site after): the hash of
        // everything, what the cache keys whole-site pages and files on, is made beside the model.
        var inputsHash = Dedicated(() => SiteModel.HashOfInputs(checkedEvidence.Evidence, checkedEvidence.Integrity, checkedEvidence.LinkStatus, history));
        return timer.Time("model", () => new SiteModel(checkedEvidence) { History = history, InputsHashBeingMade = inputsHash });
    }

    /// <summary>
    /// Render → write → check links → publish: every file of the site, into a staging folder, published to
    /// <paramref name="output"/> only if no step reported an error.
    /// </summary>
    /// <param name="workers">How many cores to render and write on (all if null): the preview server leaves one free for the next edit.</param>
    /// <param name="outputCache">The output cache's file (<see cref="OutputCache.PathFor"/>); beside the output if not given.</param>
    public static async Task<BuildResult> WriteAsync(SiteModel site, string output, DiagnosticBag diagnostics, PhaseTimer? timer = null, CancellationToken cancellation = default, int? workers = null, string? outputCache = null)
    {
        timer ??= new PhaseTimer();
        var staging = OutputFolder.CreateStaging(output, IsRunning);
        // The previous output is the cache: a file the same as its published copy is not written again.
        var writer = new OutputWriter(staging, previous: output);
        // A file whose inputs hash as they did for the published file is kept, not made again (see OutputCache).
        var cacheFile = outputCache ?? OutputCache.PathFor(output);
        var cached = writer.HasPrevious ? OutputCache.Read(cacheFile) : new OutputCache();
        var pageInputs = new System.Collections.Concurrent.ConcurrentDictionary<string, UInt128>(StringComparer.Ordinal);
        var files = new KeptFiles(cached, writer);
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
                        return url != SiteUrls.About && cached.TryGet(url, inputs, out var digest) && digest.Sha256 is not null && writer.TryKeepPage(url, digest.Page);
                    }, first: workers is null ? [SiteUrls.About] : null);
                }
                finally
                {
                    about.TrySetCanceled(); // no About page after all (a failed render): the index waits no longer
                }
            });
            void SearchIndex()
            {
                var aboutHtml = about.Task.GetAwaiter().GetResult();
                timer.Time("search index", () =>
                {
                    if (!files.Keep(SearchIndexExport.Url, files.WholeSite(site)))
                        writer.WriteStream(SearchIndexExport.Url, json => SearchIndexExport.Write(site, json, url => url == SiteUrls.About ? MainText(aboutHtml) : null));
                });
            }
            // On threads of their own (the render's workers hold the thread pool's threads while they work), unless
            // the caller keeps cores free (the preview server, for the next edit): then one after the other.
            var beside = workers is null;
            var others = beside ? Dedicated(() => WriteFiles(site, writer, files, timer, workers, cancellation)) : Task.CompletedTask;
            var search = beside ? Dedicated(SearchIndex) : Task.CompletedTask;
            await WhenAllOrFirstFailure(pages, others, search);
            if (!beside)
            {
                WriteFiles(site, writer, files, timer, workers, cancellation);
                SearchIndex();
            }
            cancellation.ThrowIfCancellationRequested();
            // Likewise what rendering left, before the link check reads every page's links.
            CollectIfLarge();
            timer.Time("sitemap", () =>
            {
                if (!files.Keep(SiteUrls.Sitemap, files.WholeSite(site)) && SitemapExport.Sitemap(site, writer.Pages.Select(p => p.Url)) is { } sitemap)
                    writer.WriteText(SiteUrls.Sitemap, sitemap);
            });
            timer.Time("check links", () => LinkChecker.Check(writer.Pages, writer.PathSet, output, diagnostics));
            if (diagnostics.HasErrors || cancellation.IsCancellationRequested) return new BuildResult(diagnostics, Published: false);

            var (pageCount, rendered) = (writer.Pages.Count, writer.Pages.Count - writer.Kept);
            writer.ForgetPages();
            // A large site's pages were hundreds of megabytes of records, now garbage that the collector would find
            // only after publishing has taken more memory on top of it: collected now, the memory is used again.
            CollectIfLarge();
            timer.Time("publish", () =>
            {
                OutputCache.Delete(cacheFile); // until the new one is written, no cache is better than one that may not match
                OutputFolder.Publish(staging, output, writer.PathSet);
                var published = new OutputCache();
                foreach (var (url, digest) in writer.Digests) published.Set(url, pageInputs[url], OutputDigest.Of(digest));
                files.Record(published, output);
                published.Write(cacheFile);
            });
            return new BuildResult(diagnostics, Published: true, PageCount: pageCount, FileCount: writer.PathSet.Count, Unchanged: writer.Unchanged, Rendered: rendered, KeptFiles: writer.KeptFiles);
        }
        finally
        {
            OutputFolder.Discard(staging);
        }
    }

    /// <summary>
    /// A heap this large (a site of tens of thousands of entries) is collected between phases: the collector, left to
    /// itself, lets garbage from one phase pile up under the next one's memory, and the peak is what a machine must have.
    /// </summary>
    private const long LargeHeap = 512L << 20;

    private static void CollectIfLarge()
    {
        if (GC.GetGCMemoryInfo().HeapSizeBytes > LargeHeap) GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
    }

    /// <summary>
    /// Every file of the site but its pages, its search index and its sitemap (which wait for pages). Each is made
    /// only if the output cache has no file made from the same inputs (<see cref="KeptFiles"/>).
    /// </summary>
    private static void WriteFiles(SiteModel site, OutputWriter writer, KeptFiles files, PhaseTimer timer, int? workers, CancellationToken cancellation)
    {
        timer.Time("assets", () =>
        {
            // The site's own files (content/assets/) are copied as they are; one with the same name as a theme
            // file replaces it, as a Hugo site's static/ overrides its theme's. A theme file is made from the code;
            // a site's own file from the file it copies, as it stands (its length and write time).
            var own = site.Evidence.Assets.ToDictionary(a => SiteUrls.Asset(a.Path), StringComparer.Ordinal);
            var ownInputs = own.ToDictionary(a => a.Key, a =>
            {
                var file = new FileInfo(a.Value.FullPath);
                return files.Inputs("asset", a.Value.Path, file.Length, file.LastWriteTimeUtc.Ticks);
            }, StringComparer.Ordinal);
            var theme = files.Inputs("theme asset");
            foreach (var (url, bytes) in SiteRenderer.Assets().Where(a => !own.ContainsKey(a.Url)))
                if (!files.Keep(url, theme)) writer.WriteBytes(url, bytes);
            foreach (var (url, asset) in own)
                if (!files.Keep(url, ownInputs[url])) writer.CopyFile(url, asset.FullPath);
            // Browsers ask for /favicon.ico whatever the page says: the icon stands at the root as well.
            var icon = SiteUrls.Asset("favicon.ico");
            if (own.TryGetValue(icon, out var ownIcon))
            {
                if (!files.Keep(SiteUrls.FaviconIco, ownInputs[icon])) writer.CopyFile(SiteUrls.FaviconIco, ownIcon.FullPath);
            }
            else if (!files.Keep(SiteUrls.FaviconIco, theme) && SiteRenderer.Assets().FirstOrDefault(a => a.Url == icon).Bytes is { } themeIcon)
                writer.WriteBytes(SiteUrls.FaviconIco, themeIcon);
            if (!files.Keep(SiteUrls.Manifest, files.Inputs("manifest", site.Site))) writer.WriteText(SiteUrls.Manifest, SiteRenderer.WebManifest(site));
        });
        cancellation.ThrowIfCancellationRequested();
        // The open data, the tables and the feeds hold every entry: made again whenever anything changed.
        var wholeSite = files.WholeSite(site);
        timer.Time("open data", () =>
        {
            if (!files.Keep(SiteUrls.Data, wholeSite)) writer.WriteStream(SiteUrls.Data, json => OpenDataExport.Write(site, json));
        });
        cancellation.ThrowIfCancellationRequested();
        timer.Time("tables, feeds", () =>
        {
            foreach (var (url, write) in CsvExport.Files)
            {
                if (files.Keep(url, wholeSite)) continue;
                writer.WriteStream(url, file =>
                {
                    using var csv = new StreamWriter(file, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
                    write(site, csv);
                });
            }
            if (!files.Keep(SiteUrls.Robots, wholeSite)) writer.WriteText(SiteUrls.Robots, SitemapExport.Robots(site));
            var (keepAtom, keepJson) = (files.Keep(FeedExport.AtomUrl, wholeSite), files.Keep(FeedExport.JsonUrl, wholeSite));
            if (keepAtom && keepJson) return;
            var feed = FeedExport.Items(site, site.History);
            if (!keepAtom) writer.WriteText(FeedExport.AtomUrl, FeedExport.Atom(site, feed));
            if (!keepJson) writer.WriteText(FeedExport.JsonUrl, FeedExport.Json(site, feed));
        });
        cancellation.ThrowIfCancellationRequested();
        // Last, as their work spreads over every core once the pages are rendered.
        timer.Time("citation files", () =>
        {
            // An entry's (or a source's) citation files are made from it and the site's settings, nothing else.
            var options = new ParallelOptions { MaxDegreeOfParallelism = workers ?? -1, CancellationToken = cancellation };
            Parallel.ForEach(site.Entries, options, entry =>
            {
                var inputs = files.Inputs("citation", site.Site, entry);
                if (!files.Keep(CitationFormats.BibTexUrl(entry.Id), inputs)) writer.WriteText(CitationFormats.BibTexUrl(entry.Id), CitationFormats.BibTex(site.Site, entry));
                if (!files.Keep(CitationFormats.RisUrl(entry.Id), inputs)) writer.WriteBytes(CitationFormats.RisUrl(entry.Id), System.Text.Encoding.UTF8.GetBytes(CitationFormats.Ris(site.Site, entry))); // RIS lines end in CRLF
                if (!files.Keep(CitationFormats.CslJsonUrl(entry.Id), inputs)) writer.WriteText(CitationFormats.CslJsonUrl(entry.Id), CitationFormats.CslJson(site.Site, entry));
            });
            Parallel.ForEach(site.Sources, options, source =>
            {
                var inputs = files.Inputs("citation", site.Site, source);
                if (!files.Keep(CitationFormats.SourceBibTexUrl(source.Id), inputs)) writer.WriteText(CitationFormats.SourceBibTexUrl(source.Id), CitationFormats.BibTex(site.Site, source));
                if (!files.Keep(CitationFormats.SourceRisUrl(source.Id), inputs)) writer.WriteBytes(CitationFormats.SourceRisUrl(source.Id), System.Text.Encoding.UTF8.GetBytes(CitationFormats.Ris(site.Site, source)));
                if (!files.Keep(CitationFormats.SourceCslJsonUrl(source.Id), inputs)) writer.WriteText(CitationFormats.SourceCslJsonUrl(source.Id), CitationFormats.CslJson(site.Site, source));
            });
        });
    }

    /// <summary>
    /// The files other than pages that the output cache may keep: what each was made from, hashed (the code that makes
    /// it, then its own inputs), asked of the cache before the file is made, and recorded after publishing.
    /// </summary>
    private sealed class KeptFiles(OutputCache cached, OutputWriter writer)
    {
        /// <summary>The code that makes these files: the generator, the theme (the About page's words) and this command line.</summary>
        private static readonly Lazy<byte[]> Code = new(() => Fingerprint.OfCode(typeof(SiteBuild).Assembly, typeof(SiteRenderer).Assembly, typeof(SiteModel).Assembly));
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, UInt128> _inputs = new(StringComparer.Ordinal);
        private UInt128? _wholeSite;

        public UInt128 Inputs(params object?[] values)
        {
            var fingerprint = new Fingerprint().AddHash(Code.Value);
            foreach (var value in values) fingerprint.Add(value);
            return fingerprint.ToUInt128();
        }

        /// <summary>Everything the site is made from: for the files that hold every entry.</summary>
        public UInt128 WholeSite(SiteModel site) => _wholeSite ??= new Fingerprint().AddHash(Code.Value).Add("whole site").AddHash(site.InputsHash).ToUInt128();

        /// <summary>Whether the published file at <paramref name="url"/> was made from <paramref name="inputs"/> and is as it was published: then it is kept.</summary>
        public bool Keep(string url, UInt128 inputs)
        {
            _inputs[url] = inputs;
            if (!cached.TryGet(url, inputs, out var digest) || !writer.TryKeepFile(url, digest)) return false;
            _kept[url] = digest; // left as it was: recorded as it was
            return true;
        }

        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, OutputDigest> _kept = new(StringComparer.Ordinal);

        /// <summary>Records each file, as published in <paramref name="output"/>, with its inputs: a kept file as it was recorded, a made one as it now stands.</summary>
        public void Record(OutputCache cache, string output)
        {
            var paths = writer.PathSet;
            var made = new List<(string Url, UInt128 Inputs)>();
            foreach (var (url, inputs) in _inputs)
            {
                if (_kept.TryGetValue(url, out var kept)) cache.Set(url, inputs, kept);
                else if (paths.Contains(OutputPaths.Of(url))) made.Add((url, inputs)); // else asked about, but not made (a site with no sitemap)
            }
            // Each file's length and write time, asked of the file system on every core: at 100,000 entries, 330,000
            // files, one after the other, were most of publishing's 4 to 6 seconds.
            Parallel.For(0, made.Count, i =>
            {
                var file = new FileInfo(Path.Combine(output, OutputPaths.Of(made[i].Url)));
                if (file.Exists) cache.Set(made[i].Url, made[i].Inputs, new OutputDigest(file.Length, null, file.LastWriteTimeUtc.Ticks));
            });
        }
    }

    /// <summary>Whether the process numbered <paramref name="pid"/> is running (for <see cref="OutputFolder.CreateStaging"/>).</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false; // no process has that number
        }
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

    private static async Task<string> Joined(IAsyncEnumerable<ReadOnlyMemory<char>> parts)
    {
        var html = new System.Text.StringBuilder();
        await foreach (var part in parts) html.Append(part.Span);
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
/// <param name="KeptFiles">Files other than pages kept from the previous output, their inputs unchanged.</param>
public sealed record BuildResult(DiagnosticBag Diagnostics, bool Published, int PageCount = 0, int FileCount = 0, int Unchanged = 0, int Rendered = 0, int KeptFiles = 0);
