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

    private static async IAsyncEnumerable<string> Stream(IEnumerable<string> parts)
    {
        foreach (var part in parts)
        {
            await Task.Yield();
            yield return part;
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
