using System.Collections.Concurrent;
using System.Text;
using Chronology.Cli;
using Chronology.Diagnostics;
using Chronology.Theme;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chronology.Tests.Site;

/// <summary>
/// Pages with long lists (every entry on the home and print pages, a year's or a tag's entries, the print page's notes)
/// are rendered in parts, a batch of items at a time, and written as they come, so that no page of a large site is
/// one render tree or one string. The HTML must be exactly what rendering the page in one piece gives.
/// </summary>
public class PagePartsTests
{
    public static TheoryData<string, int> Sites() => new()
    {
        { "real", 100 }, { "real", 3 }, { "bridges", 100 }, { "bridges", 2 },
    };

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task Every_page_in_parts_is_the_page_rendered_in_one_piece(string name, int batch)
    {
        var diagnostics = new DiagnosticBag();
        var site = SiteBuild.Prepare(name == "real" ? RepoPaths.Content : RepoPaths.BridgesContent, diagnostics);
        Assert.True(site is not null, string.Join("\n", diagnostics.Items));
        var parts = new ConcurrentDictionary<string, (int Count, string Html)>(StringComparer.Ordinal);

        await SiteRenderer.RenderAsync(site, async (url, page) =>
        {
            var (count, html) = (0, new StringBuilder());
            await foreach (var part in page)
            {
                count++;
                html.Append(part);
            }
            parts[url] = (count, html.ToString());
        }, batch: batch);

        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        foreach (var job in SiteRenderer.Pages(site))
        {
            var values = job.Parameters(site);
            var whole = await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync(job.Component, ParameterView.FromDictionary(values))).ToHtmlString());
            Assert.True(site.Abbreviations.Expand(whole) == parts[job.Url].Html, $"{job.Url} in parts differs from the page in one piece");
        }

        // The long lists did come in parts (more, the smaller the batch); a page without one is a single part.
        var entries = site.Entries.Count;
        Assert.InRange(parts["/print/"].Count, batch < entries ? 2 + entries / batch : 2, int.MaxValue);
        Assert.True(parts["/"].Count > site.Years.Count, $"the home page came in {parts["/"].Count} parts");
        Assert.True(parts["/at-a-glance/"].Count > site.Years.Count, $"the at-a-glance page came in {parts["/at-a-glance/"].Count} parts");
        Assert.Equal(1, parts[Chronology.Site.SiteUrls.About].Count);
        Assert.Equal(1, parts[Chronology.Site.SiteUrls.Entry(site.Entries[0].Id)].Count);
    }
}
