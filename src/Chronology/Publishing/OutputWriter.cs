using System.Collections.Concurrent;
using System.Text;

namespace Chronology.Publishing;

/// <summary>
/// The one writer: every output file goes through here. It records each path it writes and, for HTML pages,
/// their ids and links, so the link checker works from what was really written. Pages are written and read for
/// their links on a second thread while the next page renders; <see cref="Pages"/> waits for that to finish.
/// </summary>
public sealed class OutputWriter(string root) : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly SortedSet<string> _paths = new(StringComparer.Ordinal);
    private readonly List<PageRecord> _pages = [];
    private readonly BlockingCollection<(string Url, string Path, string Html)> _queue = new(boundedCapacity: 256);
    private Task? _worker;
    private Exception? _failure;

    public string Root { get; } = root;

    /// <summary>Output paths written so far, relative to the root, with '/' separators.</summary>
    public IReadOnlySet<string> Paths
    {
        get
        {
            Flush();
            return _paths;
        }
    }

    /// <summary>Every page written, in the order written (waits for pages still being written).</summary>
    public IReadOnlyList<PageRecord> Pages
    {
        get
        {
            Flush();
            return _pages;
        }
    }

    public void WritePage(string url, string html)
    {
        var path = Claim(url);
        if (_queue.IsAddingCompleted)
        {
            WriteAndRead(url, path, html);
            return;
        }
        if (_failure is { } failure) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        _worker ??= Task.Factory.StartNew(WritePages, TaskCreationOptions.LongRunning);
        _queue.Add((url, path, html));
    }

    public string WriteText(string url, string text) => WriteBytes(url, Encode(text));

    public string WriteBytes(string url, byte[] content)
    {
        var path = Claim(url);
        WriteFile(path, content);
        return path;
    }

    /// <summary>A file copied as it is (a site's own asset).</summary>
    public string CopyFile(string url, string sourcePath)
    {
        var path = Claim(url);
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.Copy(sourcePath, full, overwrite: false);
        return path;
    }

    /// <summary>Waits until every queued page is on disk and read for its links; rethrows what went wrong there.</summary>
    public void Flush()
    {
        if (!_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
            _worker?.GetAwaiter().GetResult();
        }
        if (_failure is { } failure) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    public void Dispose()
    {
        if (!_queue.IsAddingCompleted) _queue.CompleteAdding();
        _worker?.Wait();
        _queue.Dispose();
    }

    private void WritePages()
    {
        // After a failure the queue is still drained, so the renderer is never left waiting on a full queue.
        foreach (var (url, path, html) in _queue.GetConsumingEnumerable())
        {
            if (_failure is not null) continue;
            try
            {
                WriteAndRead(url, path, html);
            }
            catch (Exception e)
            {
                _failure = e;
            }
        }
    }

    private void WriteAndRead(string url, string path, string html)
    {
        WriteFile(path, Encode(html));
        _pages.Add(PageRecord.Parse(url, path, html));
    }

    private string Claim(string url)
    {
        var path = OutputPaths.Of(url);
        lock (_paths)
        {
            if (!_paths.Add(path)) throw new InvalidOperationException($"two outputs for one path: {path}");
        }
        return path;
    }

    private void WriteFile(string path, byte[] content)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
    }

    private static byte[] Encode(string text) => Utf8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal));
}
