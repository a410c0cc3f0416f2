using Chronology.Cli;
using Chronology.Diagnostics;
using Chronology.Loading;

namespace Chronology.Tests.Loading;

/// <summary>
/// The preview server's cache of parsed files: after an edit, a file is read again only if its size or time of change
/// moved, or if it was read within <see cref="ContentCache.Settled"/> of its last change (a second change in the same
/// clock tick could keep both); and it is parsed again only if its text changed.
/// </summary>
public class ContentCacheTests
{
    private const string Entry = """
        -- content/entries/event.md --
        ---
        date: 2012
        title: First title
        citations:
          - source: src-a
        ---
        Text.[^1]
        """;

    private static (string Title, int Parses) Check(TestSite site, ContentCache cache)
    {
        var diagnostics = new DiagnosticBag();
        var evidence = SiteBuild.Check(site.Content, diagnostics, cache: cache).Evidence;
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        return (evidence.Entries.Single(e => e.Id == "event").Title, cache.Parses);
    }

    private static string EntryFile(TestSite site) => Path.Combine(site.Content, "entries", "event.md");

    [Fact]
    public void A_settled_file_whose_size_and_time_are_unchanged_is_not_read_again()
    {
        using var site = TestSite.Create(Entry);
        var file = EntryFile(site);
        var long_ago = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(file, long_ago);
        var cache = new ContentCache();
        var (_, parses) = Check(site, cache);

        // The same size and time of change: the file stands as it was read, so it is not read (a changed text of
        // the same length with its old time restored is the one thing this cannot see, as for git and make).
        File.WriteAllText(file, File.ReadAllText(file).Replace("First title", "Other title"));
        File.SetLastWriteTimeUtc(file, long_ago);
        Assert.Equal(("First title", parses), Check(site, cache));

        // A real edit moves the time: the file is read and parsed again.
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow);
        Assert.Equal(("Other title", parses + 1), Check(site, cache));
    }

    [Fact]
    public void A_file_read_soon_after_it_changed_is_read_again_even_with_the_same_size_and_time()
    {
        using var site = TestSite.Create(Entry);
        var file = EntryFile(site);
        var cache = new ContentCache();
        var (_, parses) = Check(site, cache);
        var changed = File.GetLastWriteTimeUtc(file);

        File.WriteAllText(file, File.ReadAllText(file).Replace("First title", "Other title"));
        File.SetLastWriteTimeUtc(file, changed);
        Assert.Equal(("Other title", parses + 1), Check(site, cache));

        // The same text again (only the time moved): read, compared, not parsed.
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(-30));
        Assert.Equal(("Other title", parses + 1), Check(site, cache));
    }
}
