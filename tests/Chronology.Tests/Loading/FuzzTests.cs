using System.Security.Cryptography;
using System.Text;
using Chronology.Diagnostics;

namespace Chronology.Tests.Loading;

/// <summary>
/// Generated mutations of a small but complete site (every content kind): random bytes, truncations, deep nesting,
/// huge numbers, other scripts' digits, control characters and symbolic links. Each run must end in a located
/// error or a clean build: never an exception, and a failed build never changes the previous output. The
/// mutations come from a fixed seed, so a failure repeats; the count is bounded so CI stays fast.
/// </summary>
public class FuzzTests
{
    /// <summary>Runs per test run (FUZZ_RUNS raises it for a longer search by hand; FUZZ_SEED starts elsewhere).</summary>
    private static readonly int Runs = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_RUNS"), out var runs) ? runs : 300;

    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var seed) ? seed : 20261130;

    private static readonly string[] Insertions =
    [
        new string('[', 20_000), new string('{', 20_000), "\n" + new string('>', 20_000) + " x\n", string.Concat(Enumerable.Repeat("- ", 5_000)),
        "99999999999999999999999999999999999", "page 99999999999", "٣", "٢٠٢١", "\u0001", "\u0000", "\u007F", "\r",
        "\t", ": :", "!!python/object:x", "&anchor ", "*anchor", "[^99]", "[^0]", "[x](//evil/path)", "[x](javascript:alert(1))",
        "[x](../../nowhere/)", "\"", "'", "---\n", "\uFEFF", "\uD800", "<script>alert(1)</script>", "0000-01-01", "9999-24",
    ];

    [Fact]
    public async Task Mutated_content_gives_a_located_error_or_a_clean_build_never_an_exception()
    {
        using var site = TestSite.Create(DocumentFixtures.Files.Replace("A note about the programme's plans.", "A note about the programme's plans.[^1]"), withDefaults: false);
        await Fuzz(site, Runs);
    }

    /// <summary>The same on a copy of the real content (fewer runs: each builds the whole site).</summary>
    [Fact]
    public async Task Mutated_real_content_gives_a_located_error_or_a_clean_build_never_an_exception()
    {
        using var site = TestSite.Create("", withDefaults: false);
        foreach (var file in Directory.GetFiles(RepoPaths.Content, "*", SearchOption.AllDirectories))
            site.WriteBytes(Path.Combine("content", Path.GetRelativePath(RepoPaths.Content, file)), File.ReadAllBytes(file));
        await Fuzz(site, Math.Max(10, Runs / 15));
    }

    /// <summary>
    /// Every field of every file left out in turn (a key and all that is nested under it): a required one must give an
    /// error at that file, and no field's absence may throw anywhere in checking or building.
    /// </summary>
    [Fact]
    public async Task Every_field_left_out_in_turn_gives_a_located_error_or_a_clean_build_never_an_exception()
    {
        using var site = TestSite.Create(DocumentFixtures.Files + """

            -- content/review/conclusion-1.yml --
            kind: conclusion
            section: "1"
            title: Funding
            text: "Funding is not secured after March 2020"
            source: bundle
            locator: document 1
            entries: [2020-register-updated]
            sources: [note-doc]
            -- content/responses/response-1.yml --
            respondsTo: conclusion-1
            organisation: net
            kind: commentary
            date: 2021-07
            label: July 2021
            text: "HIN Ltd received several subscriptions."
            source: bundle
            """, withDefaults: false);
        await site.BuildOkAsync();
        var before = Snapshot(site.Output);
        var tried = 0;
        foreach (var file in Directory.GetFiles(site.Content, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetExtension(file) is not (".yml" or ".md")) continue;
            var original = File.ReadAllText(file);
            var lines = original.Split('\n');
            // YAML keys at the left margin: the whole file, or a Markdown file's front matter.
            var (first, last) = file.EndsWith(".md", StringComparison.Ordinal) ? (1, Array.IndexOf(lines, "---", 1)) : (0, lines.Length);
            for (var i = first; i < last; i++)
            {
                if (lines[i].Length == 0 || !char.IsAsciiLetter(lines[i][0]) || !lines[i].Contains(':')) continue;
                var end = i + 1;
                while (end < last && (lines[end].StartsWith(' ') || lines[end].StartsWith('-'))) end++;
                var key = lines[i][..lines[i].IndexOf(':')];
                var where = $"'{key}' left out of {Path.GetRelativePath(site.Content, file)}";
                try
                {
                    File.WriteAllText(file, string.Join('\n', lines[..i].Concat(lines[end..])));
                    var check = site.Check();
                    var result = await site.BuildAsync();
                    foreach (var error in check.Concat(result.Diagnostics.Items).Where(d => d.Severity == Severity.Error))
                        Assert.True(error.Line >= 1 && error.Column >= 1 && !error.File.EndsWith(".html", StringComparison.Ordinal), $"{where}: {error}");
                    if (result.Published) before = Snapshot(site.Output); // an optional field: the previous output from now on
                    else
                    {
                        Assert.Equal(before, Snapshot(site.Output));
                        Assert.Contains(check, d => d.Severity == Severity.Error && d.File == file.Replace('\\', '/'));
                    }
                }
                catch (Exception e) when (e is not Xunit.Sdk.XunitException)
                {
                    Assert.Fail($"{where} threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                }
                finally
                {
                    File.WriteAllText(file, original);
                }
                tried++;
            }
        }
        Assert.True(tried > 80, $"only {tried} fields tried");
        await site.BuildOkAsync();
    }

    private static async Task Fuzz(TestSite site, int runs)
    {
        await site.BuildOkAsync();
        var files = Directory.GetFiles(site.Content, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var originals = files.ToDictionary(f => f, File.ReadAllBytes);
        using var outside = TestSite.Create("-- elsewhere/secret.md --\n---\ndate: 2020\ntitle: Secret\ncitations:\n  - source: bundle\n---\nSecret.[^1]\n", withDefaults: false);

        for (var run = 0; run < runs; run++)
        {
            var random = new Random(Seed + run);
            var file = files[random.Next(files.Length)];
            var (description, mutate) = Mutation(random, originals[file], Path.Combine(outside.Root, "elsewhere", "secret.md"));
            var before = Snapshot(site.Output);
            try
            {
                mutate(file);
                var checkDiagnostics = site.Check();
                var result = await site.BuildAsync();
                foreach (var error in result.Diagnostics.Items.Where(d => d.Severity == Severity.Error))
                {
                    Assert.True(error.Line >= 1 && error.Column >= 1, $"run {run} ({description} in {file}): unlocated {error}");
                    Assert.False(error.File.EndsWith(".html", StringComparison.Ordinal), $"run {run} ({description} in {file}): an error in a generated file: {error}");
                }
                // No staging folder is ever left beside the output, whatever happened in the build.
                Assert.Empty(Directory.GetDirectories(site.Root, Path.GetFileName(site.Output) + ".staging-*"));
                if (!result.Published)
                {
                    Assert.Equal(before, Snapshot(site.Output));
                    Assert.Contains(checkDiagnostics, d => d.Severity == Severity.Error);
                }
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"run {run} ({description} in {Path.GetRelativePath(site.Root, file)}) threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }
            finally
            {
                if (new FileInfo(file).LinkTarget is not null) File.Delete(file);
                File.WriteAllBytes(file, originals[file]);
            }
        }
        await site.BuildOkAsync();
    }

    private static (string Description, Action<string> Mutate) Mutation(Random random, byte[] original, string outsideFile)
    {
        switch (random.Next(6))
        {
            case 0:
                {
                    var bytes = (byte[])original.Clone();
                    var flips = 1 + random.Next(4);
                    for (var i = 0; i < flips && bytes.Length > 0; i++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    return ($"{flips} random bytes", path => File.WriteAllBytes(path, bytes));
                }
            case 1:
                {
                    var length = random.Next(original.Length + 1);
                    return ($"truncated to {length} bytes", path => File.WriteAllBytes(path, original[..length]));
                }
            case 2:
                {
                    File.Exists(outsideFile);
                    void LinkOut(string path)
                    {
                        File.Delete(path);
                        File.CreateSymbolicLink(path, outsideFile);
                    }
                    return ("a symbolic link out of the content folder", LinkOut);
                }
            default:
                {
                    var insertion = Insertions[random.Next(Insertions.Length)];
                    // A lone surrogate cannot be encoded: write the bytes a careless editor would (invalid UTF-8).
                    var inserted = insertion == "\uD800" ? [0xED, 0xA0, 0x80] : Encoding.UTF8.GetBytes(insertion);
                    var at = random.Next(original.Length + 1);
                    var mutated = original[..at].Concat(inserted).Concat(original[at..]).ToArray();
                    var shown = insertion.Length > 20 ? insertion[..20] + "…" : insertion;
                    return ($"'{string.Concat(shown.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"U+{(int)c:X4}" : c.ToString()))}' inserted at byte {at}", path => File.WriteAllBytes(path, mutated));
                }
        }
    }

    /// <summary>Every output file's path and hash: what "the previous output, untouched" means.</summary>
    private static string Snapshot(string output)
    {
        if (!Directory.Exists(output)) return "";
        var lines = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(output, f) + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
        return string.Join("\n", lines);
    }
}
