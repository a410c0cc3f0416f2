using System.Collections.Concurrent;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Chronology.Publishing;

/// <summary>
/// The one writer: every output file goes through here. It records each path it writes and, for HTML pages,
/// their ids and links (read with <see cref="PageScanner"/>), so the link checker works from what was really
/// written. It may be called from several threads at once: the theme renders pages on every core and each
/// page is written and read by the thread that rendered it.
/// <para>
/// Files go to a staging folder. Given the previous output (<paramref name="previous"/>), a file whose bytes are
/// the same as the one already published is not written again: it is only recorded, and
/// <see cref="OutputFolder.Publish(string, string, IReadOnlySet{string})"/> leaves it where it is. So the previous
/// output is the build's cache, and it can never be stale: every file is compared, byte for byte.
/// </para>
/// </summary>
public sealed class OutputWriter(string root, string? previous = null)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<PageRecord> _pages = [];
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly string? _previous = previous is not null && Directory.Exists(previous) ? previous : null;
    private IReadOnlySet<string>? _sortedPaths;
    private IReadOnlyList<PageRecord>? _sortedPages;
    private int _unchanged;

    public string Root { get; } = root;

    /// <summary>Output paths written so far, relative to the root, with '/' separators.</summary>
    public IReadOnlySet<string> Paths
    {
        get
        {
            lock (_paths) return _sortedPaths ??= new SortedSet<string>(_paths, StringComparer.Ordinal);
        }
    }

    /// <summary>Every page written, by output path.</summary>
    public IReadOnlyList<PageRecord> Pages
    {
        get
        {
            lock (_paths) return _sortedPages ??= [.. _pages.OrderBy(p => p.OutputPath, StringComparer.Ordinal)];
        }
    }

    /// <summary>How many files were the same as the previous output's, and so were not written again.</summary>
    public int Unchanged => _unchanged;

    public void WritePage(string url, string html)
    {
        var path = Claim(url);
        WriteFile(path, Encode(html));
        _pages.Add(PageScanner.Scan(url, path, html, Intern));
        lock (_paths) _sortedPages = null;
    }

    public string WriteText(string url, string text) => WriteBytes(url, Encode(text));

    public string WriteBytes(string url, byte[] content) => WriteBytes(url, content.AsSpan());

    public string WriteBytes(string url, ReadOnlySpan<byte> content)
    {
        var path = Claim(url);
        WriteFile(path, content);
        return path;
    }

    /// <summary>A file copied as it is (a site's own asset).</summary>
    public string CopyFile(string url, string sourcePath) => WriteBytes(url, File.ReadAllBytes(sourcePath));

    private string Claim(string url)
    {
        var path = OutputPaths.Of(url);
        lock (_paths)
        {
            if (!_paths.Add(path)) throw new InvalidOperationException($"two outputs for one path: {path}");
            _sortedPaths = null;
        }
        return path;
    }

    private void WriteFile(string path, ReadOnlySpan<byte> content)
    {
        if (_previous is not null && SameAs(Path.Combine(_previous, path), content))
        {
            Interlocked.Increment(ref _unchanged);
            return;
        }
        var full = Path.Combine(Root, path);
        CreateFolderOf(full);
        // A new file in a fresh folder: no truncation, and one write.
        using var handle = File.OpenHandle(full, FileMode.CreateNew, FileAccess.Write);
        RandomAccess.Write(handle, content, 0);
    }

    private static bool SameAs(string file, ReadOnlySpan<byte> content)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return false;
        }
        using (handle)
        {
            if (RandomAccess.GetLength(handle) != content.Length) return false;
            var existing = new byte[content.Length];
            var read = 0;
            while (read < existing.Length && RandomAccess.Read(handle, existing.AsSpan(read), read) is var n && n > 0) read += n;
            return read == content.Length && existing.AsSpan().SequenceEqual(content);
        }
    }

    private void CreateFolderOf(string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        if (_folders.ContainsKey(folder)) return;
        Directory.CreateDirectory(folder);
        _folders.TryAdd(folder, true);
    }

    private string Intern(string text) => _strings.GetOrAdd(text, text);

    private static byte[] Encode(string text) => Utf8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal));
}
