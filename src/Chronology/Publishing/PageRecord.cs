using AngleSharp.Html.Parser;

namespace Chronology.Publishing;

/// <summary>
/// What the link checker needs to know of a written HTML page: its element ids and its links.
/// <para>
/// Kept packed, because a build keeps every page's record until its links are checked at the end: the ids end to end
/// in one string (sorted, each once), the links' targets end to end in another, and where each ends, with each link's
/// line and column, in arrays of numbers. A page is then six objects however many links it has, none of them
/// pointing at another, so the collector, which must look at everything still alive each time it looks at the whole
/// heap, no longer walks millions of small strings (a 100,000-entry site has over four million ids and links).
/// </para>
/// </summary>
public sealed class PageRecord
{
    private readonly string _ids;
    private readonly int[] _idEnds;
    private readonly string _targets;
    private readonly int[] _links; // for each link: where its target ends in _targets, its line, its column

    public PageRecord(string url, string outputPath, IEnumerable<string> ids, IEnumerable<PageLink> links, string? baseHref)
        : this(url, outputPath, ids, Pack(links, out var packed), packed, baseHref)
    {
    }

    /// <summary>
    /// Made from links already packed (as <see cref="PageScanner"/> packs them while it reads, with no string per
    /// link): their targets end to end, and for each, where its target ends, its line and its column.
    /// </summary>
    internal PageRecord(string url, string outputPath, IEnumerable<string> ids, string targets, int[] links, string? baseHref)
    {
        (Url, OutputPath, BaseHref) = (url, outputPath, baseHref);
        var sorted = ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        _ids = string.Concat(sorted);
        _idEnds = new int[sorted.Length];
        for (int i = 0, end = 0; i < sorted.Length; i++) _idEnds[i] = end += sorted[i].Length;
        (_targets, _links) = (targets, links);
    }

    private static string Pack(IEnumerable<PageLink> links, out int[] packed)
    {
        var list = links as IReadOnlyList<PageLink> ?? [.. links];
        var targets = new System.Text.StringBuilder();
        packed = new int[list.Count * 3];
        for (var i = 0; i < list.Count; i++)
        {
            targets.Append(list[i].Target);
            (packed[3 * i], packed[3 * i + 1], packed[3 * i + 2]) = (targets.Length, list[i].Line, list[i].Column);
        }
        return targets.ToString();
    }

    public string Url { get; }

    public string OutputPath { get; }

    /// <summary>The page's &lt;base href&gt;, if it has one.</summary>
    public string? BaseHref { get; }

    public int LinkCount => _links.Length / 3;

    /// <summary>The target of link <paramref name="index"/>, as written in the page (character references decoded).</summary>
    public ReadOnlySpan<char> Target(int index)
    {
        var start = index == 0 ? 0 : _links[3 * index - 3];
        return _targets.AsSpan(start, _links[3 * index] - start);
    }

    public PageLink Link(int index) => new(Target(index).ToString(), _links[3 * index + 1], _links[3 * index + 2]);

    /// <summary>Every link, in page order (made anew on each call: for tests and tools, not for a whole site).</summary>
    public IReadOnlyList<PageLink> Links => [.. Enumerable.Range(0, LinkCount).Select(Link)];

    /// <summary>Every id (made anew on each call, as <see cref="Links"/>).</summary>
    public IReadOnlySet<string> Ids => Enumerable.Range(0, _idEnds.Length).Select(i => Id(i).ToString()).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether an element of the page has this id (or an &lt;a name&gt;): a binary search, nothing made.</summary>
    public bool HasId(ReadOnlySpan<char> id)
    {
        var (low, high) = (0, _idEnds.Length - 1);
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            var order = Id(middle).SequenceCompareTo(id);
            if (order == 0) return true;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return false;
    }

    private ReadOnlySpan<char> Id(int index)
    {
        var start = index == 0 ? 0 : _idEnds[index - 1];
        return _ids.AsSpan(start, _idEnds[index] - start);
    }

    private static readonly HtmlParserOptions Options = new() { IsKeepingSourceReferences = true };

    /// <summary>A page read with a full HTML parser: for HTML from elsewhere (the standalone checker), and the scanner's tests.</summary>
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
