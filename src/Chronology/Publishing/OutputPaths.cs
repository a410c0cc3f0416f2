namespace Chronology.Publishing;

/// <summary>Where the writer puts the file for a site URL: the one rule from URL to output path.</summary>
public static class OutputPaths
{
    /// <summary>The file a URL is written to, relative to the output folder: "/entries/x/" → "entries/x/index.html".</summary>
    public static string Of(string url)
    {
        if (!url.StartsWith('/')) throw new ArgumentException($"site URLs start with '/': {url}", nameof(url));
        var path = url[1..];
        return path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
    }
}
