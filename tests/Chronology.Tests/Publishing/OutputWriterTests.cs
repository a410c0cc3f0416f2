using Chronology.Publishing;

namespace Chronology.Tests.Publishing;

/// <summary>
/// A page that comes in parts, and a file written straight to its stream (the open data, the search index, the CSV
/// tables), are written as they come: the file, and what the link checker reads from a page, are what the whole would
/// give; and, as for any file, one the same as its published copy is not kept.
/// </summary>
public sealed class OutputWriterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "chronology-writer-" + Guid.NewGuid().ToString("N"));

    private static readonly string[] Parts =
    [
        "<!DOCTYPE html>\r\n<html><body><main id=\"top\"><p>One line\r",
        "\nand the next</p>\r\n<ol>",
        "<li><a href=\"../a/\">a</a></li>\n<li id=\"b\"><a href=\"#top\">b</a></li>",
        "</ol></main></body></html>\r\n",
    ];

    /// <summary>Once links are checked the pages' records are let go (a large site's are hundreds of megabytes); the paths stay, for publishing.</summary>
    [Fact]
    public void Forgotten_pages_leave_the_paths()
    {
        var writer = new OutputWriter(Folder("forget"));
        writer.WritePage("/p/", string.Concat(Parts));
        writer.WriteText("/p/cite.bib", "@misc{p}");
        Assert.Single(writer.Pages);

        writer.ForgetPages();

        Assert.Empty(writer.Pages);
        Assert.Equal(["p/cite.bib", "p/index.html"], writer.Paths);
        Assert.True(writer.PathSet.SetEquals(writer.Paths));
    }

    [Fact]
    public async Task A_page_in_parts_is_the_file_and_the_links_of_the_whole_page()
    {
        var whole = string.Concat(Parts);
        var inParts = new OutputWriter(Folder("parts"));
        var atOnce = new OutputWriter(Folder("whole"));

        await inParts.WritePageAsync("/p/", Stream(Parts));
        atOnce.WritePage("/p/", whole);

        Assert.Equal(File.ReadAllBytes(Path.Combine(Folder("whole"), "p/index.html")), File.ReadAllBytes(Path.Combine(Folder("parts"), "p/index.html")));
        Assert.DoesNotContain((byte)'\r', File.ReadAllBytes(Path.Combine(Folder("parts"), "p/index.html")));
        var (expected, actual) = (atOnce.Pages.Single(), inParts.Pages.Single());
        Assert.Equal(expected.Links, actual.Links);
        Assert.Equal(expected.Ids.Order(StringComparer.Ordinal), actual.Ids.Order(StringComparer.Ordinal));
        Assert.Equal(["p/index.html"], inParts.Paths);
    }

    [Fact]
    public async Task A_page_in_parts_the_same_as_its_published_copy_is_not_written_again()
    {
        var published = Folder("published");
        await new OutputWriter(published).WritePageAsync("/p/", Stream(Parts));

        var same = new OutputWriter(Folder("same"), previous: published);
        await same.WritePageAsync("/p/", Stream(Parts));
        var longer = new OutputWriter(Folder("longer"), previous: published);
        await longer.WritePageAsync("/p/", Stream([.. Parts, "<!-- more -->"]));
        var shorter = new OutputWriter(Folder("shorter"), previous: published);
        await shorter.WritePageAsync("/p/", Stream(Parts[..^1]));

        Assert.Equal(1, same.Unchanged);
        Assert.False(File.Exists(Path.Combine(Folder("same"), "p/index.html")));
        Assert.Equal(["p/index.html"], same.Paths);
        Assert.Single(same.Pages);
        foreach (var (writer, name) in new[] { (longer, "longer"), (shorter, "shorter") })
        {
            Assert.Equal(0, writer.Unchanged);
            Assert.True(File.Exists(Path.Combine(Folder(name), "p/index.html")), name);
        }
    }

    [Fact]
    public async Task A_page_too_long_to_hold_is_written_as_it_comes_and_is_still_the_whole_page()
    {
        var whole = string.Concat(LongParts);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(whole) > OutputWriter.StreamAbove, "the page must be long enough to be written as it comes");
        var inParts = new OutputWriter(Folder("parts"));
        var atOnce = new OutputWriter(Folder("whole"));

        await inParts.WritePageAsync("/p/", Stream(LongParts));
        atOnce.WritePage("/p/", whole);

        var bytes = File.ReadAllBytes(Path.Combine(Folder("parts"), "p/index.html"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(Folder("whole"), "p/index.html")), bytes);
        Assert.Equal(atOnce.Digests["/p/"], inParts.Digests["/p/"]);
        Assert.Equal(PageDigest.Of(bytes), inParts.Digests["/p/"]);
        Assert.Equal(200, inParts.Pages.Single().Links.Count);
        Assert.Equal(atOnce.Pages.Single().Links, inParts.Pages.Single().Links);
        Assert.Equal(atOnce.Pages.Single().Ids.Order(StringComparer.Ordinal), inParts.Pages.Single().Ids.Order(StringComparer.Ordinal));

        // The same long page again, beside its published copy: not kept; one character different: kept.
        var same = new OutputWriter(Folder("same"), previous: Folder("parts"));
        await same.WritePageAsync("/p/", Stream(LongParts));
        var changed = new OutputWriter(Folder("changed"), previous: Folder("parts"));
        await changed.WritePageAsync("/p/", Stream([.. LongParts[..^1], LongParts[^1].Replace("part", "Part", StringComparison.Ordinal)]));
        Assert.Equal((1, false), (same.Unchanged, File.Exists(Path.Combine(Folder("same"), "p/index.html"))));
        Assert.Equal(inParts.Digests["/p/"], same.Digests["/p/"]);
        Assert.Equal(0, changed.Unchanged);
        Assert.Equal(bytes.Length, new FileInfo(Path.Combine(Folder("changed"), "p/index.html")).Length);
    }

    [Fact]
    public void A_file_written_straight_to_its_stream_is_kept_only_if_it_changed()
    {
        var published = Folder("published");
        static void Data(Stream file) => file.Write("{\"entries\":[]}\n"u8);
        new OutputWriter(published).WriteStream("/data/chronology.json", Data);

        var same = new OutputWriter(Folder("same"), previous: published);
        same.WriteStream("/data/chronology.json", Data);
        var changed = new OutputWriter(Folder("changed"), previous: published);
        changed.WriteStream("/data/chronology.json", file => file.Write("{\"entries\":[1]}\n"u8));

        Assert.Equal("{\"entries\":[]}\n", File.ReadAllText(Path.Combine(published, "data/chronology.json")));
        Assert.Equal((1, false), (same.Unchanged, File.Exists(Path.Combine(Folder("same"), "data/chronology.json"))));
        Assert.Equal(["data/chronology.json"], same.Paths);
        Assert.Equal((0, "{\"entries\":[1]}\n"), (changed.Unchanged, File.ReadAllText(Path.Combine(Folder("changed"), "data/chronology.json"))));
    }

    private string Folder(string name) => Path.Combine(_root, name);

    /// <summary>
    /// The parts as the theme hands them on: each in one buffer, overwritten for the next, so a writer that kept a part
    /// after asking for the next would write the wrong text.
    /// </summary>
    private static async IAsyncEnumerable<ReadOnlyMemory<char>> Stream(IReadOnlyList<string> parts)
    {
        var buffer = new char[parts.Count == 0 ? 0 : parts.Max(p => p.Length)];
        foreach (var part in parts)
        {
            await Task.Yield();
            buffer.AsSpan().Fill('#');
            part.CopyTo(buffer);
            yield return buffer.AsMemory(0, part.Length);
        }
    }

    /// <summary>
    /// A page of 2,000 parts, over a megabyte and a half: CRLFs cut between parts, lone CRs (some at a part's end), letters beyond ASCII and a
    /// character outside the Basic Multilingual Plane in every part, a link and an id in every tenth.
    /// </summary>
    private static readonly string[] LongParts = [.. Enumerable.Range(0, 2000).Select(i =>
        (i % 3 == 0 ? "\n" : "") + $"<p{(i % 10 == 0 ? $" id=\"p{i}\"" : "")}>Réunion 🚑 part {i}\r{new string('x', 700 + i % 50)}" +
        (i % 10 == 0 ? $"<a href=\"../{i}/\">{i}</a>" : "") + "</p>" + (i % 3 == 2 || i % 4 == 1 ? "\r" : i % 7 == 0 ? "\r\n" : ""))];

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
