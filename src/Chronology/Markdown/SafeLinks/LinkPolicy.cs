namespace Chronology.Markdown.SafeLinks;

public static class LinkPolicy
{
    /// <summary>http, https and mailto, or a relative URL (no scheme at all, not protocol-relative, no backslash).</summary>
    public static bool IsAllowed(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var trimmed = url.Trim();
        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so judge without them.
        var compact = new string(trimmed.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        // "//host/path" and "\\host" leave the site without saying how; a backslash is read as a slash by browsers.
        if (compact.StartsWith("//", StringComparison.Ordinal) || compact.Contains('\\')) return false;
        var colon = compact.IndexOf(':');
        if (colon < 0) return true;
        var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
        if (firstDelimiter >= 0 && firstDelimiter < colon) return true; // the colon is in a path or query, not a scheme
        var scheme = compact[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }

    public static bool IsExternal(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
