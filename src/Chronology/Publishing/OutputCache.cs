using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Chronology.Publishing;

/// <summary>
/// A SHA-256 hash, held as a value: a large site keeps one for every page until it is published (and one for the
/// inputs of every file, <see cref="OutputCache"/>), and as strings of hex they were objects of their own for the
/// collector to go through. Written and read as lower-case hex.
/// </summary>
public readonly record struct Sha256Hash(UInt128 High, UInt128 Low)
{
    public static Sha256Hash Of(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return From(hash);
    }

    /// <summary>The hash whose 32 bytes are <paramref name="hash"/>.</summary>
    public static Sha256Hash From(ReadOnlySpan<byte> hash) =>
        new(System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(hash), System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(hash[16..]));

    public static bool TryParse(string hex, out Sha256Hash hash)
    {
        hash = default;
        if (hex.Length != 64 || !Hex128.TryParse(hex.AsSpan(0, 32), out var high) || !Hex128.TryParse(hex.AsSpan(32), out var low)) return false;
        hash = new(high, low);
        return true;
    }

    public override string ToString() => Hex128.Format(High) + Hex128.Format(Low);
}

/// <summary>128-bit values (the output cache's inputs hashes) as 32 lower-case hex digits, and back.</summary>
public static class Hex128
{
    public static string Format(UInt128 value) => value.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParse(ReadOnlySpan<char> hex, out UInt128 value)
    {
        value = default;
        return hex.Length == 32 && UInt128.TryParse(hex, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out value);
    }
}

/// <summary>A written page's length in bytes and the SHA-256 of those bytes.</summary>
public readonly record struct PageDigest(long Length, Sha256Hash Sha256)
{
    public static PageDigest Of(ReadOnlySpan<byte> bytes) => new(bytes.Length, Sha256Hash.Of(bytes));

    /// <summary>A hash to feed a page to in parts; its result is the <see cref="Sha256"/> of the whole.</summary>
    public static IncrementalHash Hasher() => IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
}

/// <summary>
/// What a published file was when it was published: its length and, for a page, the SHA-256 of its bytes; for any
/// other file, its last write time (a page is read again anyway, for its links; a file is only looked at).
/// </summary>
public readonly record struct OutputDigest(long Length, Sha256Hash? Sha256, long WrittenTicks)
{
    public static OutputDigest Of(PageDigest page) => new(page.Length, page.Sha256, 0);

    /// <summary>The page's digest; only for a page (<see cref="Sha256"/> not null).</summary>
    public PageDigest Page => new(Length, Sha256 ?? throw new InvalidOperationException("not a page's digest"));
}

/// <summary>
/// The build's output cache: for each file of the last published output, the hash of what it was made from (its
/// inputs) and what was published. A file whose inputs hash the same again is not made again: a page is kept once
/// <see cref="OutputWriter.TryKeepPage"/> has found its published file byte for byte as recorded, any other file
/// once <see cref="OutputWriter.TryKeepFile"/> has found it with the recorded length and write time (as git trusts
/// its index), so a hand-edited, missing or half-published file is made again, never trusted.
/// <para>
/// It lives in the project, under <c>obj/chronology/</c> beside the content folder (<see cref="PathFor"/>; beside the
/// output when there is no content folder to go by), ignored by git like any <c>obj/</c> folder, so a site built
/// into a web server's folder leaves nothing beside it. Deleting it only makes the next build make every file. It
/// is written only after a build has published, so it always describes its output (or an older one, which the
/// digests refuse). The content's git history is kept beside it (<see cref="HistoryPathFor"/>).
/// </para>
/// </summary>
public sealed class OutputCache
{
    private const string Header = "chronology output cache 2";
    private readonly ConcurrentDictionary<string, (UInt128 Inputs, OutputDigest Digest)> _files = new(StringComparer.Ordinal);

    /// <summary>
    /// Where the cache of the output folder <paramref name="output"/> is kept: <c>obj/chronology/NAME-HASH.cache</c> in
    /// the folder that holds <paramref name="content"/> (the project), NAME and HASH the output folder's name and the
    /// start of its full path's SHA-256, so that builds into different folders keep their own; without a content
    /// folder, <c>obj/chronology/NAME.cache</c> beside the output.
    /// </summary>
    public static string PathFor(string output, string? content = null)
    {
        var full = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        var name = Path.GetFileName(full);
        if (content is null) return Path.Combine(Path.GetDirectoryName(full) ?? full, "obj", "chronology", name + ".cache");
        var project = Path.GetDirectoryName(Path.GetFullPath(content).TrimEnd(Path.DirectorySeparatorChar)) ?? full;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..8];
        return Path.Combine(project, "obj", "chronology", $"{name}-{hash}.cache");
    }

    /// <summary>
    /// Where the git history of <paramref name="content"/> is kept: beside the output cache <paramref name="cacheFile"/>,
    /// as <c>history-HASH</c> (the start of the content folder's full path's SHA-256), so that builds of one content
    /// folder into different output folders share it: it depends on the content's commits, not on the output.
    /// </summary>
    public static string HistoryPathFor(string cacheFile, string content)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(content).TrimEnd(Path.DirectorySeparatorChar))))[..8];
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(cacheFile))!, $"history-{hash}");
    }

    public int Count => _files.Count;

    /// <summary>The cache in <paramref name="file"/>; empty if there is none or it is not one this version wrote.</summary>
    public static OutputCache Read(string file)
    {
        var cache = new OutputCache();
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
            // inputs length sha256 written url: the URL last, as it is the only field that could hold a space
            var parts = line.Split(' ', 5);
            if (parts.Length == 5 && Hex128.TryParse(parts[0], out var inputs) && long.TryParse(parts[1], out var length) && long.TryParse(parts[3], out var written))
            {
                Sha256Hash? sha256 = null;
                if (parts[2] != "-")
                {
                    if (!Sha256Hash.TryParse(parts[2], out var page)) continue;
                    sha256 = page;
                }
                cache._files[parts[4]] = (inputs, new OutputDigest(length, sha256, written));
            }
        }
        return cache;
    }

    /// <summary>What was recorded for the file at <paramref name="url"/>, if its inputs hashed to <paramref name="inputs"/>.</summary>
    public bool TryGet(string url, UInt128 inputs, out OutputDigest digest)
    {
        if (_files.TryGetValue(url, out var file) && file.Inputs == inputs)
        {
            digest = file.Digest;
            return true;
        }
        digest = default;
        return false;
    }

    public void Set(string url, UInt128 inputs, OutputDigest digest) => _files[url] = (inputs, digest);

    /// <summary>
    /// Writes the cache to <paramref name="file"/> (whole, or not at all). A cache that cannot be written (a folder
    /// the build may not write to) is left out: the site is published either way, and the next build makes every file.
    /// </summary>
    public void Write(string file)
    {
        // Written line by line, never as one string: a 100,000-entry site has 440,000 lines (a quarter of a GB as text).
        var temporary = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            using (var text = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16))
            {
                text.Write(Header);
                text.Write('\n');
                var urls = _files.Keys.ToArray();
                Array.Sort(urls, StringComparer.Ordinal);
                foreach (var url in urls)
                {
                    var (inputs, digest) = _files[url];
                    text.Write(Hex128.Format(inputs));
                    text.Write(' ');
                    text.Write(digest.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    text.Write(' ');
                    text.Write(digest.Sha256 is { } sha256 ? sha256.ToString() : "-");
                    text.Write(' ');
                    text.Write(digest.WrittenTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    text.Write(' ');
                    text.Write(url);
                    text.Write('\n');
                }
            }
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
