using System.Text;
using Chronology.Site;

namespace Chronology.Publishing;

/// <summary>
/// The one writer: every output file goes through here. It records each path it writes and, for HTML pages,
/// their ids and links, so the link checker works from what was really written.
/// </summary>
public sealed class OutputWriter(string root)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly SortedSet<string> _paths = new(StringComparer.Ordinal);
    private readonly List<PageRecord> _pages = [];

    public string Root { get; } = root;

    /// <summary>Output paths written so far, relative to the root, with '/' separators.</summary>
    public IReadOnlySet<string> Paths => _paths;

    public IReadOnlyList<PageRecord> Pages => _pages;

    public void WritePage(string url, string html)
    {
        var path = WriteText(url, html);
        _pages.Add(PageRecord.Parse(url, path, html));
    }

    public string WriteText(string url, string text) => WriteBytes(url, Utf8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal)));

    public string WriteBytes(string url, byte[] content)
    {
        var path = SiteUrls.OutputPath(url);
        if (!_paths.Add(path)) throw new InvalidOperationException($"two outputs for one path: {path}");
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return path;
    }
}
