using Chronology.Publishing;

namespace Chronology.Tests.Publishing;

/// <summary>
/// A page that comes in parts is written as it comes: the file, and what the link checker reads from it, are what the
/// whole page would give; and, as for any file, one the same as its published copy is not written again.
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
