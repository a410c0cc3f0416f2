using System.Buffers;
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
    private readonly ConcurrentDictionary<string, PageDigest> _digests = new(StringComparer.Ordinal);
    private readonly string? _previous = previous is not null && Directory.Exists(previous) ? previous : null;
    private IReadOnlySet<string>? _sortedPaths;
    private IReadOnlyList<PageRecord>? _sortedPages;
    private int _unchanged;
    private int _kept;
    private int _keptFiles;

    public string Root { get; } = root;

    /// <summary>Output paths written so far, relative to the root, with '/' separators.</summary>
    public IReadOnlySet<string> Paths
    {
        get
        {
            lock (_paths) return _sortedPaths ??= new SortedSet<string>(_paths, StringComparer.Ordinal);
        }
    }

    /// <summary>Every path written, in no order: the same set as <see cref="Paths"/>, for looking paths up.</summary>
    public IReadOnlySet<string> PathSet => _paths;

    /// <summary>Every page written, by output path.</summary>
    public IReadOnlyList<PageRecord> Pages
    {
        get
        {
            lock (_paths) return _sortedPages ??= [.. _pages.OrderBy(p => p.OutputPath, StringComparer.Ordinal)];
        }
    }

    /// <summary>
    /// Lets go of the pages' records (their ids and links, hundreds of megabytes for a large site) once the links are
    /// checked: publishing needs only the paths and digests. <see cref="Pages"/> is empty after.
    /// </summary>
    public void ForgetPages()
    {
        lock (_paths)
        {
            _pages.Clear();
            _sortedPages = [];
        }
    }

    /// <summary>How many files were the same as the previous output's, and so were not written again.</summary>
    public int Unchanged => _unchanged;

    /// <summary>The length and hash of every page written or kept, by URL: what a <see cref="OutputCache"/> records.</summary>
    public IReadOnlyDictionary<string, PageDigest> Digests => _digests;

    /// <summary>Pages kept from the previous output without being rendered (<see cref="TryKeepPage"/>).</summary>
    public int Kept => _kept;

    /// <summary>Whether there is a previous output to compare with and keep pages from.</summary>
    public bool HasPrevious => _previous is not null;

    public void WritePage(string url, string html) => WritePage(url, html.AsSpan());

    public void WritePage(string url, ReadOnlySpan<char> html)
    {
        var path = Claim(url);
        using var bytes = Encode(html);
        WriteFile(path, bytes);
        _digests[url] = PageDigest.Of(bytes);
        _pages.Add(PageScanner.Scan(url, path, html));
        lock (_paths) _sortedPages = null;
    }

    /// <summary>
    /// Keeps the previous output's page at <paramref name="url"/> without rendering it, if that file is exactly
    /// <paramref name="expected"/> (its length and hash: what was written when the page was last rendered). The page
    /// is read for its ids and links as a written page is. False, and nothing recorded, if the file is missing or
    /// differs in any byte.
    /// </summary>
    public bool TryKeepPage(string url, PageDigest expected)
    {
        if (_previous is null) return false;
        var path = OutputPaths.Of(url);
        byte[] bytes;
        try
        {
            var file = new FileInfo(Path.Combine(_previous, path));
            if (!file.Exists || file.Length != expected.Length || file.LinkTarget is not null) return false;
            bytes = File.ReadAllBytes(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        if (PageDigest.Of(bytes) != expected) return false;
        Claim(url);
        Interlocked.Increment(ref _unchanged);
        Interlocked.Increment(ref _kept);
        _digests[url] = expected;
        _pages.Add(PageScanner.Scan(url, path, Utf8.GetString(bytes)));
        lock (_paths) _sortedPages = null;
        return true;
    }

    /// <summary>
    /// Keeps the previous output's file at <paramref name="url"/> without making it again, if it has the length and
    /// write time recorded when it was published (<paramref name="expected"/>): a file changed since, by hand or by
    /// anything else, has another write time. False, and nothing recorded, if it is missing or differs.
    /// </summary>
    public bool TryKeepFile(string url, OutputDigest expected)
    {
        if (_previous is null || expected.WrittenTicks == 0) return false;
        var path = OutputPaths.Of(url);
        try
        {
            var file = new FileInfo(Path.Combine(_previous, path));
            if (!file.Exists || file.LinkTarget is not null || file.Length != expected.Length || file.LastWriteTimeUtc.Ticks != expected.WrittenTicks) return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        Claim(url);
        Interlocked.Increment(ref _unchanged);
        Interlocked.Increment(ref _keptFiles);
        return true;
    }

    /// <summary>Files other than pages kept from the previous output without being made again (<see cref="TryKeepFile"/>).</summary>
    public int KeptFiles => _keptFiles;

    /// <summary>
    /// A page that comes in parts (every page the theme renders: a page that lists every entry of a large site comes in
    /// many): each part is read for links and encoded as it comes, so the page is never one string, and a page of more
    /// than <see cref="StreamAbove"/> bytes is written to its file as it comes, so it is never whole in memory at all.
    /// The file is the one <see cref="WritePage(string, string)"/> writes for the parts joined.
    /// </summary>
    /// <remarks>Each part is read before the next is asked for: it need be good only until then.</remarks>
    public async Task WritePageAsync(string url, IAsyncEnumerable<ReadOnlyMemory<char>> html, CancellationToken cancellation = default)
    {
        var path = Claim(url);
        var reader = new PageScanner.Reader(url, path);
        using var bytes = new PageBytes();
        using var hash = PageDigest.Hasher();
        SafeFileHandle? file = null;
        var full = Path.Combine(Root, path);
        long written = 0;
        void Flush()
        {
            if (file is null)
            {
                CreateFolderOf(full);
                file = File.OpenHandle(full, FileMode.CreateNew, FileAccess.Write);
            }
            RandomAccess.Write(file, bytes.Written, written);
            hash.AppendData(bytes.Written);
            written += bytes.Written.Length;
            bytes.Clear();
        }
        try
        {
            await using var parts = html.GetAsyncEnumerator(cancellation);
            while (await parts.MoveNextAsync())
            {
                var part = parts.Current.Span;
                reader.Read(part);
                bytes.Append(part);
                if (bytes.Written.Length >= StreamAbove) Flush();
            }
            if (file is null)
            {
                // The whole page in memory: written as WritePage writes it (not at all, if the published file is the same).
                WriteFile(path, bytes.Finish());
                _digests[url] = PageDigest.Of(bytes.Written);
            }
            else
            {
                bytes.Finish();
                Flush();
                file.Dispose();
                KeepIfChanged(path, full, written);
                _digests[url] = new PageDigest(written, Sha256Hash.From(hash.GetHashAndReset()));
            }
        }
        finally
        {
            file?.Dispose();
        }
        _pages.Add(reader.Finish());
        lock (_paths) _sortedPages = null;
    }

    /// <summary>A page larger than this, in bytes, is written to its file as it comes (<see cref="WritePageAsync"/>).</summary>
    public const int StreamAbove = 1 << 20;

    /// <summary>
    /// A file written straight to the output by <paramref name="write"/> (the open data and search index of a large
    /// site: they never exist whole in memory). As for any file, one the same as its published copy is not kept.
    /// </summary>
    public string WriteStream(string url, Action<Stream> write)
    {
        var path = Claim(url);
        var full = Path.Combine(Root, path);
        CreateFolderOf(full);
        long length;
        using (var file = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            write(file);
            length = file.Length;
        }
        KeepIfChanged(path, full, length);
        return path;
    }

    /// <summary>
    /// A file written as it came is taken back if it is the same as the published copy, as an unchanged file is
    /// never written.
    /// </summary>
    private void KeepIfChanged(string path, string full, long length)
    {
        if (_previous is null || !SameFiles(Path.Combine(_previous, path), full, length)) return;
        File.Delete(full);
        Interlocked.Increment(ref _unchanged);
    }

    public string WriteText(string url, string text)
    {
        using var bytes = Encode(text);
        return WriteBytes(url, bytes);
    }

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

    private static bool SameFiles(string previous, string written, long length)
    {
        if (!File.Exists(previous) || new FileInfo(previous).Length != length) return false;
        using var a = File.OpenRead(previous);
        using var b = File.OpenRead(written);
        var x = new byte[1 << 16];
        var y = new byte[1 << 16];
        while (true)
        {
            var n = a.ReadAtLeast(x, x.Length, throwOnEndOfStream: false);
            if (b.ReadAtLeast(y, n, throwOnEndOfStream: false) != n || !x.AsSpan(0, n).SequenceEqual(y.AsSpan(0, n))) return false;
            if (n < x.Length) return true;
        }
    }

    private void CreateFolderOf(string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        if (_folders.ContainsKey(folder)) return;
        Directory.CreateDirectory(folder);
        _folders.TryAdd(folder, true);
    }

    /// <summary>A text as written: UTF-8, with CRLF as LF, in a buffer lent for as long as it is being written.</summary>
    private static Encoded Encode(ReadOnlySpan<char> text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Utf8.GetByteCount(text));
        return new Encoded(buffer, EncodeInto(text, buffer));
    }

    /// <summary>Writes <paramref name="text"/> into <paramref name="target"/> as UTF-8 with CRLF as LF (never longer than its UTF-8); returns the length.</summary>
    private static int EncodeInto(ReadOnlySpan<char> text, Span<byte> target)
    {
        var length = 0;
        while (text.IndexOf("\r\n") is var crlf and >= 0)
        {
            length += Utf8.GetBytes(text[..crlf], target[length..]);
            text = text[(crlf + 1)..]; // from the LF
        }
        return length + Utf8.GetBytes(text, target[length..]);
    }

    /// <summary>
    /// A page's bytes as its parts come, in a buffer lent from the pool and grown as needed: what <see cref="Encode"/>
    /// gives for the parts joined, a CR at the end of a part kept back until the next part says whether an LF follows.
    /// </summary>
    private sealed class PageBytes : IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 14);
        private int _length;
        private bool _heldBack; // the last part ended in CR

        public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

        public void Append(ReadOnlySpan<char> part)
        {
            if (part.IsEmpty) return;
            if (_heldBack && part[0] != '\n') Add("\r"); // a CR on its own stays; one before an LF goes
            _heldBack = part[^1] == '\r';
            Add(_heldBack ? part[..^1] : part);
        }

        /// <summary>No more parts: a CR held back is written. Gives what was written since the last <see cref="Clear"/>.</summary>
        public ReadOnlySpan<byte> Finish()
        {
            if (_heldBack) Add("\r");
            _heldBack = false;
            return Written;
        }

        public void Clear() => _length = 0;

        private void Add(ReadOnlySpan<char> text)
        {
            var most = Utf8.GetMaxByteCount(text.Length);
            if (_length + most > _buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + most));
                Written.CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }
            _length += EncodeInto(text, _buffer.AsSpan(_length));
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
    }

    private readonly struct Encoded(byte[] buffer, int length) : IDisposable
    {
        public int Length => length;

        public static implicit operator ReadOnlySpan<byte>(Encoded encoded) => encoded.Span;

        private ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

        public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
    }
}
