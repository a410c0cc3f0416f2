using System.Security.Cryptography;
using System.Text;
using Chronology.Publishing;
using Chronology.Site;

namespace Chronology.Tests.Publishing;

/// <summary>
/// The output cache holds its hashes as numbers, not strings of hex: its file is still the one earlier versions wrote
/// (so their caches stay good), what it reads back is what it wrote, and a line it cannot read is passed over, never
/// taken for a file made from other inputs.
/// </summary>
public sealed class OutputCacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "chronology-cache-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_hash_is_written_as_the_hex_of_its_bytes_and_read_back_the_same()
    {
        var bytes = Encoding.UTF8.GetBytes("<!DOCTYPE html><title>A page</title>");
        var sha256 = Sha256Hash.Of(bytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), sha256.ToString());
        Assert.True(Sha256Hash.TryParse(sha256.ToString(), out var parsed));
        Assert.Equal(sha256, parsed);

        // An inputs hash: the same digits as the fingerprint's hex, which is what the cache wrote before.
        var fingerprint = new Fingerprint().Add("an input");
        var inputs = new Fingerprint().Add("an input").ToUInt128();
        Assert.Equal(fingerprint.ToString(), Hex128.Format(inputs));
        Assert.True(Hex128.TryParse(fingerprint.ToString(), out var read));
        Assert.Equal(inputs, read);
        Assert.Equal("0000000000000000000000000000000f", Hex128.Format(15));
    }

    [Fact]
    public void What_is_written_is_read_back_and_a_line_that_cannot_be_read_is_left_out()
    {
        var file = Path.Combine(_folder, "site.cache");
        var page = PageDigest.Of(Encoding.UTF8.GetBytes("<p>page</p>"));
        var cache = new OutputCache();
        cache.Set("/entries/a/", 1, OutputDigest.Of(page));
        cache.Set("/entries/a/cite.bib", UInt128.MaxValue, new OutputDigest(8, null, 638_000_000_000_000_000));
        cache.Set("/a page with a space/", new UInt128(ulong.MaxValue, 2), OutputDigest.Of(page));
        cache.Write(file);

        var read = OutputCache.Read(file);
        Assert.Equal(3, read.Count);
        Assert.True(read.TryGet("/entries/a/", 1, out var digest));
        Assert.Equal(page, digest.Page);
        Assert.True(read.TryGet("/entries/a/cite.bib", UInt128.MaxValue, out var bib));
        Assert.Equal(new OutputDigest(8, null, 638_000_000_000_000_000), bib);
        Assert.Throws<InvalidOperationException>(() => bib.Page);
        Assert.True(read.TryGet("/a page with a space/", new UInt128(ulong.MaxValue, 2), out _));
        Assert.False(read.TryGet("/entries/a/", 2, out _)); // other inputs: made again

        // Lines as written, in the order of their URLs.
        var lines = File.ReadAllLines(file);
        Assert.Equal(["chronology output cache 2",
            $"{Hex128.Format(new UInt128(ulong.MaxValue, 2))} {page.Length} {page.Sha256} 0 /a page with a space/",
            $"00000000000000000000000000000001 {page.Length} {page.Sha256} 0 /entries/a/",
            $"ffffffffffffffffffffffffffffffff 8 - 638000000000000000 /entries/a/cite.bib"], lines);

        // A damaged line (a short hash, a page hash that is not hex) is not read; the others are.
        File.WriteAllLines(file, [lines[0], "abc 8 - 0 /short/", $"00000000000000000000000000000001 3 {new string('z', 64)} 0 /not-hex/", lines[2]]);
        var damaged = OutputCache.Read(file);
        Assert.Equal(1, damaged.Count);
        Assert.True(damaged.TryGet("/entries/a/", 1, out _));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
