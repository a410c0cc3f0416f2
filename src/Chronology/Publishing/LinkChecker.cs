using Chronology.Diagnostics;

namespace Chronology.Publishing;

/// <summary>
/// Checks that every internal href/src resolves to a written file and every #fragment to an id on the target
/// page, resolving URLs as a browser does (relative and root-relative paths, &lt;base&gt;, index.html for folders,
/// percent-encoding). External links (with a scheme, or protocol-relative) are not its business.
/// </summary>
public static class LinkChecker
{
    private static readonly Uri SiteRoot = new("https://site.invalid/");

    public static void Check(IReadOnlyList<PageRecord> pages, IReadOnlySet<string> paths, string displayRoot, DiagnosticBag diagnostics)
    {
        var pagesByPath = pages.ToDictionary(p => p.OutputPath, StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var pageUri = new Uri(SiteRoot, page.Url);
            var baseUri = page.BaseHref is null ? pageUri : new Uri(pageUri, page.BaseHref);
            var file = Path.Join(displayRoot, page.OutputPath).Replace('\\', '/');
            foreach (var link in page.Links)
            {
                var target = link.Target.Trim();
                if (target.Length == 0 || IsExternal(target)) continue;
                var simple = page.BaseHref is null ? ResolveSimply(page.Url, target) : null;
                if ((simple ?? ResolveAsUri(baseUri, target)) is not var (path, fragment))
                {
                    diagnostics.Error(DiagnosticCodes.BrokenLink, file, link.Line, link.Column, $"'{target}' is not a valid URL");
                    continue;
                }
                var resolvedPath = Resolve(path, paths);
                if (resolvedPath is null)
                {
                    diagnostics.Error(DiagnosticCodes.BrokenLink, file, link.Line, link.Column,
                        $"'{target}' points to /{path}, which the site does not contain");
                    continue;
                }
                if (fragment.Length == 0 || fragment == "top") continue;
                if (!pagesByPath.TryGetValue(resolvedPath, out var targetPage)) continue; // a fragment into a non-HTML file
                if (!targetPage.Ids.Contains(fragment))
                    diagnostics.Error(DiagnosticCodes.BrokenFragment, file, link.Line, link.Column,
                        $"'{target}': /{resolvedPath} has no element with id '{fragment}'");
            }
        }
    }

    /// <summary>The standalone checker: every .html file under a folder, as a web server would serve it.</summary>
    public static void CheckFolder(string root, DiagnosticBag diagnostics)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var pages = new List<PageRecord>();
        foreach (var full in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
            paths.Add(relative);
            if (!relative.EndsWith(".html", StringComparison.OrdinalIgnoreCase) && !relative.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)) continue;
            var url = "/" + (relative.EndsWith("/index.html", StringComparison.Ordinal) || relative == "index.html" ? relative[..^"index.html".Length] : relative);
            pages.Add(PageRecord.Parse(url, relative, File.ReadAllText(full)));
        }
        Check(pages, paths, root, diagnostics);
    }

    /// <summary>
    /// A link resolved as a browser resolves it (<see cref="Uri"/>): the path from the site root, without its leading
    /// slash, and the fragment, both unescaped; null if it is not a valid URL or leaves the site.
    /// </summary>
    internal static (string Path, string Fragment)? ResolveAsUri(Uri baseUri, string target)
    {
        if (!Uri.TryCreate(baseUri, target, out var resolved) || resolved.Host != SiteRoot.Host) return null;
        return (Uri.UnescapeDataString(resolved.AbsolutePath.TrimStart('/')), Uri.UnescapeDataString(resolved.Fragment.TrimStart('#')));
    }

    /// <summary>
    /// The same answer as <see cref="ResolveAsUri"/> for the links a generated page is made of (a relative or
    /// root-relative path of plain characters, with or without a fragment), worked out with strings: a large site has
    /// hundreds of thousands of them, and building a <see cref="Uri"/> for each costs about a second. Anything else
    /// (a query, a percent sign, a backslash, a doubled slash, a control character or space) gives null, and is left
    /// to <see cref="ResolveAsUri"/>. The tests hold the two to the same answers for every link of both sites.
    /// </summary>
    internal static (string Path, string Fragment)? ResolveSimply(string pageUrl, string target)
    {
        var hash = target.IndexOf('#');
        var pathPart = hash < 0 ? target : target[..hash];
        if (!IsPlain(pathPart) || !IsPlain(pageUrl) || !pageUrl.StartsWith('/')) return null;
        var fragment = hash < 0 ? "" : target[(hash + 1)..].TrimStart('#');
        if (fragment.Any(c => c is '%' || c <= ' ' || c >= 0x7F)) return null;
        if (pathPart.Length == 0) return (pageUrl[1..], fragment);

        var joined = pathPart.StartsWith('/') ? pathPart : pageUrl[..(pageUrl.LastIndexOf('/') + 1)] + pathPart;
        // RFC 3986 5.2.4: remove dot segments; a path that ends in "." or ".." ends in a slash.
        var segments = joined.Split('/');
        var kept = new List<string>(segments.Length);
        for (var i = 1; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            switch (segments[i])
            {
                case ".":
                    if (last) kept.Add("");
                    break;
                case "..":
                    if (kept.Count > 0) kept.RemoveAt(kept.Count - 1);
                    if (last) kept.Add("");
                    break;
                default:
                    kept.Add(segments[i]);
                    break;
            }
        }
        return (string.Join('/', kept), fragment);
    }

    /// <summary>Characters a browser takes as they are in a path: no query, escape, backslash, doubled slash, space or control character.</summary>
    private static bool IsPlain(string path)
    {
        foreach (var c in path)
        {
            if (c is '?' or '%' or '\\' or ':' || c <= ' ' || c == 0x7F || c > 0x7E) return false;
        }
        return !path.Contains("//", StringComparison.Ordinal);
    }

    private static bool IsExternal(string target)
    {
        if (target.StartsWith("//", StringComparison.Ordinal)) return true;
        var colon = target.IndexOf(':');
        if (colon <= 0) return false;
        var delimiter = target.IndexOfAny(['/', '?', '#']);
        return delimiter < 0 || colon < delimiter;
    }

    private static string? Resolve(string path, IReadOnlySet<string> paths)
    {
        if (path.Length == 0 || path.EndsWith('/')) return paths.Contains(path + "index.html") ? path + "index.html" : null;
        if (paths.Contains(path)) return path;
        return paths.Contains(path + "/index.html") ? path + "/index.html" : null;
    }
}
