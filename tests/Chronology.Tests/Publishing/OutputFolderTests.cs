using Chronology.Diagnostics;

namespace Chronology.Tests.Publishing;

public class OutputFolderTests
{
    private const string Entry = "-- content/entries/a.md --\n---\ndate: 2012\ntitle: A\ncitations:\n  - source: src-a\n---\nBody.\n";

    [Fact]
    public async Task A_failed_build_leaves_the_previous_output_exactly_as_it_was()
    {
        using var site = TestSite.Create(Entry);
        await site.BuildOkAsync();
        var before = Snapshot(site.Output);

        site.Write("content/entries/b.md", "---\ndate: 2012-99\ntitle: B\ncitations:\n  - source: src-a\n---\nBody.\n");
        var failedOnContent = await site.BuildAsync();
        site.Write("content/entries/b.md", "---\ndate: 2012\ntitle: B\ncitations:\n  - source: src-a\n---\n[broken](../nowhere/)\n");
        var failedOnLinks = await site.BuildAsync();

        Assert.False(failedOnContent.Published);
        Assert.Contains(failedOnContent.Diagnostics.Items, d => d.Code == DiagnosticCodes.InvalidDate);
        Assert.False(failedOnLinks.Published);
        Assert.Contains(failedOnLinks.Diagnostics.Items, d => d.Code == DiagnosticCodes.BrokenLink);
        Assert.Equal(before, Snapshot(site.Output));
        Assert.Single(Directory.GetFileSystemEntries(site.Root), e => Path.GetFileName(e).StartsWith("_site", StringComparison.Ordinal));
    }

    [Fact]
    public void Pages_written_from_several_threads_are_all_recorded_and_a_write_failure_is_not_lost()
    {
        using var site = TestSite.Create("");
        var writer = new Chronology.Publishing.OutputWriter(site.Output);
        Parallel.For(0, 500, i => writer.WritePage($"/p{i}/", $"<!DOCTYPE html><html><body><a id=\"x\" href=\"../p{(i + 1) % 500}/\">next</a></body></html>"));
        Assert.Throws<InvalidOperationException>(() => writer.WritePage("/p3/", "<p>again</p>"));

        // Recorded by output path, whatever order the threads wrote in.
        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"p{i}/index.html").Order(StringComparer.Ordinal), writer.Pages.Select(p => p.OutputPath));
        Assert.All(writer.Pages, p => Assert.Single(p.Links));
        Assert.True(File.Exists(Path.Combine(site.Output, "p499", "index.html")));

        // A file where a folder must go: the write fails, and the failure reaches the caller.
        site.Write("blocked", "a file, not a folder");
        var blocked = new Chronology.Publishing.OutputWriter(Path.Combine(site.Root, "blocked"));
        var failure = Record.Exception(() => Parallel.For(0, 1000, i => blocked.WritePage($"/p{i}/", "<p>x</p>")));
        Assert.IsAssignableFrom<IOException>(Assert.IsType<AggregateException>(failure).InnerExceptions[0]);
    }

    [Fact]
    public async Task A_successful_build_replaces_the_output_and_removes_stale_files()
    {
        using var site = TestSite.Create(Entry);
        Directory.CreateDirectory(site.Output);
        File.WriteAllText(Path.Combine(site.Output, "stale.html"), "old");

        await site.BuildOkAsync();

        Assert.False(File.Exists(Path.Combine(site.Output, "stale.html")));
        Assert.True(File.Exists(Path.Combine(site.Output, "entries", "a", "index.html")));
        Assert.Single(Directory.GetFileSystemEntries(site.Root), e => Path.GetFileName(e).StartsWith("_site", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_builds_of_the_same_content_are_byte_identical()
    {
        using var site = TestSite.Create(Entry + "-- content/entries/b.md --\n---\ndate: \"{2019-01,2019-11}\"\nlabel: January 2019 and November 2019\ntitle: B\ncitations:\n  - source: src-a\n    locator: page 3\n    quote: words\n---\nBody.\n");
        await site.BuildOkAsync();
        var first = Snapshot(site.Output);

        await site.BuildOkAsync();

        Assert.Equal(first, Snapshot(site.Output));
    }

    private static SortedDictionary<string, string> Snapshot(string root) => new(
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f),
            f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);
}
