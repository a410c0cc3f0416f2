using AngleSharp.Html.Parser;

namespace Chronology.Publishing;

/// <summary>What the link checker needs to know of a written HTML page: its element ids and its links.</summary>
public sealed record PageRecord(string Url, string OutputPath, IReadOnlySet<string> Ids, IReadOnlyList<PageLink> Links, string? BaseHref)
{
    private static readonly HtmlParserOptions Options = new() { IsKeepingSourceReferences = true };

    public static PageRecord Parse(string url, string outputPath, string html)
    {
        var document = new HtmlParser(Options).ParseDocument(html);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in document.QuerySelectorAll("[id]")) ids.Add(element.Id!);
        foreach (var anchor in document.QuerySelectorAll("a[name]")) ids.Add(anchor.GetAttribute("name")!);

        var links = new List<PageLink>();
        foreach (var element in document.QuerySelectorAll("a[href], area[href], link[href], script[src], img[src], iframe[src], source[src], video[src], audio[src]"))
        {
            var target = element.GetAttribute("href") ?? element.GetAttribute("src")!;
            var position = element.SourceReference?.Position;
            links.Add(new PageLink(target, position?.Line ?? 1, position?.Column ?? 1));
        }
        // Responsive images name their candidates in srcset ("a.png 1x, b.png 2x"): each must exist too.
        foreach (var element in document.QuerySelectorAll("img[srcset], source[srcset]"))
        {
            var position = element.SourceReference?.Position;
            foreach (var candidate in SrcsetCandidates(element.GetAttribute("srcset")!))
                links.Add(new PageLink(candidate, position?.Line ?? 1, position?.Column ?? 1));
        }
        var baseHref = document.QuerySelector("base[href]")?.GetAttribute("href");
        return new PageRecord(url, outputPath, ids, links, baseHref);
    }

    /// <summary>The URLs of a srcset: comma-separated candidates, each a URL and an optional width or density.</summary>
    public static IEnumerable<string> SrcsetCandidates(string srcset) =>
        srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(candidate => candidate.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0]);
}
