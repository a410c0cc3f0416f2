using Chronology.Model;
using Chronology.Site;
using Chronology.Theme.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chronology.Theme;

/// <summary>
/// The theme: a function from the site model to HTML. Renders every page with the Razor components and hands each
/// (its URL and HTML) to <c>emit</c>; it writes nothing itself; the build decides where pages go.
/// </summary>
public static class SiteRenderer
{
    /// <summary>
    /// One page to render: its URL, its component and the component's own parameters, and what it is made from
    /// (<see cref="Inputs"/>, beside the layout's): a page that does not say is made from everything.
    /// </summary>
    /// <remarks>
    /// A site has a job for every page, all made before the first page is rendered and kept until the last is: so a
    /// job is one small object, its one parameter held as it is (a dictionary is made only when the page is rendered)
    /// and its inputs named by a function shared by every page of its kind. At 100,000 entries a dictionary, a
    /// closure and a delegate per page were 440,000 objects the collector went through at every full collection
    /// (docs/performance.md, ninth session).
    /// </remarks>
    public sealed class PageJob
    {
        private static readonly Dictionary<string, object?> None = [];
        private readonly string? _name;
        private readonly object? _value;
        private readonly IReadOnlyDictionary<string, object?>? _parameters;
        private readonly Action<Fingerprint, SiteModel, object?>? _inputs;

        /// <param name="name">The component's one parameter (beside the site and the URL, which every page has), if it has one.</param>
        /// <param name="inputs">What the page is made from, beside the layout's, given <paramref name="value"/>; null if it is made from everything.</param>
        public PageJob(string url, Type component, string? name = null, object? value = null, Action<Fingerprint, SiteModel, object?>? inputs = null)
        {
            (Url, Component, _name, _value, _inputs) = (url, component, name, value, inputs);
        }

        /// <summary>A page with several parameters of its own (few pages have).</summary>
        public PageJob(string url, Type component, IReadOnlyDictionary<string, object?> parameters, Action<Fingerprint, SiteModel, object?>? inputs = null)
        {
            (Url, Component, _parameters, _inputs) = (url, component, parameters, inputs);
        }

        public string Url { get; }

        public Type Component { get; }

        /// <summary>Every parameter the component is given, made when the page is rendered: the site, the URL and its own.</summary>
        public Dictionary<string, object?> Parameters(SiteModel site)
        {
            var values = new Dictionary<string, object?>(_parameters ?? None) { ["Site"] = site, ["Url"] = Url };
            if (_name is not null) values[_name] = _value;
            return values;
        }

        /// <summary>Whether the page says what it is made from (<see cref="AddInputs"/>); if not, it is made from everything.</summary>
        public bool ListsInputs => _inputs is not null;

        /// <summary>Adds what the page is made from, beside the layout's, to <paramref name="fingerprint"/>.</summary>
        public void AddInputs(Fingerprint fingerprint, SiteModel site) => _inputs?.Invoke(fingerprint, site, _value);
    }

