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
        // Looked up by span; the writer's own set is used as it is (a large site has hundreds of thousands of paths).
        if (paths is not HashSet<string> set || !set.TryGetAlternateLookup<ReadOnlySpan<char>>(out var files))
            files = new HashSet<string>(paths, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        // Page by page on every core (a large site has hundreds of thousands of links), each page's problems kept
        // apart and reported in page order: the same report as checking them one by one.
        var found = new DiagnosticBag?[pages.Count];
        Parallel.For(0, pages.Count, i => found[i] = CheckPage(pages[i], files, pagesByPath, displayRoot));
        foreach (var own in found)
        {
            if (own is not null) diagnostics.AddRange(own.Items);
        }
    }

    /// <summary>One page's links: what is wrong with them, or null if nothing is.</summary>
    private static DiagnosticBag? CheckPage(PageRecord page, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> files,
        Dictionary<string, PageRecord> pagesByPath, string displayRoot)
    {
        DiagnosticBag? found = null;
        var pageUri = new Uri(SiteRoot, page.Url);
        var baseUri = page.BaseHref is null ? pageUri : new Uri(pageUri, page.BaseHref);
        var file = Path.Join(displayRoot, page.OutputPath).Replace('\\', '/');
        for (var i = 0; i < page.LinkCount; i++)
        {
            var target = page.Target(i).Trim();
            if (target.Length == 0 || IsExternal(target)) continue;
            var simple = page.BaseHref is null ? ResolveSimply(page.Url, target) : null;
            if ((simple ?? ResolveAsUri(baseUri, target.ToString())) is not var (path, fragment))
            {
                var link = page.Link(i);
                (found ??= new()).Error(DiagnosticCodes.BrokenLink, file, link.Line, link.Column, $"'{target}' is not a valid URL");
                continue;
            }
            if (!Resolve(path, files, out var suffix))
            {
                var link = page.Link(i);
                (found ??= new()).Error(DiagnosticCodes.BrokenLink, file, link.Line, link.Column,
                    $"'{target}' points to /{path}, which the site does not contain");
                continue;
            }
            if (fragment.Length == 0 || fragment == "top") continue;
            var resolvedPath = path + suffix;
            if (!pagesByPath.TryGetValue(resolvedPath, out var targetPage)) continue; // a fragment into a non-HTML file
            if (!targetPage.HasId(fragment))
            {
                var link = page.Link(i);
                (found ??= new()).Error(DiagnosticCodes.BrokenFragment, file, link.Line, link.Column,
                    $"'{target}': /{resolvedPath} has no element with id '{fragment}'");
            }
        }
        return found;
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
    internal static (string Path, string Fragment)? ResolveSimply(string pageUrl, ReadOnlySpan<char> target)
    {
        var hash = target.IndexOf('#');
        var pathPart = hash < 0 ? target : target[..hash];
        if (!IsPlain(pathPart) || !IsPlain(pageUrl) || !pageUrl.StartsWith('/')) return null;
        var fragment = hash < 0 ? "" : target[(hash + 1)..].TrimStart('#');
        foreach (var c in fragment)
        {
            if (c is '%' || c <= ' ' || c >= 0x7F) return null;
        }
        var fragmentText = fragment.Length == 0 ? "" : fragment.ToString();
        if (pathPart.Length == 0) return (pageUrl[1..], fragmentText);

        // The path joined to the page's folder, then (RFC 3986 5.2.4) without its dot segments, worked out in one buffer:
        // a kept segment is copied down over what was removed; a path that ends in "." or ".." ends in a slash.
        var folder = pathPart[0] == '/' ? [] : pageUrl.AsSpan(0, pageUrl.LastIndexOf('/') + 1);
        var length = folder.Length + pathPart.Length;
        var buffer = length <= 512 ? stackalloc char[length] : new char[length];
        folder.CopyTo(buffer);
        pathPart.CopyTo(buffer[folder.Length..]);
        var written = 0; // buffer[..written] is the path so far, each kept segment followed by a slash
        for (var at = 1; at <= length;)
        {
            var slash = buffer[at..].IndexOf('/');
            var end = slash < 0 ? length : at + slash;
            var segment = buffer[at..end];
            var last = slash < 0;
            if (segment is ".")
            {
                // nothing kept; a last "." leaves the path ending in its slash
            }
            else if (segment is "..")
            {
                if (written > 0) written = buffer[..(written - 1)].LastIndexOf('/') + 1; // the last kept segment removed
            }
            else
            {
                segment.CopyTo(buffer[written..]);
                written += segment.Length;
                if (!last) buffer[written++] = '/';
            }
            at = end + 1;
        }
        return (new string(buffer[..written]), fragmentText);
    }

    /// <summary>Characters a browser takes as they are in a path: no query, escape, backslash, doubled slash, space or control character.</summary>
    private static bool IsPlain(ReadOnlySpan<char> path)
    {
        foreach (var c in path)
        {
            if (c is '?' or '%' or '\\' or ':' || c <= ' ' || c == 0x7F || c > 0x7E) return false;
        }
        return !path.Contains("//".AsSpan(), StringComparison.Ordinal);
    }

    private static bool IsExternal(ReadOnlySpan<char> target)
    {
        if (target.StartsWith("//", StringComparison.Ordinal)) return true;
        var colon = target.IndexOf(':');
        if (colon <= 0) return false;
        var delimiter = target.IndexOfAny(['/', '?', '#']);
        return delimiter < 0 || colon < delimiter;
    }

    /// <summary>
    /// Whether a path names a file (itself, or the index.html of the folder it names), and what is added to the path to
    /// name it: the name itself is made only when a fragment is to be looked for in it.
    /// </summary>
    private static bool Resolve(string path, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> paths, out string suffix)
    {
        if (path.Length == 0 || path.EndsWith('/'))
        {
            suffix = "index.html";
            return Has(paths, path, suffix);
        }
        suffix = "";
        if (Has(paths, path, suffix)) return true;
        suffix = "/index.html";
        return Has(paths, path, suffix);
    }

    private static bool Has(HashSet<string>.AlternateLookup<ReadOnlySpan<char>> paths, string path, string suffix)
    {
        var length = path.Length + suffix.Length;
        var name = length <= 512 ? stackalloc char[length] : new char[length];
        path.CopyTo(name);
        suffix.CopyTo(name[path.Length..]);
        return paths.Contains(name);
    }
}
