using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Chronology.Publishing;

/// <summary>A written page's length in bytes and the SHA-256 of those bytes (lower-case hex).</summary>
public readonly record struct PageDigest(long Length, string Sha256)
{
    public static PageDigest Of(ReadOnlySpan<byte> bytes) => new(bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));

    /// <summary>A hash to feed a page to in parts; its result is the <see cref="Sha256"/> of the whole.</summary>
    public static IncrementalHash Hasher() => IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
}

/// <summary>
/// The build's page cache: for each page of the last published output, the hash of what it was made from (its
/// inputs, as the theme hashes them) and the digest of the file that was written. A page whose inputs hash the same
/// again is not rendered: its published file is kept, once <see cref="OutputWriter.TryKeepPage"/> has found it
/// byte for byte as recorded, so a hand-edited, missing or half-published file is rendered again, never trusted.
/// <para>
/// It lives in the project, under <c>obj/chronology/</c> beside the content folder (<see cref="PathFor"/>; beside the
/// output when there is no content folder to go by), ignored by git like any <c>obj/</c> folder, so a site built
/// into a web server's folder leaves nothing beside it. Deleting it only makes the next build render every page. It
/// is written only after a build has published, so it always describes its output (or an older one, which the
/// digests refuse).
/// </para>
/// </summary>
public sealed class PageCache
{
    private const string Header = "chronology page cache 1";
    private readonly ConcurrentDictionary<string, (string Inputs, PageDigest Digest)> _pages = new(StringComparer.Ordinal);

    /// <summary>
    /// Where the cache of the output folder <paramref name="output"/> is kept: <c>obj/chronology/NAME-HASH.pages</c> in
    /// the folder that holds <paramref name="content"/> (the project), NAME and HASH the output folder's name and the
    /// start of its full path's SHA-256, so that builds into different folders keep their own; without a content
    /// folder, <c>obj/chronology/NAME.pages</c> beside the output.
    /// </summary>
    public static string PathFor(string output, string? content = null)
    {
        var full = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        var name = Path.GetFileName(full);
        if (content is null) return Path.Combine(Path.GetDirectoryName(full) ?? full, "obj", "chronology", name + ".pages");
        var project = Path.GetDirectoryName(Path.GetFullPath(content).TrimEnd(Path.DirectorySeparatorChar)) ?? full;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..8];
        return Path.Combine(project, "obj", "chronology", $"{name}-{hash}.pages");
    }

    public int Count => _pages.Count;

    /// <summary>The cache in <paramref name="file"/>; empty if there is none or it is not one this version wrote.</summary>
    public static PageCache Read(string file)
    {
        var cache = new PageCache();
        string[] lines;
        try
        {
            lines = File.ReadAllLines(file, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return cache;
        }
        if (lines.Length == 0 || lines[0] != Header) return cache;
        foreach (var line in lines.AsSpan(1))
        {
            // inputs length sha256 url: the URL last, as it is the only field that could hold a space
            var parts = line.Split(' ', 4);
            if (parts.Length == 4 && long.TryParse(parts[1], out var length)) cache._pages[parts[3]] = (parts[0], new PageDigest(length, parts[2]));
        }
        return cache;
    }

    /// <summary>The digest recorded for the page at <paramref name="url"/>, if its inputs hashed to <paramref name="inputs"/>.</summary>
    public bool TryGet(string url, string inputs, out PageDigest digest)
    {
        if (_pages.TryGetValue(url, out var page) && page.Inputs == inputs)
        {
            digest = page.Digest;
            return true;
        }
        digest = default;
        return false;
    }

    public void Set(string url, string inputs, PageDigest digest) => _pages[url] = (inputs, digest);

    /// <summary>
    /// Writes the cache to <paramref name="file"/> (whole, or not at all). A cache that cannot be written (a folder
    /// the build may not write to) is left out: the site is published either way, and the next build renders every page.
    /// </summary>
    public void Write(string file)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var (url, (inputs, digest)) in _pages.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.Append(inputs).Append(' ').Append(digest.Length).Append(' ').Append(digest.Sha256).Append(' ').Append(url).Append('\n');
        var temporary = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(temporary, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Removes the cache file, if there is one (before an output it describes is changed by other means).</summary>
    public static void Delete(string file)
    {
        try
        {
            if (File.Exists(file)) File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not there to remove, or not ours to: a cache that does not match its output is refused by the digests.
        }
    }
}
