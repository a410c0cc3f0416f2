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
                if (!Uri.TryCreate(baseUri, target, out var resolved) || resolved.Host != SiteRoot.Host)
                {
                    diagnostics.Error(DiagnosticCodes.BrokenLink, file, link.Line, link.Column, $"'{target}' is not a valid URL");
                    continue;
                }
                var path = Uri.UnescapeDataString(resolved.AbsolutePath.TrimStart('/'));
                var resolvedPath = Resolve(path, paths);
                if (resolvedPath is null)
                {
                    diagnostics.Error(DiagnosticCodes.BrokenLink, file, link.Line, link.Column,
                        $"'{target}' points to /{path}, which the site does not contain");
                    continue;
                }
                var fragment = Uri.UnescapeDataString(resolved.Fragment.TrimStart('#'));
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
