using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Chronology.Cli;
using Chronology.Diagnostics;

namespace Chronology.Tests;

/// <summary>
/// The real content/ (the SIM chronology), built once per test run into a temporary folder that no test writes to,
/// and deleted when the run ends. Every class that reads the real site's output (these tests, the reader tests, the
/// browser tests and the Nu HTML Checker) shares this one build; the first to ask builds it, the others wait for it.
/// </summary>
public sealed class RealSite : IAsyncLifetime
{
    private static readonly Lazy<Task<(string Output, BuildResult Result)>> Built = new(() => Task.Run(BuildAsync));

    public string Output { get; private set; } = "";

    public BuildResult Result { get; private set; } = default!;

    /// <summary>The one build of the run: its folder and result.</summary>
    public static Task<(string Output, BuildResult Result)> BuildOnceAsync() => Built.Value;

    public async ValueTask InitializeAsync() => (Output, Result) = await BuildOnceAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task<(string, BuildResult)> BuildAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), "chronology-real-" + Guid.NewGuid().ToString("N"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
                File.Delete(output + ".cache"); // the output cache, kept beside it rather than in the repository's obj/
            }
            catch (IOException) { }
        };
        return (output, await SiteBuild.RunAsync(RepoPaths.Content, output, outputCache: output + ".cache"));
    }

    /// <summary>Every HTML page the build wrote, by site URL path ("entries/x/index.html").</summary>
    public IEnumerable<(string Path, AngleSharp.Dom.IDocument Page)> Pages()
    {
        var parser = new HtmlParser();
        foreach (var file in Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            yield return (Path.GetRelativePath(Output, file).Replace('\\', '/'), parser.ParseDocument(File.ReadAllText(file)));
    }

    public AngleSharp.Dom.IDocument Page(string relative) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(Output, relative)));
}

/// <summary>Builds the real content/ (the SIM chronology) once and checks that what the documents hold is on the site.</summary>
public sealed partial class RealContentTests(RealSite site) : IClassFixture<RealSite>
{
    private readonly string _output = site.Output;
    private readonly BuildResult _result = site.Result;

    [GeneratedRegex(@"https?://[^\s)>""]+")]
    private static partial Regex UrlPattern();

    [Fact]
    public void Every_page_has_a_title_of_its_own()
    {
        var shared = site.Pages().Where(p => p.Path != "404.html")
            .GroupBy(p => p.Page.Title ?? "", StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"“{g.Key}”: {string.Join(", ", g.Select(p => p.Path))}")
            .ToList();
        Assert.True(shared.Count == 0, "pages share a title:\n" + string.Join("\n", shared));
    }

