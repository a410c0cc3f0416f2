using Chronology.Site;
using Chronology.Theme.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chronology.Theme;

/// <summary>
/// The theme: a function from the site model to HTML. Renders every page with the Razor components and hands each
/// (its URL and HTML) to <c>emit</c>; it writes nothing itself; the build decides where pages go.
/// </summary>
public static class SiteRenderer
{
    public static async Task RenderAsync(SiteModel site, Action<string, string> emit)
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());

        async Task Page<TPage>(string url, Dictionary<string, object?>? parameters = null) where TPage : IComponent
        {
            var values = new Dictionary<string, object?>(parameters ?? []) { ["Site"] = site, ["Url"] = url };
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(values))).ToHtmlString());
            emit(url, site.Abbreviations.Expand(html));
        }

        await Page<HomePage>(SiteUrls.Home);
        foreach (var entry in site.Entries)
        {
            await Page<EntryPage>(SiteUrls.Entry(entry.Id), new() { ["Entry"] = entry });
        }
        foreach (var year in site.Years)
            await Page<YearPage>(SiteUrls.YearPage(year.Year), new() { ["Year"] = year });
        await Page<AtAGlancePage>(SiteUrls.AtAGlance);
        await Page<SourceRegisterPage>(SiteUrls.SourceRegister);
        foreach (var source in site.Sources)
        {
            await Page<SourcePage>(SiteUrls.Source(source.Id), new() { ["Source"] = source });
        }
        foreach (var source in site.ArchivedSources)
            await Page<ArchivedCopyPage>(SiteUrls.ArchivedCopy(source.Id), new() { ["Source"] = source });
        if (site.ReviewItems.Count > 0)
        {
            await Page<ReviewPage>(SiteUrls.Review);
            foreach (var item in site.ReviewItems)
                await Page<ReviewItemPage>(SiteUrls.ReviewItem(item.Id), new() { ["Item"] = item });
        }
        if (site.Registers.Count > 0 || site.Documents.Count > 0)
        {
            await Page<DocumentsPage>(SiteUrls.Documents);
            foreach (var register in site.Registers)
                await Page<RegisterPage>(SiteUrls.Register(register.Id), new() { ["Register"] = register });
            foreach (var risk in site.Evidence.Risks)
                await Page<RiskPage>(SiteUrls.Risk(risk.Id), new() { ["Risk"] = risk });
            foreach (var document in site.Documents)
                await Page<DocumentPage>(SiteUrls.Document(document.Id), new() { ["Document"] = document });
        }
        if (site.People.Count > 0) await Page<PeoplePage>(SiteUrls.People);
        await Page<TagIndexPage>(SiteUrls.TagIndex);
        foreach (var (tag, entries) in site.Tags)
            await Page<TagPage>(SiteUrls.Tag(tag), new() { ["Tag"] = tag, ["Entries"] = entries });
        await Page<OrganisationIndexPage>(SiteUrls.OrganisationIndex);
        foreach (var organisation in site.Organisations)
            await Page<OrganisationPage>(SiteUrls.Organisation(organisation.Id), new() { ["Organisation"] = organisation });
        await Page<EvidenceHealthPage>(SiteUrls.EvidenceHealth);
        await Page<SearchPage>(SiteUrls.Search);
        await Page<PrintPage>(SiteUrls.Print);
        if (site.AboutPage is { } about) await Page<FreePagePage>(SiteUrls.About, new() { ["FreePage"] = about });
        else await Page<AboutPage>(SiteUrls.About);
        foreach (var page in site.Pages)
            await Page<FreePagePage>(SiteUrls.Page(page.Id), new() { ["FreePage"] = page });
        if (site.Evidence.Glossary.Count > 0) await Page<GlossaryPage>(SiteUrls.Glossary);
        await Page<NotFoundPage>(SiteUrls.NotFound);

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
