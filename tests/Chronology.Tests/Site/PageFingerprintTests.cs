using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Chronology.Cli;
using Chronology.Diagnostics;
using Chronology.Model;
using Chronology.Site;
using Chronology.Theme;

namespace Chronology.Tests.Site;

/// <summary>
/// The page cache keeps a page without rendering it when its inputs hash as before, so the hash must see everything
/// the page shows. Both sites are edited, one kind of content file after another (every folder of the real site:
/// entries, sources, organisations, people, documents, registers, risks, matrices, review items, responses, archived
/// texts, and the glossary, site settings and link status), and every page rendered before and after each edit: a
/// page whose hash did not change must not have changed by a byte.
/// </summary>
public partial class PageFingerprintTests
{
    public static TheoryData<string, int> Walks => new() { { "real", 1 }, { "real", 2 }, { "bridges", 1 } };

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task A_page_whose_inputs_hash_as_before_is_the_same_page_after_an_edit_of_any_kind_of_content(string name, int seed)
    {
        using var work = new Scratch(name == "real" ? RepoPaths.Content : RepoPaths.BridgesContent);
        var random = new Random(seed);
        var before = await Render(work.Content);
        var (kept, accepted) = (0, 0);
        var log = new List<string>();
        foreach (var kind in Kinds.Where(k => Path.Exists(Path.Combine(work.Content, k))))
        {
            Dictionary<string, (UInt128 Inputs, string Html)>? after = null;
            for (var attempt = 0; attempt < 4 && after is null; attempt++)
            {
                var backup = Snapshot(work.Content);
                var edit = Mutate(work.Content, kind, random);
                if (edit is null) break;
                after = await Render(work.Content);
                log.Add(edit + (after is null ? " (refused)" : ""));
                if (after is null) Restore(work.Content, backup); // the edit broke a check (a quote, an id): taken back
            }
            if (after is null) continue;
            accepted++;
            foreach (var (url, page) in after)
            {
                if (!before!.TryGetValue(url, out var old) || old.Inputs != page.Inputs) continue;
                kept++;
                Assert.True(old.Html == page.Html, $"{url} changed but its inputs hashed as before, after: {string.Join("; ", log)}");
            }
            before = after;
        }
        // The walk did test something: nearly every kind of edit built, and pages kept their hash through them.
        Assert.True(accepted >= Kinds.Count(k => Path.Exists(Path.Combine(work.Content, k))) - 2, $"only {accepted} edits built: {string.Join("; ", log)}");
        Assert.True(kept > 0, "no page kept its hash through any edit");
    }

    /// <summary>A build works out the hash of everything beside the model (SiteBuild.Prepare); it must be the hash the model itself would make.</summary>
    [Fact]
    public void A_prepared_sites_hash_of_everything_is_the_one_its_model_makes()
    {
        foreach (var content in new[] { RepoPaths.Content, RepoPaths.BridgesContent })
        {
            var kept = Path.Combine(Path.GetTempPath(), "chronology-history-" + Guid.NewGuid().ToString("N"));
            try
            {
                var prepared = SiteBuild.Prepare(content, new DiagnosticBag(), historyFile: kept)!; // as a build does
                var direct = new SiteModel(SiteBuild.Check(content, new DiagnosticBag())) { History = prepared.History };
                Assert.Equal(Convert.ToHexString(direct.InputsHash), Convert.ToHexString(prepared.InputsHash));
            }
            finally
            {
                File.Delete(kept);
            }
        }
    }

    [Fact]
    public async Task Changing_an_entry_title_changes_the_hash_of_that_entry_and_its_neighbours_and_no_other_entry_page()
    {
        using var work = new Scratch(RepoPaths.Content);
        var before = (await Render(work.Content))!;
        var entries = Directory.GetFiles(Path.Combine(work.Content, "entries")).Order(StringComparer.Ordinal).ToList();
        var file = entries[entries.Count / 2];
        File.WriteAllText(file, Regex.Replace(File.ReadAllText(file), @"(?m)^title: .*$", "title: \"An edited title\""));
        var after = (await Render(work.Content))!;

        var changed = after.Where(p => p.Key.StartsWith("/entries/", StringComparison.Ordinal) && before[p.Key].Inputs != p.Value.Inputs).Select(p => p.Key).ToList();
        Assert.Contains(SiteUrls.Entry(Path.GetFileNameWithoutExtension(file)), changed);
        Assert.InRange(changed.Count, 1, 3);
        Assert.Contains("An edited title", after[SiteUrls.Entry(Path.GetFileNameWithoutExtension(file))].Html);
    }