    [Fact]
    public void The_favicon_and_web_manifest_are_published_and_every_page_links_them()
    {
        Assert.True(File.Exists(Path.Combine(_output, "favicon.ico")), "browsers ask for /favicon.ico whatever the page says");
        var ico = File.ReadAllBytes(Path.Combine(_output, "favicon.ico"));
        Assert.Equal([0, 0, 1, 0], ico[..4]); // an ICO header
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, "site.webmanifest")));
        Assert.False(string.IsNullOrEmpty(manifest.RootElement.GetProperty("name").GetString()));
        foreach (var icon in manifest.RootElement.GetProperty("icons").EnumerateArray())
            Assert.True(File.Exists(Path.Combine(_output, icon.GetProperty("src").GetString()!)), icon.GetProperty("src").GetString());
        var home = site.Page("index.html");
        Assert.NotNull(home.QuerySelector("link[rel=icon][type='image/svg+xml']"));
        Assert.Equal("site.webmanifest", home.QuerySelector("link[rel=manifest]")!.GetAttribute("href"));
        Assert.Contains("manifest-src 'self'", home.QuerySelector("meta[http-equiv=Content-Security-Policy]")!.GetAttribute("content"));
    }

    [Fact]
    public void The_real_content_builds_without_errors()
    {
        Assert.True(_result.Published, string.Join("\n", _result.Diagnostics.Items.Where(d => d.Severity == Severity.Error)));
    }

    [Fact]
    public void What_the_readme_says_a_clean_build_prints_is_what_it_prints()
    {
        // The README quotes the build's own summary for the first thing a new maintainer runs: it must stay true.
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var counts = Regex.Matches(readme, @"built (\d+) pages \((\d+) files");
        Assert.True(counts.Count >= 2, "the README quotes a clean build and a second build");
        foreach (Match quoted in counts)
            Assert.Equal((_result.PageCount, _result.FileCount), (int.Parse(quoted.Groups[1].Value), int.Parse(quoted.Groups[2].Value)));
        var errors = _result.Diagnostics.Items.Count(d => d.Severity == Severity.Error);
        Assert.Contains($"{errors} error(s), {_result.Diagnostics.Items.Count - errors} warning(s)", readme);
    }

    [Fact]
    public void All_32_items_of_annex_1_are_entries_in_order()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, "data", "chronology.json")));
        var annexItems = json.RootElement.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("annexItem").ValueKind == JsonValueKind.Number)
            .Select(e => e.GetProperty("annexItem").GetInt32())
            .ToList();

        Assert.Equal(Enumerable.Range(1, 32), annexItems.Order());
        // Annex 1 is itself in date order, so our order keeps its numbering rising, except where an item's date
        // can begin earlier than its neighbour's ("Late 2017" items against a "November 2017" one).
        Assert.Equal(1, annexItems[0]);
        Assert.Equal(32, annexItems.Max());
        foreach (var item in Enumerable.Range(1, 32))
            Assert.True(File.Exists(Path.Combine(_output, "entries", EntryId(json, item), "index.html")));
    }

    [Fact]
    public void Every_url_in_the_seed_documents_is_in_the_source_register()
    {
        var snapshots = Directory.GetFiles(Path.Combine(RepoPaths.Content, "snapshots"), "*.txt");
        var seedUrls = snapshots.SelectMany(f => UrlPattern().Matches(File.ReadAllText(f)).Select(m => m.Value)).ToHashSet();
        // Two URLs in the extraction are cut off at a line break ("https://healthinnovationnetwork.com/wp-"); their
        // complete forms are elsewhere in the same text.
        var complete = seedUrls.Where(u => !u.EndsWith('-')).ToHashSet();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, "data", "chronology.json")));
        var registered = json.RootElement.GetProperty("sources").EnumerateArray()
            .SelectMany(s => new[] { s.GetProperty("url").GetString() }.Concat(s.GetProperty("alsoAt").EnumerateArray().Select(a => a.GetString())))
            .OfType<string>()
            .ToHashSet();

        Assert.Equal(23, complete.Count);
        Assert.Empty(complete.Except(registered));
        Assert.All(seedUrls.Except(complete), cut => Assert.Contains(complete, u => u.StartsWith(cut, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_five_documents_the_site_holds_have_their_quoted_passages_published_in_context()
    {
        string[] archived = ["ahsn-foi-bundle-2021", "ahsn-network-commentary-2023", "hin-resources-page", "sim-london-implementation-report-2018", "turner-discussion-post-2021"];
        foreach (var id in archived)
        {
            var copy = site.Page($"sources/{id}/copy/index.html");
            Assert.NotEmpty(copy.QuerySelectorAll("ol.passages li.passage mark"));
            Assert.Null(copy.QuerySelector(".full-text")); // no source declares archive: full
            Assert.NotNull(site.Page($"sources/{id}/index.html").QuerySelector($"a[href='copy/']"));
        }
        Assert.Equal(archived, Directory.GetDirectories(Path.Combine(_output, "sources")).Where(d => Directory.Exists(Path.Combine(d, "copy"))).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void The_source_register_and_every_page_type_are_published()
    {
        var register = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_output, "sources", "index.html")));
        var sourceCount = Directory.GetFiles(Path.Combine(RepoPaths.Content, "sources"), "*.yml").Length;

        Assert.Equal(sourceCount, register.QuerySelectorAll("tbody tr").Length);
        foreach (var page in new[] { "index.html", "sources/index.html", "organisations/index.html", "about/index.html", "evidence/index.html", "404.html" })
            Assert.True(File.Exists(Path.Combine(_output, page)), page);
        Assert.Equal(sourceCount, Directory.GetDirectories(Path.Combine(_output, "sources")).Length);
        Assert.Equal(
            Directory.GetFiles(Path.Combine(RepoPaths.Content, "organisations"), "*.yml").Length,
            Directory.GetDirectories(Path.Combine(_output, "organisations")).Length);
    }

    [Fact]
    public void No_quote_fails_its_check_and_annex_quotes_are_verified_against_the_commentary()
    {
        var errors = _result.Diagnostics.Items.Where(d => d.Code is DiagnosticCodes.QuoteNotFound or DiagnosticCodes.QuoteWrongPage or DiagnosticCodes.QuoteWrongDocument);
        Assert.Empty(errors);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, "data", "chronology.json")));
        var first = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_output, "entries", EntryId(json, 1), "index.html")));
        Assert.StartsWith("Quotation checked against this site's copy of AHSN Network commentary on the Independent Review of its involvement in the adoption of SIM, page 10. Read it in context (page 10).",
            Regex.Replace(first.QuerySelector(".quote-status-verified")!.TextContent, @"\s+", " ").Trim().TrimStart('✓').Trim());
        var cqc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_output, "entries", EntryId(json, 3), "index.html")));
        Assert.NotNull(cqc.QuerySelector(".quote-status-verifiedasquoted"));
    }

    [Fact]
    public void The_review_conclusions_and_recommendations_each_have_the_networks_response()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, "data", "chronology.json")));
        var items = json.RootElement.GetProperty("reviewItems").EnumerateArray().ToList();
        var responses = json.RootElement.GetProperty("responses").EnumerateArray().ToList();

        Assert.Equal(["4.1", "4.2", "4.3", "4.4", "4.5", "4.6"],
            items.Where(i => i.GetProperty("kind").GetString() == "conclusion").Select(i => i.GetProperty("section").GetString()));
        Assert.Equal(7, items.Count(i => i.GetProperty("kind").GetString() == "recommendation"));
        foreach (var item in items)
            Assert.Single(responses, r => r.GetProperty("respondsTo").GetString() == item.GetProperty("id").GetString());
        Assert.True(File.Exists(Path.Combine(_output, "review", "index.html")));
    }

    [Fact]
    public void The_search_payload_is_within_budget_and_lunr_indexes_it()
    {
        static long Gzipped(string path)
        {
            using var output = new MemoryStream();
            using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
                gzip.Write(File.ReadAllBytes(path));
            return output.Length;
        }
        var payload = Gzipped(Path.Combine(_output, "assets", "lunr.min.js")) + Gzipped(Path.Combine(_output, "assets", "search.js"))
            + Gzipped(Path.Combine(_output, "search", "index.json"));
        Assert.True(payload <= 100 * 1024, $"search payload is {payload} bytes gzipped; the budget is 100 KB");

        // Build the index with the real lunr the site ships and run a query, as the browser does.
        var script = "const lunr=require('lunr');const data=require(process.argv[1]);" +
            "const idx=lunr(function(){this.ref('url');this.field('title',{boost:10});this.field('quotes',{boost:5});this.field('text');data.documents.forEach(d=>this.add(d));});" +
            "console.log(idx.search('Surrey').map(r=>r.ref).join('\\n'));";
        var start = new System.Diagnostics.ProcessStartInfo("node", ["-e", script, Path.Combine(_output, "search", "index.json")])
        {
            WorkingDirectory = Path.Combine(RepoPaths.Root, "theme", "Chronology.Theme"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = System.Diagnostics.Process.Start(start)!;
        var results = node.StandardOutput.ReadToEnd();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0, node.StandardError.ReadToEnd());
        Assert.Contains("/entries/2017-sim-adopted-in-surrey-shipp/", results.Split('\n'));
    }

    [Fact]
    public void Every_page_a_reader_can_land_on_is_in_the_search_index()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, "search", "index.json")));
        var documents = json.RootElement.GetProperty("documents").EnumerateArray().ToList();
        var indexed = documents.Select(d => d.GetProperty("url").GetString()!.Split('#')[0]).ToHashSet();
        // The print page is the whole chronology again; the search page and the 404 page are not destinations.
        var pages = site.Pages().Select(p => p.Path).Where(p => p.EndsWith("index.html", StringComparison.Ordinal))
            .Select(p => "/" + p[..^"index.html".Length]).Where(u => u is not "/print/" and not "/search/").ToList();
        Assert.DoesNotContain(pages, p => !indexed.Contains(p));
        Assert.Equal(["copy", "document", "entry", "organisation", "page", "person", "register", "review", "risk", "source", "tag", "year"],
            documents.Select(d => d.GetProperty("type").GetString()).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(documents, d => d.GetProperty("url").GetString() == "/sources/stopsim-petition/" && d.GetProperty("names").GetString() == "Stop SIM");
        // Results show dates in the one plain form, never as numbers alone ("04/12/2018").
        var dates = documents.Where(d => d.TryGetProperty("date", out _)).Select(d => d.GetProperty("date").GetString()!).ToList();
        Assert.NotEmpty(dates);
        Assert.DoesNotContain(dates, d => System.Text.RegularExpressions.Regex.IsMatch(d, @"[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{2,4}"));
    }

    [Fact]
    public void Every_seed_document_is_on_the_site_as_a_register_a_document_page_or_the_review()
    {
        var evidence = Chronology.Loading.ContentLoader.Load(RepoPaths.Content, new DiagnosticBag());
        var seeds = evidence.Snapshots.Keys.Order().ToList();
        Assert.Equal(["ahsn-foi-bundle-2021", "ahsn-network-commentary-2023", "hin-resources-page", "sim-london-implementation-report-2018", "turner-discussion-post-2021"], seeds);
        foreach (var seed in seeds)
        {
            var pages = evidence.Registers.Where(r => r.QuotedFrom.Id == seed).Select(r => $"registers/{r.Id}/")
                .Concat(evidence.Documents.Where(d => d.QuotedFrom.Id == seed).Select(d => $"documents/{d.Id}/"))
                .Concat(evidence.ReviewItems.Where(i => i.Text.SourceId == seed).Select(i => $"review/{i.Id}/"))
                .ToList();
            Assert.True(pages.Count > 0, $"nothing on the site presents the contents of {seed}");
            Assert.All(pages, page => Assert.True(File.Exists(Path.Combine(_output, page, "index.html")), page));
        }
        // The FOI bundle in full: both registers, all twelve risks, the scoring matrix and documents 2a-2d.
        Assert.Equal([5, 7], evidence.Registers.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => evidence.Risks.Count(k => k.Register.Id == r.Id)));
        Assert.Single(evidence.Matrices);
        foreach (var source in new[] { "ahsn-q4-report-2019-20-extract", "sim-12-core-elements-checklist", "sim-equivalence-core-principles-protocol", "wessex-ahsn-note-to-chief-officers-2020-03-13" })
            Assert.Contains(evidence.Documents, d => d.Source.Id == source);
        Assert.True(evidence.People.Count >= 8);
    }

    [Fact]
    public void The_registers_keep_the_documents_figures_with_editorial_notes()
    {
        var parser = new HtmlParser();
        var op1 = parser.ParseDocument(File.ReadAllText(Path.Combine(_output, "risks", "2018-19-op1-nhs-england-targets", "index.html")));
        Assert.Contains("£1,706,5262", op1.QuerySelector("#mitigations")!.ParentElement!.TextContent);
        Assert.Contains("its last group of digits has four figures rather than three", op1.QuerySelector("section.notes")!.TextContent);
        Assert.Contains("5 (Almost Certain)", op1.QuerySelector("dl.facts")!.TextContent);

        var note = parser.ParseDocument(File.ReadAllText(Path.Combine(_output, "documents", "note-to-chief-officers-2020-03-13", "index.html")));
        var figures = note.QuerySelectorAll("table.figures td.figure-value").Select(td => td.TextContent).ToList();
        Assert.Equal(["60%", "327", "550", "34", "50", "500", "£6,000"], figures);

        var register = parser.ParseDocument(File.ReadAllText(Path.Combine(_output, "registers", "ahsn-sim-risk-register-2018-19", "index.html")));
        Assert.Equal(["OP1", "SC1", "OP2", "OP3", "OP4", "OP5", "OF1"], register.QuerySelectorAll("table.risks tbody th").Select(th => th.TextContent));
    }

    private static string EntryId(JsonDocument json, int item) =>
        json.RootElement.GetProperty("entries").EnumerateArray()
            .First(e => e.GetProperty("annexItem").ValueKind == JsonValueKind.Number && e.GetProperty("annexItem").GetInt32() == item)
            .GetProperty("id").GetString()!;
}