    /// <summary>
    /// Renders every page and hands each (its URL and its HTML, in parts) to <paramref name="emit"/>, which must read the
    /// parts before it returns, each before it asks for the next (a part is good until then). Pages are rendered on
    /// every core, one <see cref="HtmlRenderer"/> per worker, so <paramref name="emit"/> is called from several threads
    /// at once and in no particular order; the model is only read. A page comes in one part unless it has long lists (<see cref="Parts{TItem}"/>), whose items are rendered
    /// <paramref name="batch"/> at a time.
    /// <para>
    /// Given <paramref name="reuse"/>, each page's inputs are hashed first (<see cref="PageFingerprints"/>) and it is
    /// asked, with the page's URL and that hash, whether the caller already has the page made from those inputs; if
    /// it says yes, the page is not rendered and not emitted.
    /// </para>
    /// </summary>
    /// <param name="first">Pages to render before all others (the build's search index waits for the About page).</param>
    public static async Task RenderAsync(SiteModel site, Func<string, IAsyncEnumerable<ReadOnlyMemory<char>>, Task> emit, int? workers = null, CancellationToken cancellation = default, int batch = PageRenderer.Batch, Func<string, UInt128, bool>? reuse = null, IReadOnlyCollection<string>? first = null)
    {
        // Given pages to render first (a build on every core), the pages made from the whole site (the home page, the
        // print page, the archived copies...), the longest, go next, so that no long page is started last while the
        // other cores wait. Otherwise (the preview server's write, on one core, which a newer edit cancels between
        // pages) in the navigation's order.
        var jobs = first is null ? Pages(site) : [.. Pages(site).OrderBy(j => first.Contains(j.Url) ? 0 : j.ListsInputs ? 2 : 1)];
        _ = site.Abbreviations; // built once, before the workers share it
        var fingerprints = reuse is null ? null : new PageFingerprints(site);
        var next = -1;
        async Task Work()
        {
            await using var renderer = new PageRenderer(site, batch);
            for (var i = Interlocked.Increment(ref next); i < jobs.Count; i = Interlocked.Increment(ref next))
            {
                cancellation.ThrowIfCancellationRequested();
                if (reuse is not null && reuse(jobs[i].Url, fingerprints!.Of(jobs[i]))) continue;
                await emit(jobs[i].Url, renderer.RenderAsync(jobs[i]));
            }
        }
        var count = Math.Clamp(workers ?? Environment.ProcessorCount, 1, Math.Max(1, jobs.Count));
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => Task.Run(Work)));
    }

    /// <summary>
    /// Pages rendered one at a time, when asked for, from one model: the preview server shows an edit this way
    /// without waiting for the whole site. The HTML is the same as <see cref="RenderAsync"/> gives for that URL.
    /// </summary>
    public sealed class OnDemand(SiteModel site)
    {
        private readonly Dictionary<string, PageJob> _jobs = Pages(site).ToDictionary(j => j.Url, StringComparer.Ordinal);

        public SiteModel Site => site;

        /// <summary>The page's HTML, or null if the site has no page at this URL. Safe to call from several requests at once.</summary>
        public async Task<string?> RenderAsync(string url)
        {
            if (!_jobs.TryGetValue(url, out var job)) return null;
            await using var renderer = new PageRenderer(site);
            var html = new System.Text.StringBuilder();
            await foreach (var part in renderer.RenderAsync(job)) html.Append(part.Span);
            return html.ToString();
        }
    }

    /// <summary>
    /// What each page is made from, hashed: the theme's and the generator's code, the page's URL and component, and
    /// then either the layout's inputs (<see cref="Layout.Page.Inputs"/>) and the page's own (<see cref="PageJob.AddInputs"/>),
    /// or, for a page that does not list its inputs, everything the site model is made from
    /// (<see cref="SiteModel.InputsHash"/>). Two pages with the same hash are the same page: the page-cache tests
    /// render both sites before and after edits of every kind of content and hold every page to that.
    /// </summary>
    public sealed class PageFingerprints(SiteModel site)
    {
        private readonly Lazy<byte[]> _layout = new(() => new Fingerprint().AddHash(Code.Value).Add(Layout.Page.Inputs(new Fingerprint(), site)).Hash());
        private readonly Lazy<byte[]> _everything = new(() => new Fingerprint().AddHash(Code.Value).AddHash(site.InputsHash).Hash());

        /// <summary>The code that turns a model into pages: this theme and the generator, and every library they use.</summary>
        private static readonly Lazy<byte[]> Code = new(() => Fingerprint.OfCode(typeof(SiteRenderer).Assembly, typeof(SiteModel).Assembly));

        public UInt128 Of(PageJob job)
        {
            var fingerprint = new Fingerprint().Add(job.Url).Add(job.Component.FullName);
            if (job.ListsInputs)
            {
                fingerprint.AddHash(_layout.Value);
                job.AddInputs(fingerprint, site);
            }
            else fingerprint.AddHash(_everything.Value);
            return fingerprint.ToUInt128();
        }
    }

    /// <summary>Every page of the site, in the order a reader meets them in the navigation.</summary>
    public static IReadOnlyList<PageJob> Pages(SiteModel site)
    {
        var jobs = new List<PageJob>();
        void Page<TPage>(string url, string? name = null, object? value = null, Action<Fingerprint, SiteModel, object?>? inputs = null) where TPage : IComponent =>
            jobs.Add(new PageJob(url, typeof(TPage), name, value, inputs));

        Page<HomePage>(SiteUrls.Home);
        foreach (var entry in site.Entries)
            Page<EntryPage>(SiteUrls.Entry(entry.Id), "Entry", entry, static (inputs, site, entry) => EntryPage.Inputs(inputs, site, (ChronologyEntry)entry!));
        foreach (var year in site.Years)
            Page<YearPage>(SiteUrls.YearPage(year.Year), "Year", year, static (inputs, site, year) => YearPage.Inputs(inputs, site, (YearGroup)year!));
        Page<AtAGlancePage>(SiteUrls.AtAGlance);
        Page<SourceRegisterPage>(SiteUrls.SourceRegister);
        foreach (var source in site.Sources)
            Page<SourcePage>(SiteUrls.Source(source.Id), "Source", source, static (inputs, site, source) => SourcePage.Inputs(inputs, site, (Source)source!));
        foreach (var source in site.ArchivedSources)
            Page<ArchivedCopyPage>(SiteUrls.ArchivedCopy(source.Id), "Source", source);
        if (site.ReviewItems.Count > 0)
        {
            Page<ReviewPage>(SiteUrls.Review);
            foreach (var item in site.ReviewItems)
                Page<ReviewItemPage>(SiteUrls.ReviewItem(item.Id), "Item", item);
        }
        if (site.Registers.Count > 0 || site.Documents.Count > 0)
        {
            Page<DocumentsPage>(SiteUrls.Documents);
            foreach (var register in site.Registers)
                Page<RegisterPage>(SiteUrls.Register(register.Id), "Register", register);
            foreach (var risk in site.Evidence.Risks)
                Page<RiskPage>(SiteUrls.Risk(risk.Id), "Risk", risk);
            foreach (var document in site.Documents)
                Page<DocumentPage>(SiteUrls.Document(document.Id), "Document", document);
        }
        if (site.People.Count > 0) Page<PeoplePage>(SiteUrls.People);
        Page<TagIndexPage>(SiteUrls.TagIndex);
        foreach (var (tag, entries) in site.Tags)
            jobs.Add(new PageJob(SiteUrls.Tag(tag), typeof(TagPage), new Dictionary<string, object?> { ["Tag"] = tag, ["Entries"] = entries }, (inputs, site, _) => TagPage.Inputs(inputs, site, tag, entries)));
        Page<OrganisationIndexPage>(SiteUrls.OrganisationIndex);
        foreach (var organisation in site.Organisations)
            Page<OrganisationPage>(SiteUrls.Organisation(organisation.Id), "Organisation", organisation, static (inputs, site, organisation) => OrganisationPage.Inputs(inputs, site, (Organisation)organisation!));
        Page<EvidenceHealthPage>(SiteUrls.EvidenceHealth);
        Page<ChangesPage>(SiteUrls.Changes);
        Page<SearchPage>(SiteUrls.Search);
        Page<PrintPage>(SiteUrls.Print);
        if (site.AboutPage is { } about) Page<FreePagePage>(SiteUrls.About, "FreePage", about);
        else Page<AboutPage>(SiteUrls.About);
        foreach (var page in site.Pages)
            Page<FreePagePage>(SiteUrls.Page(page.Id), "FreePage", page);
        if (site.Evidence.Glossary.Count > 0) Page<GlossaryPage>(SiteUrls.Glossary);
        Page<NotFoundPage>(SiteUrls.NotFound);
        return jobs;
    }

    /// <summary>
    /// A Razor <see cref="HtmlRenderer"/> with its services: one per thread that renders. A renderer keeps every root
    /// component it has rendered, with its whole render tree, until it is disposed, so it is replaced once the renders
    /// it holds come to <see cref="RetainedChars"/> characters of HTML or <see cref="RendersPerRenderer"/> renders:
    /// memory stays bounded by that, not by the size of the site. Few renders: a render tree's arrays go back to the
    /// shared pool only when its renderer is disposed, and then the next renderer's renders take them instead of new
    /// ones (8 instead of 64: the real site's build allocates 66 MB instead of 71, a 10,000-entry build peaks at 215 MB
    /// instead of 244; docs/performance.md). A page's long lists (<see cref="Parts{TItem}"/>)
    /// are rendered after the rest of the page, <see cref="Batch"/> items at a time (by default), each batch a render
    /// of its own, and the page is handed on in parts as they come: so no page is ever one large render tree or one
    /// large string, however many entries it lists. Nor is a page copied into a string of its own: each part handed on
    /// is a slice of the buffer it was rendered into, or of the abbreviation pass's, good until the next is asked for.
    /// </summary>
    private sealed class PageRenderer(SiteModel site, int batch = PageRenderer.Batch) : IAsyncDisposable
    {
        public const int RendersPerRenderer = 8;
        public const int RetainedChars = 1 << 20;
        public const int Batch = 100;
        private static readonly ThemeServices Services = new();
        private HtmlRenderer? _renderer;
        private Abbreviations.Expander? _abbreviations;
        private readonly List<HtmlBuffer> _buffers = [];
        private int _renders;
        private long _chars;

        /// <summary>The page's HTML, in parts, with its abbreviations expanded: each part good until the next is asked for.</summary>
        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "Page components are this assembly's, which a native build keeps whole (TrimmerRootAssembly in Chronology.Cli).")]
        public async IAsyncEnumerable<ReadOnlyMemory<char>> RenderAsync(PageJob job)
        {
            var values = job.Parameters(site);
            RenderFragment page = builder =>
            {
                builder.OpenComponent(0, job.Component);
                foreach (var (name, value) in values) builder.AddComponentParameter(1, name, value);
                builder.CloseComponent();
            };
            var abbreviations = _abbreviations ??= site.Abbreviations.Start();
            abbreviations.Reset();
            await foreach (var part in RenderPartsAsync(page))
            {
                if (abbreviations.Next(part) is { Length: > 0 } html) yield return html;
            }
            if (abbreviations.Finish() is { Length: > 0 } rest) yield return rest;
        }

        /// <summary>
        /// Renders <paramref name="content"/>, then each list it left for later in its place, batch by batch. Each
        /// part is a slice of the buffer of its depth (<see cref="HtmlBuffer"/>), good until the next part is asked for.
        /// </summary>
        private async IAsyncEnumerable<ReadOnlyMemory<char>> RenderPartsAsync(RenderFragment content, int depth = 0)
        {
            var parts = new PageParts();
            var html = await RenderOnceAsync(parts, content, depth);
            foreach (var (piece, list) in parts.Split(html))
            {
                if (piece.Length > 0) yield return piece;
                if (list is not var (count, item)) continue;
                for (var from = 0; from < count; from += batch)
                {
                    var (first, end) = (from, Math.Min(count, from + batch));
                    RenderFragment items = builder =>
                    {
                        for (var i = first; i < end; i++) builder.AddContent(0, item(i));
                    };
                    await foreach (var inner in RenderPartsAsync(items, depth + 1)) yield return inner;
                }
            }
        }

        /// <summary>
        /// One render, written into the buffer of its depth: a list's batches are rendered while the page around them
        /// is still being handed on, so each depth has its own, and each is used again for every render at its depth.
        /// </summary>
        private async Task<ReadOnlyMemory<char>> RenderOnceAsync(PageParts parts, RenderFragment content, int depth)
        {
            var renderer = _renderer ??= new HtmlRenderer(Services, NullLoggerFactory.Instance);
            var values = new Dictionary<string, object?> { [nameof(PartHost.Parts)] = parts, [nameof(PartHost.Content)] = content };
            if (depth == _buffers.Count) _buffers.Add(new HtmlBuffer());
            var buffer = _buffers[depth];
            buffer.Clear();
            await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync<PartHost>(ParameterView.FromDictionary(values))).WriteHtmlTo(buffer));
            _renders++;
            _chars += buffer.Written.Length;
            if (_renders >= RendersPerRenderer || _chars >= RetainedChars)
            {
                await renderer.DisposeAsync();
                (_renderer, _renders, _chars) = (null, 0, 0);
            }
            return buffer.Written;
        }

        public async ValueTask DisposeAsync()
        {
            if (_renderer is not null) await _renderer.DisposeAsync();
        }
    }

    /// <summary>The theme's own files (stylesheet, scripts, icons), by site URL; the build writes them.</summary>
    public static IEnumerable<(string Url, byte[] Bytes)> Assets()
    {
        var assembly = typeof(SiteRenderer).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("assets/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            yield return ("/" + name, buffer.ToArray());
        }
    }

    /// <summary>The web app manifest: the site's name and icons, for a browser's bookmarks and home screens.</summary>
    public static string WebManifest(SiteModel site)
    {
        var shortName = site.Site.Title.Split(" — ")[0];
        return WebAppManifest.ToJson(new WebAppManifest(
            site.Site.Title,
            shortName.Length <= 30 ? shortName : "Chronology",
            site.Site.Description,
            site.Site.Language,
            StartUrl: "./",
            Display: "browser",
            BackgroundColor: "#ffffff",
            ThemeColor: "#0b6b4f",
            [
                new WebAppManifest.Icon("assets/favicon.svg", "any", "image/svg+xml"),
                new WebAppManifest.Icon("assets/icon-192.png", "192x192", "image/png"),
                new WebAppManifest.Icon("assets/icon-512.png", "512x512", "image/png"),
            ]));
    }
}
