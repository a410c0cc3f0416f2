using BenchmarkDotNet.Attributes;
using Chronology.Diagnostics;
using Chronology.Links;
using Chronology.Loading;
using Chronology.Model;
using Chronology.Site;
using Chronology.Theme.Pages;
using Chronology.Validation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chronology.Benchmarks;

/// <summary>
/// The build's hot paths on the real content (content/), each alone: loading, quote verification, the search index
/// and rendering pages with the theme's Razor components. Pages are rendered here with an <see cref="HtmlRenderer"/>
/// of the benchmark's own, as SiteRenderer does, so that these benchmarks do not depend on how SiteRenderer
/// schedules its pages.
/// </summary>
[MemoryDiagnoser]
public class RealContentBenchmarks
{
    private string _content = null!;
    private Evidence _evidence = null!;
    private SiteModel _site = null!;
    private ChronologyEntry _entry = null!;
    private ServiceProvider _services = null!;
    private HtmlRenderer _renderer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _content = ContentFolder();
        var diagnostics = new DiagnosticBag();
        _evidence = ContentLoader.Load(_content, diagnostics);
        var checkedEvidence = EvidenceChecks.Run(_evidence, LinkStatusFile.Read(_content, diagnostics), diagnostics);
        if (diagnostics.HasErrors) throw new InvalidOperationException($"the content at {_content} has errors; run `check` first");
        _site = new SiteModel(checkedEvidence);
        // The entry with the most citations: the heaviest entry page.
        _entry = _site.Entries.OrderByDescending(e => e.Citations.Count).ThenBy(e => e.Id, StringComparer.Ordinal).First();
        _services = new ServiceCollection().AddLogging().BuildServiceProvider();
        _renderer = new HtmlRenderer(_services, _services.GetRequiredService<ILoggerFactory>());
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _renderer.DisposeAsync();
        await _services.DisposeAsync();
    }

    /// <summary>Reads every content file (YAML, Markdown, archived texts) into the model.</summary>
    [Benchmark]
    public Evidence LoadContent() => ContentLoader.Load(_content, new DiagnosticBag());

    /// <summary>Looks every quotation up in the archived text of its source.</summary>
    [Benchmark]
    public IntegrityReport VerifyQuotes() => QuoteVerifier.Verify(_evidence, new DiagnosticBag());

    /// <summary>search/index.json from the model (without the About page's rendered text, which needs written pages).</summary>
    [Benchmark]
    public string BuildSearchIndex() => SearchIndexExport.ToJson(_site);

    /// <summary>One entry page (the one with the most citations), HTML as a string.</summary>
    [Benchmark]
    public Task<string> RenderEntryPage() =>
        Render<EntryPage>(SiteUrls.Entry(_entry.Id), new() { ["Entry"] = _entry });

    /// <summary>The home page: the whole timeline on one page.</summary>
    [Benchmark]
    public Task<string> RenderHomePage() => Render<HomePage>(SiteUrls.Home);

    private async Task<string> Render<TPage>(string url, Dictionary<string, object?>? parameters = null) where TPage : IComponent
    {
        var values = new Dictionary<string, object?>(parameters ?? []) { ["Site"] = _site, ["Url"] = url };
        var html = await _renderer.Dispatcher.InvokeAsync(async () =>
            (await _renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(values))).ToHtmlString());
        return _site.Abbreviations.Expand(html);
    }

    /// <summary>$CHRONOLOGY_CONTENT, or the content/ folder of the repository this runs from.</summary>
    private static string ContentFolder()
    {
        if (Environment.GetEnvironmentVariable("CHRONOLOGY_CONTENT") is { Length: > 0 } configured) return Path.GetFullPath(configured);
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Chronology.sln")))
                    return Path.Combine(directory.FullName, "content");
            }
        }
        throw new InvalidOperationException("cannot find the repository's content/ folder; set CHRONOLOGY_CONTENT");
    }
}
