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
        var checkedEvidence = Check(contentRoot, diagnostics, timer, cache);
        if (diagnostics.HasErrors) return null;
        if (baseUrl is not null)
            checkedEvidence = checkedEvidence with { Evidence = checkedEvidence.Evidence with { Site = checkedEvidence.Evidence.Site with { BaseUrl = baseUrl.TrimEnd('/') } } };
        var history = timer.Time("history", () => Loading.ContentHistoryReader.Read(contentRoot, cache));
        return timer.Time("model", () => new SiteModel(checkedEvidence) { History = history });
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
        string? aboutHtml = null; // the search index gives the About page's own words
        try
        {
            await timer.TimeAsync("render pages", async () =>
            {
                await SiteRenderer.RenderAsync(site, async (url, html) =>
                {
                    if (url == SiteUrls.About)
                    {
                        aboutHtml = await Joined(html);
                        writer.WritePage(url, aboutHtml);
                    }
                    else await writer.WritePageAsync(url, html, cancellation);
                }, workers, cancellation, reuse: (url, inputs) =>
                {
                    pageInputs[url] = inputs;
                    return url != SiteUrls.About && cached.TryGet(url, inputs, out var digest) && writer.TryKeepPage(url, digest);
                });
            });
            cancellation.ThrowIfCancellationRequested();
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
                Parallel.ForEach(site.Entries, new ParallelOptions { MaxDegreeOfParallelism = workers ?? -1 }, entry =>
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
            timer.Time("search index", () => writer.WriteStream(SearchIndexExport.Url, json => SearchIndexExport.Write(site, json, url => url == SiteUrls.About ? MainText(aboutHtml) : null)));
            cancellation.ThrowIfCancellationRequested();
            timer.Time("tables, sitemap, feeds", () =>
            {
                foreach (var (url, write) in CsvExport.Files)
                {
                    writer.WriteStream(url, file =>
                    {
                        using var csv = new StreamWriter(file, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
                        write(site, csv);
                    });
                }
                if (SitemapExport.Sitemap(site, writer.Pages.Select(p => p.Url)) is { } sitemap) writer.WriteText(SiteUrls.Sitemap, sitemap);
                writer.WriteText(SiteUrls.Robots, SitemapExport.Robots(site));
                var feed = FeedExport.Items(site, site.History);
                writer.WriteText(FeedExport.AtomUrl, FeedExport.Atom(site, feed));
                writer.WriteText(FeedExport.JsonUrl, FeedExport.Json(site, feed));
            });
            cancellation.ThrowIfCancellationRequested();
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

    private static async Task<string> Joined(IAsyncEnumerable<string> parts)
    {
        var html = new System.Text.StringBuilder();
        await foreach (var part in parts) html.Append(part);
        return html.ToString();
    }

    /// <summary>The words of a rendered page's main content, one space between each; null if it was not rendered.</summary>
    private static string? MainText(string? html)
    {
        if (html is null) return null;
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var main = document.QuerySelector("main");
        if (main is null) return null;
        // Text node by text node, so that words in neighbouring elements ("…from.</p><p>Serenity") stay apart.
        var words = string.Join(" ", AngleSharp.Dom.NodeExtensions.GetDescendants(main).OfType<AngleSharp.Dom.IText>().Select(t => t.Data));
        return System.Text.RegularExpressions.Regex.Replace(words, @"\s+", " ").Trim();
    }

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
