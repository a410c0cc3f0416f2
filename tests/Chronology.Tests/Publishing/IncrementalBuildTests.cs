using Chronology.Cli;

namespace Chronology.Tests.Publishing;

/// <summary>
/// A build into an existing output rewrites only the files whose bytes changed and removes what it no longer
/// produces. Whatever edits come before, the result must be exactly what a clean build of the same content gives:
/// tested with seeded sequences of random edits (add, change, rename and delete entries, sources and
/// organisations) to a copy of the second test site, comparing every file after each edit.
/// </summary>
public class IncrementalBuildTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task After_any_sequence_of_edits_an_incremental_build_equals_a_clean_build(int seed)
    {
        using var work = Scratch.OfBridges();
        var random = new Random(seed);
        var incremental = work.Output;
        // The incremental side also keeps its parsed files between builds, as the preview server does.
        var cache = new Chronology.Loading.ContentCache();
        Assert.True((await SiteBuild.RunAsync(work.Content, incremental, cache: cache)).Published);

        var log = new List<string>();
        var changedFiles = new List<int>();
        var lastBuilt = Texts(work.Content);
        for (var step = 0; step < 8; step++)
        {
            var before = Tree(incremental);
            var edit = Edits[random.Next(Edits.Length)];
            log.Add((edit.Method.Name.StartsWith('<') ? "" : edit.Method.Name + ": ") + edit(work.Content, random)); // lambdas describe themselves
            var clean = Path.Combine(work.Root, $"clean-{step}");

            var parsesBefore = cache.Parses;
            var texts = Texts(work.Content);
            var updated = await SiteBuild.RunAsync(work.Content, incremental, cache: cache);
            // Exactly the files whose text the cache has not seen at that path were parsed again; the rest came from it.
            var touched = texts.Where(t => !lastBuilt.TryGetValue(t.Key, out var old) || old != t.Value).Select(t => t.Key).ToList();
            Assert.True(touched.Count == cache.Parses - parsesBefore,
                $"{cache.Parses - parsesBefore} parsed, but these changed: {string.Join(", ", touched)} (seed {seed}, after: {string.Join("; ", log)})");
            foreach (var (file, text) in texts) lastBuilt[file] = text; // a deleted file's parse stays in the cache
            var fresh = await SiteBuild.RunAsync(work.Content, clean);

            var story = $"seed {seed}, after: {string.Join("; ", log)}";
            Assert.Empty(Directory.GetDirectories(work.Root, "*.staging-*"));
            Assert.True(updated.Published == fresh.Published, $"one build failed and the other did not ({story})");
            if (!updated.Published)
            {
                // Both refused the content, for the same reasons; the output is as it was; the edit is taken back.
                Assert.Equal(fresh.Diagnostics.Sorted().Select(d => d.Code + " " + d.Message), updated.Diagnostics.Sorted().Select(d => d.Code + " " + d.Message));
                AssertSameTree(before, Tree(incremental), story);
                log.Add("(refused; taken back)");
                Restore(work);
                continue;
            }
            AssertSameTree(Tree(clean), Tree(incremental), story);
            Assert.Equal(fresh.FileCount, updated.FileCount);
            changedFiles.Add(updated.FileCount - updated.Unchanged);
            Accept(work);
        }
        // The point of it: some edits changed few files (not everything was rewritten).
        Assert.Contains(changedFiles, n => n > 0 && n < 40);
    }

    [Fact]
    public async Task An_unchanged_rebuild_writes_nothing_and_keeps_every_file_as_it_was()
    {
        using var work = Scratch.OfBridges();
        var output = work.Output;
        var first = await SiteBuild.RunAsync(work.Content, output);
        var times = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var second = await SiteBuild.RunAsync(work.Content, output);

        Assert.Equal(first.FileCount, second.Unchanged);
        Assert.All(times, t => Assert.Equal(t.Value, File.GetLastWriteTimeUtc(t.Key)));
    }

    [Fact]
    public async Task A_rebuild_renders_only_the_pages_whose_inputs_changed()
    {
        using var work = Scratch.OfBridges();
        var output = work.Output;
        var first = await SiteBuild.RunAsync(work.Content, output);
        Assert.Equal(first.PageCount, first.Rendered); // nothing to keep the first time
        // The cache is the project's (beside the content folder), one per output folder; nothing is left beside the output.
        var cacheFile = Chronology.Publishing.OutputCache.PathFor(output, work.Content);
        Assert.True(File.Exists(cacheFile));
        Assert.Equal(Path.Combine(work.Root, "obj", "chronology"), Path.GetDirectoryName(cacheFile));
        Assert.StartsWith("_site-", Path.GetFileName(cacheFile));
        var deployed = Path.Combine(work.Root, "deploy", "www");
        Assert.True((await SiteBuild.RunAsync(work.Content, deployed)).Published);
        Assert.False(Directory.Exists(Path.Combine(work.Root, "deploy", "obj")), "the cache was written beside a deployed output");
        Assert.NotEqual(cacheFile, Chronology.Publishing.OutputCache.PathFor(deployed, work.Content));
        Assert.True(File.Exists(Chronology.Publishing.OutputCache.PathFor(deployed, work.Content)));

        var unchanged = await SiteBuild.RunAsync(work.Content, output);
        Assert.Equal(1, unchanged.Rendered); // the About page, whose words the search index reads, is always rendered
        Assert.Equal(unchanged.FileCount - unchanged.PageCount, unchanged.KeptFiles); // and no other file was made

        var entry = Directory.GetFiles(Path.Combine(work.Content, "entries")).Order(StringComparer.Ordinal).First();
        File.WriteAllText(entry, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(entry), "(?m)^title: .*$", "title: \"A title changed by a test\""));
        var edited = await SiteBuild.RunAsync(work.Content, output);
        var clean = Path.Combine(work.Root, "clean");
        await SiteBuild.RunAsync(work.Content, clean);

        AssertSameTree(Tree(clean), Tree(output), "one entry's title changed");
        // The entry, its neighbour and the pages that list every entry were rendered; the other entries' pages were not.
        var entries = Directory.GetFiles(Path.Combine(work.Content, "entries")).Length;
        Assert.InRange(edited.Rendered, 2, edited.PageCount - (entries - 2));
        // Of the other files, the entry's three citation files and those that hold every entry (open data, search
        // index, tables, feeds, sitemap) were made again; every other entry's and source's citation files were kept.
        var made = edited.FileCount - edited.PageCount - edited.KeptFiles;
        Assert.InRange(made, 3 + 3, 3 + 12);
        Assert.Equal(unchanged.KeptFiles - made, edited.KeptFiles);
    }

    /// <summary>
    /// Where content came from is for messages only: a rebuild that names the content folder another way (here through
    /// one of its own folders, as a maintainer's <c>./content</c> or full path would), or a file whose lines moved
    /// without changing what it says, keeps every page and file. The messages still name the folder as it was given.
    /// </summary>
    [Fact]
    public async Task A_rebuild_that_names_the_content_folder_another_way_or_moves_lines_keeps_every_page()
    {
        using var work = Scratch.OfBridges();
        var output = work.Output;
        var first = await SiteBuild.RunAsync(work.Content, output);
        Assert.True(first.Published);

        var another = Path.Combine(work.Content, "entries", "..");
        var renamed = await SiteBuild.RunAsync(another, output);
        Assert.True(renamed.Published);
        Assert.Equal(1, renamed.Rendered); // the About page, always rendered for the search index
        Assert.Equal(renamed.FileCount - renamed.PageCount, renamed.KeptFiles);
        Assert.Contains(renamed.Diagnostics.Items, d => d.File.StartsWith(another.Replace('\\', '/') + "/", StringComparison.Ordinal));

        var source = Directory.GetFiles(Path.Combine(work.Content, "sources")).Order(StringComparer.Ordinal).First();
        File.WriteAllText(source, "# A comment that moves every line of this file down by two.\n\n" + File.ReadAllText(source));
        var moved = await SiteBuild.RunAsync(work.Content, output);
        Assert.Equal(1, moved.Rendered);
        Assert.Equal(moved.FileCount - moved.PageCount, moved.KeptFiles);

        var clean = Path.Combine(work.Root, "clean");
        await SiteBuild.RunAsync(work.Content, clean);
        AssertSameTree(Tree(clean), Tree(output), "the content folder named another way, then a source's lines moved");
    }

    /// <summary>
    /// A file other than a page is kept by its length and write time, as git trusts its index: changed by hand, even
    /// to the same length, it has another write time and is made again; deleted, it is made again.
    /// </summary>
    [Fact]
    public async Task A_file_other_than_a_page_changed_or_deleted_by_hand_is_made_again()
    {
        using var work = Scratch.OfBridges();
        var output = work.Output;
        var clean = Path.Combine(work.Root, "clean");
        await SiteBuild.RunAsync(work.Content, output);
        await SiteBuild.RunAsync(work.Content, clean);
        var all = (await SiteBuild.RunAsync(work.Content, output)).KeptFiles;

        var bib = Directory.GetFiles(Path.Combine(output, "entries"), "cite.bib", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var text = File.ReadAllText(bib);
        File.WriteAllText(bib, "X" + text[1..]); // the same length
        File.Delete(Path.Combine(output, "data", "chronology.json"));
        var mended = await SiteBuild.RunAsync(work.Content, output);

        Assert.Equal(all - 2, mended.KeptFiles);
        AssertSameTree(Tree(clean), Tree(output), "a citation file changed by hand, the open data deleted");
        Assert.Equal(all, (await SiteBuild.RunAsync(work.Content, output)).KeptFiles);
    }

    [Fact]
    public async Task A_page_changed_in_the_output_by_hand_is_rendered_again_and_a_missing_or_foreign_cache_renders_every_page()
    {
        using var work = Scratch.OfBridges();
        var output = work.Output;
        var clean = Path.Combine(work.Root, "clean");
        var first = await SiteBuild.RunAsync(work.Content, output);
        await SiteBuild.RunAsync(work.Content, clean);

        var page = Directory.GetFiles(Path.Combine(output, "entries"), "index.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.AppendAllText(page, "<!-- changed by hand -->");
        var mended = await SiteBuild.RunAsync(work.Content, output);
        Assert.Equal(2, mended.Rendered); // that page and the About page
        AssertSameTree(Tree(clean), Tree(output), "a page changed by hand");

        var cache = Chronology.Publishing.OutputCache.PathFor(output, work.Content);
        File.Delete(cache);
        Assert.Equal(first.PageCount, (await SiteBuild.RunAsync(work.Content, output)).Rendered);
        File.WriteAllText(cache, "not an output cache\n");
        Assert.Equal(first.PageCount, (await SiteBuild.RunAsync(work.Content, output)).Rendered);
        AssertSameTree(Tree(clean), Tree(output), "the cache deleted, then replaced by another file");
    }

    [Fact]
    public async Task A_stray_file_or_folder_in_the_output_is_removed_and_a_folder_where_a_file_goes_is_replaced()
    {
        using var work = Scratch.OfBridges();
        var output = work.Output;
        await SiteBuild.RunAsync(work.Content, output);
        Directory.CreateDirectory(Path.Combine(output, "stray", "deeper"));
        File.WriteAllText(Path.Combine(output, "stray", "deeper", "x.html"), "old");
        File.Delete(Path.Combine(output, "robots.txt"));
        Directory.CreateDirectory(Path.Combine(output, "robots.txt"));

        Assert.True((await SiteBuild.RunAsync(work.Content, output)).Published);
        var clean = Path.Combine(work.Root, "clean");
        await SiteBuild.RunAsync(work.Content, clean);

        AssertSameTree(Tree(clean), Tree(output), "stray files");
        Assert.False(Directory.Exists(Path.Combine(output, "stray")));
    }

    /// <summary>Links left in the output are removed as links: what they point to, outside the output, is never touched.</summary>
    [Fact]
    public async Task A_link_in_the_output_is_removed_and_never_followed()
    {
        using var work = Scratch.OfBridges();
        var output = work.Output;
        await SiteBuild.RunAsync(work.Content, output);
        var outside = Path.Combine(work.Root, "outside");
        Directory.CreateDirectory(Path.Combine(outside, "folder"));
        File.WriteAllText(Path.Combine(outside, "folder", "keep.txt"), "not the build's");
        File.WriteAllText(Path.Combine(outside, "file.txt"), "not the build's either");
        Directory.CreateSymbolicLink(Path.Combine(output, "linked-folder"), Path.Combine(outside, "folder"));
        File.CreateSymbolicLink(Path.Combine(output, "entries", "linked-file.txt"), Path.Combine(outside, "file.txt"));
        File.CreateSymbolicLink(Path.Combine(output, "broken-link"), Path.Combine(outside, "nothing"));

        Assert.True((await SiteBuild.RunAsync(work.Content, output)).Published);
        var clean = Path.Combine(work.Root, "clean");
        await SiteBuild.RunAsync(work.Content, clean);

        AssertSameTree(Tree(clean), Tree(output), "links in the output");
        Assert.False(Path.Exists(Path.Combine(output, "linked-folder")));
        Assert.Null(new FileInfo(Path.Combine(output, "broken-link")).LinkTarget);
        Assert.Equal("not the build's", File.ReadAllText(Path.Combine(outside, "folder", "keep.txt")));
        Assert.Equal("not the build's either", File.ReadAllText(Path.Combine(outside, "file.txt")));
    }

    private delegate string Edit(string content, Random random);

    private static readonly Edit[] Edits =
    [
        ChangeField("entries", "title"), ChangeEntryBody, AddEntry, Delete("entries"), RenameEntry,
        AddSource, ChangeField("sources", "title"), Delete("sources"), RenameSource,
        AddOrganisation, ChangeField("organisations", "name"), Delete("organisations"), RenameOrganisation,
    ];

    /// <summary>A file of the folder picked at random, with one top-level field given a new value.</summary>
    private static Edit ChangeField(string folder, string field) => (content, random) =>
    {
        var file = Pick(content, folder, random);
        Replace(file, l => l.StartsWith(field + ":", StringComparison.Ordinal), $"{field}: \"Edited {field} {random.Next(1000)}\"");
        return $"{folder}/{Path.GetFileName(file)} {field}";
    };

    /// <summary>A file of the folder picked at random, deleted (the build may refuse that, if something names it).</summary>
    private static Edit Delete(string folder) => (content, random) =>
    {
        var file = Pick(content, folder, random);
        File.Delete(file);
        return $"{folder}/{Path.GetFileName(file)} deleted";
    };

    private static string ChangeEntryBody(string content, Random random)
    {
        var file = Pick(content, "entries", random);
        File.AppendAllText(file, $"\nA sentence added in edit {random.Next(1000)}.\n");
        return Path.GetFileName(file);
    }

    private static string AddEntry(string content, Random random)
    {
        var id = $"added-entry-{random.Next(100000)}";
        var source = Path.GetFileNameWithoutExtension(Pick(content, "sources", random));
        var organisation = Path.GetFileNameWithoutExtension(Pick(content, "organisations", random));
        File.WriteAllText(Path.Combine(content, "entries", id + ".md"),
            $"---\ndate: \"20{random.Next(10, 23)}-0{random.Next(1, 10)}\"\ntitle: \"Added entry {id}\"\norganisations: [{organisation}]\ntags: [added]\ncitations:\n  - source: {source}\n---\nAn added entry.[^1]\n");
        return id;
    }

    private static string RenameEntry(string content, Random random)
    {
        var file = Pick(content, "entries", random);
        var renamed = Path.Combine(Path.GetDirectoryName(file)!, $"renamed-{random.Next(100000)}.md");
        File.Move(file, renamed);
        return $"{Path.GetFileName(file)} → {Path.GetFileName(renamed)}";
    }

    private static string AddSource(string content, Random random)
    {
        var id = $"added-source-{random.Next(100000)}";
        File.WriteAllText(Path.Combine(content, "sources", id + ".yml"),
            $"title: \"Added source {id}\"\npublisher: \"A publisher\"\ntype: report\ndate: \"2019\"\nnoUrlReason: \"Not published online.\"\n");
        // Cited by one entry, so it is not an orphan.
        var entry = Pick(content, "entries", random);
        Replace(entry, l => l == "citations:", $"citations:\n  - source: {id}");
        return id;
    }

    private static string RenameSource(string content, Random random) => RenameEverywhere(content, "sources", ".yml", random);

    private static string AddOrganisation(string content, Random random)
    {
        var id = $"added-organisation-{random.Next(100000)}";
        File.WriteAllText(Path.Combine(content, "organisations", id + ".yml"), $"name: \"Added organisation {id}\"\ndescription: \"An organisation added by an edit.\"\n");
        return id;
    }

    private static string RenameOrganisation(string content, Random random) => RenameEverywhere(content, "organisations", ".yml", random);

    /// <summary>A new id for a file, and every mention of the old id in the content changed with it (a snapshot too).</summary>
    private static string RenameEverywhere(string content, string folder, string extension, Random random)
    {
        var file = Pick(content, folder, random);
        var id = Path.GetFileNameWithoutExtension(file);
        var renamed = $"renamed-{random.Next(100000)}";
        File.Move(file, Path.Combine(content, folder, renamed + extension));
        var snapshot = Path.Combine(content, "snapshots", id + ".txt");
        if (File.Exists(snapshot)) File.Move(snapshot, Path.Combine(content, "snapshots", renamed + ".txt"));
        foreach (var other in Directory.EnumerateFiles(content, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(other);
            var replaced = System.Text.RegularExpressions.Regex.Replace(text, $@"(?<![\w-]){System.Text.RegularExpressions.Regex.Escape(id)}(?![\w-])", renamed);
            if (replaced != text) File.WriteAllText(other, replaced);
        }
        return $"{id} → {renamed}";
    }

    private static string Pick(string content, string folder, Random random)
    {
        var files = Directory.GetFiles(Path.Combine(content, folder)).Order(StringComparer.Ordinal).ToArray();
        return files[random.Next(files.Length)];
    }

    private static void Replace(string file, Func<string, bool> which, string replacement)
    {
        var lines = File.ReadAllLines(file);
        var at = Array.FindIndex(lines, l => which(l));
        Assert.True(at >= 0, $"{file} has no line to replace");
        lines[at] = replacement;
        File.WriteAllLines(file, lines);
    }

    /// <summary>The content files the loader parses (site.yml, the glossary and the link status are read every time).</summary>
    private static Dictionary<string, string> Texts(string content) =>
        Directory.EnumerateFiles(content, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetDirectoryName(f) != content)
            .ToDictionary(f => f, File.ReadAllText, StringComparer.Ordinal);

    private static Dictionary<string, byte[]> Tree(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    private static void AssertSameTree(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual, string story)
    {
        Assert.True(expected.Keys.Order(StringComparer.Ordinal).SequenceEqual(actual.Keys.Order(StringComparer.Ordinal)),
            $"files differ ({story}): only in clean: {string.Join(", ", expected.Keys.Except(actual.Keys))}; only in incremental: {string.Join(", ", actual.Keys.Except(expected.Keys))}");
        var different = expected.Where(e => !e.Value.AsSpan().SequenceEqual(actual[e.Key])).Select(e => e.Key).ToList();
        Assert.True(different.Count == 0, $"contents differ ({story}): {string.Join(", ", different)}");
    }

    /// <summary>Keeps a copy of content that built, to go back to when an edit is refused.</summary>
    private static void Accept(Scratch work)
    {
        var copy = Path.Combine(work.Root, "accepted");
        if (Directory.Exists(copy)) Directory.Delete(copy, recursive: true);
        CopyFolder(work.Content, copy);
    }

    private static void Restore(Scratch work)
    {
        var copy = Path.Combine(work.Root, "accepted");
        Directory.Delete(work.Content, recursive: true);
        CopyFolder(Directory.Exists(copy) ? copy : RepoPaths.BridgesContent, work.Content);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private sealed class Scratch : IDisposable
    {
        public string Root { get; } = Path.Combine(Path.GetTempPath(), "chronology-tests", "incremental-" + Guid.NewGuid().ToString("N"));

        public string Content => Path.Combine(Root, "content");

        /// <summary>Where the site is built and rebuilt (its page cache goes beside it, in obj/).</summary>
        public string Output => Path.Combine(Root, "_site");

        /// <summary>A scratch folder holding a copy of the second test site's content.</summary>
        public static Scratch OfBridges()
        {
            var work = new Scratch();
            CopyFolder(RepoPaths.BridgesContent, work.Content);
            return work;
        }

        public void Dispose()
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }
    }
}