    [Fact]
    public void The_hash_sees_the_type_the_nesting_and_every_value_and_ignores_a_dictionary_order()
    {
        static string Hash(object? value) => Convert.ToHexStringLower(Fingerprint.Of(value));

        Assert.NotEqual(Hash(new EdtfPoint(2020, 1, null, null, DateQualifier.None)), Hash(new EdtfPoint(2020, 2, null, null, DateQualifier.None)));
        Assert.NotEqual(Hash(new EdtfPoint(2020, null, null, null, DateQualifier.None)), Hash(new EdtfSet([new EdtfPoint(2020, null, null, null, DateQualifier.None)], AllOf: false)));
        Assert.NotEqual(Hash(new[] { "a", "b" }), Hash(new[] { "ab" }));
        Assert.NotEqual(Hash(new[] { new[] { "a" }, new[] { "b" } }), Hash(new[] { new[] { "a", "b" } }));
        Assert.NotEqual(Hash(null), Hash(""));
        Assert.NotEqual(Hash(1), Hash(1L));
        Assert.Equal(Hash(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }), Hash(new Dictionary<string, int> { ["b"] = 2, ["a"] = 1 }));
        Assert.NotEqual(Hash(new Dictionary<string, int> { ["a"] = 1 }), Hash(new Dictionary<string, int> { ["a"] = 2 }));
        Assert.Equal(Hash(new EdtfPoint(2020, 1, 5, null, DateQualifier.None)), Hash(new EdtfPoint(2020, 1, 5, null, DateQualifier.None)));
    }

    /// <summary>Where content came from is shown in messages, never on a page: the hash leaves it out, and only it.</summary>
    [Fact]
    public void The_hash_leaves_out_where_content_came_from_and_nothing_else()
    {
        static string Hash(object? value) => Convert.ToHexStringLower(Fingerprint.Of(value));
        var here = new Organisation("council", "A Council", null, [], "A description.", new ContentLocation("content/organisations/council.yml", 1, 1));
        var moved = here with { Location = new ContentLocation("./content/organisations/council.yml", 3, 2) };

        Assert.Equal(Hash(here), Hash(moved));
        Assert.NotEqual(Hash(here), Hash(here with { Name = "Another Council" }));
        var evidence = new Evidence(new SiteConfig("T", "D", null, "en-GB"), [], [], [here]);
        Assert.Equal(Hash(evidence), Hash(evidence with { ContentRoot = "/somewhere/else/content" }));
        Assert.NotEqual(Hash(evidence), Hash(evidence with { Organisations = [here with { Id = "other" }] }));
    }

    [Fact]
    public void A_value_the_hash_cannot_see_into_is_refused_not_skipped()
    {
        var error = Assert.Throws<NotSupportedException>(() => new Fingerprint().Add(new ContentHistory(new(StringComparer.Ordinal))));
        Assert.Contains(nameof(ContentHistory), error.Message);
        Assert.Throws<NotSupportedException>(() => new Fingerprint().Add(new StringBuilder("text")));
    }

    [Fact]
    public void A_native_app_is_known_by_the_build_id_its_linker_wrote_as_readelf_reads_it()
    {
        var binary = "/bin/ls";
        var readelf = new[] { "/usr/bin/readelf", "/bin/readelf" }.FirstOrDefault(File.Exists);
        if (readelf is null || !File.Exists(binary)) Assert.Skip("needs readelf (binutils) and /bin/ls to compare with");
        var start = new System.Diagnostics.ProcessStartInfo(readelf, ["-n", binary]) { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        var notes = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var expected = Regex.Match(notes, @"Build ID: ([0-9a-f]+)");
        if (!expected.Success) Assert.Skip($"{binary} has no build id to compare with");

        Assert.Equal(expected.Groups[1].Value, Convert.ToHexStringLower(Fingerprint.ElfBuildId(binary)!));
        using var work = new Scratch(RepoPaths.BridgesContent);
        var notElf = Path.Combine(work.Root, "not-elf");
        File.WriteAllText(notElf, "#!/bin/sh\necho not an executable of that kind\n");
        Assert.Null(Fingerprint.ElfBuildId(notElf));
        var truncated = Path.Combine(work.Root, "truncated");
        File.WriteAllBytes(truncated, File.ReadAllBytes(binary)[..100]);
        Assert.Null(Fingerprint.ElfBuildId(truncated));
    }

    /// <summary>Every page of the site in <paramref name="content"/>, with the hash of its inputs; null if the build refuses the content.</summary>
    private static async Task<Dictionary<string, (UInt128 Inputs, string Html)>?> Render(string content)
    {
        var site = SiteBuild.Prepare(content, new DiagnosticBag());
        if (site is null) return null;
        var html = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await SiteRenderer.RenderAsync(site, async (url, parts) =>
        {
            var page = new StringBuilder();
            await foreach (var part in parts) page.Append(part);
            html[url] = page.ToString();
        });
        var fingerprints = new SiteRenderer.PageFingerprints(site);
        return SiteRenderer.Pages(site).ToDictionary(job => job.Url, job => (fingerprints.Of(job), html[job.Url]), StringComparer.Ordinal);
    }

    /// <summary>Each kind of content, in the order the walk edits them.</summary>
    private static readonly string[] Kinds =
    [
        "entries", "sources", "organisations", "people", "documents", "registers", "risks", "matrices", "review", "responses",
        "snapshots", "glossary.yml", "site.yml", "link-status.json", "entries", "snapshots", "sources",
    ];

    /// <summary>Fields whose words may change without breaking a check (quotes and ids are left alone).</summary>
    [GeneratedRegex(@"^(?<lead>\s*(?:- )?(?:title|name|description|note|role|heading|label|publisher|shortName|expansion|footer|maintainer|noUrlReason|noDateReason|summary|commentary|mitigation|owner|status): )(?<value>[^\[{|>&*!].*)$")]
    private static partial Regex WordsField();

    /// <summary>One edit of a file of this kind, described; null if no file of the kind has anything to edit.</summary>
    private static string? Mutate(string content, string kind, Random random)
    {
        var path = Path.Combine(content, kind);
        var files = File.Exists(path) ? [path] : Directory.GetFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) return null;
        var word = $"edited{random.Next(1000)}";
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var file = files[random.Next(files.Length)];
            var relative = Path.GetRelativePath(content, file);
            if (file.EndsWith(".json", StringComparison.Ordinal))
            {
                var status = JsonNode.Parse(File.ReadAllText(file))!;
                var links = status["links"]!.AsArray();
                if (links.Count == 0) return null;
                var link = links[random.Next(links.Count)]!;
                link["outcome"] = "ok";
                link["status"] = 200;
                link["checkedAt"] = $"2026-0{random.Next(1, 10)}-1{random.Next(0, 10)}T10:00:00+00:00";
                File.WriteAllText(file, status.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
                return $"{relative}: {link["url"]} reached";
            }
            var lines = File.ReadAllLines(file);
            var body = BodyStart(lines, file);
            if (file.EndsWith(".txt", StringComparison.Ordinal))
            {
                // An archived text: a line inserted moves every passage after it (pages, offsets, context).
                var at = random.Next(body, lines.Length + 1);
                lines = [.. lines[..at], $"A line added in {word}.", .. lines[at..]];
                File.WriteAllLines(file, lines);
                return $"{relative}: line added at {at + 1}";
            }
            var candidates = Enumerable.Range(0, lines.Length).Where(i => i < body ? WordsField().IsMatch(lines[i]) : lines[i].Trim().Length > 0).ToList();
            if (candidates.Count == 0) continue;
            var line = candidates[random.Next(candidates.Count)];
            if (line >= body) lines[line] += $" A sentence added in {word}.";
            else
            {
                var match = WordsField().Match(lines[line]);
                var value = match.Groups["value"].Value;
                lines[line] = match.Groups["lead"].Value + (value.Length > 1 && value[0] is '"' or '\'' && value[^1] == value[0]
                    ? value[..^1] + " " + word + value[^1]
                    : value + " " + word);
            }
            File.WriteAllLines(file, lines);
            return $"{relative}: line {line + 1}";
        }
        return null;
    }

    /// <summary>The first line of a Markdown or archived text's body (after its front matter); a YAML file has none.</summary>
    private static int BodyStart(string[] lines, string file)
    {
        if (file.EndsWith(".yml", StringComparison.Ordinal)) return lines.Length;
        if (lines.Length == 0 || lines[0] != "---") return 0;
        var end = Array.IndexOf(lines, "---", 1);
        return end < 0 ? lines.Length : end + 1;
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes, StringComparer.Ordinal);

    private static void Restore(string folder, Dictionary<string, byte[]> files)
    {
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Where(f => !files.ContainsKey(f))) File.Delete(file);
        foreach (var (file, bytes) in files) File.WriteAllBytes(file, bytes);
    }

    private sealed class Scratch : IDisposable
    {
        public Scratch(string from)
        {
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(Content, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        public string Root { get; } = Path.Combine(Path.GetTempPath(), "chronology-tests", "fingerprints-" + Guid.NewGuid().ToString("N"));

        public string Content => Path.Combine(Root, "content");

        public void Dispose()
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }
    }
}
