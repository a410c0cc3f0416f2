using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Chronology.Diagnostics;

namespace Chronology.Tests.Site;

/// <summary>
/// The invented test site (tests/sites/bridges, "Millbrook Bridges") as a whole: it builds cleanly, and nothing of the
/// first site (the SIM chronology) shows on its pages. Wording written for the first site into the theme or the
/// generator shows up here, where it is plainly wrong.
/// </summary>
public sealed partial class BridgesSiteTests
{
    /// <summary>
    /// Words of the first site that no page of this one may carry. "SIM" and "NHS" are matched as capitals at the start
    /// of a word (so "NHSE" counts, "simple" does not); the others in any case at the start of a word. This site has no
    /// review, no annex and no seed documents, so "review", "annex 1" and "seed" are the first site's too.
    /// </summary>
    [GeneratedRegex(@"\bSIM\b|\bNHS|(?i:\bSerenity|\bAHSN|\bannex 1\b|\bseed|\breview)")]
    private static partial Regex FirstSiteWording();

    /// <summary>
    /// First-site wording that the theme or generator still writes into this site today, as (page, text): each text is
    /// exactly what the page shows (white space collapsed) and holds a match of <see cref="FirstSiteWording"/>. The
    /// test fails on any leak not listed here, and on any listed leak that has gone: when the theme is fixed, remove
    /// its rows (the list should end up empty).
    /// </summary>
    private static readonly (string Page, string Text)[] KnownLeaks = [];

    [Fact]
    public void The_Bridges_site_builds_with_no_error_and_no_warning_but_the_one_for_unchecked_urls()
    {
        var result = BridgesSite.Result;
        Assert.True(result.Published, string.Join("\n", result.Diagnostics.Items));
        Assert.DoesNotContain(result.Diagnostics.Items, d => d.Severity == Severity.Error);
        var warnings = result.Diagnostics.Items.Where(d => d.Severity == Severity.Warning).ToList();
        Assert.True(warnings.All(w => w.Code == "CHR334") && warnings.Count <= 1, string.Join("\n", warnings));
    }

    [Fact]
    public void Every_page_of_the_Bridges_site_has_a_title_of_its_own()
    {
        var titles = BridgesSite.Paths().Select(path => (Path: path, Title: BridgesSite.Page(path).Title?.Trim() ?? "")).ToList();

        Assert.All(titles, t => Assert.False(string.IsNullOrWhiteSpace(t.Title), $"{t.Path} has no <title>"));
        var shared = titles.GroupBy(t => t.Title).Where(g => g.Count() > 1).Select(g => $"“{g.Key}”: {string.Join(", ", g.Select(t => t.Path))}").ToList();
        Assert.True(shared.Count == 0, "pages share a <title>:\n" + string.Join("\n", shared));
    }

    [Fact]
    public void Every_entry_and_source_of_the_Bridges_content_has_its_page_and_every_quotation_is_verified()
    {
        var content = RepoPaths.BridgesContent;
        foreach (var entry in Directory.EnumerateFiles(Path.Combine(content, "entries"), "*.md"))
            Assert.True(File.Exists(BridgesSite.FileOf($"/entries/{Path.GetFileNameWithoutExtension(entry)}/")), entry);
        foreach (var source in Directory.EnumerateFiles(Path.Combine(content, "sources"), "*.yml"))
            Assert.True(File.Exists(BridgesSite.FileOf($"/sources/{Path.GetFileNameWithoutExtension(source)}/")), source);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(BridgesSite.Output, "data", "chronology.json")));
        var quotes = json.RootElement.GetProperty("entries").EnumerateArray()
            .SelectMany(e => e.GetProperty("citations").EnumerateArray())
            .Count(c => c.TryGetProperty("quote", out var q) && q.ValueKind == JsonValueKind.String);
        var statuses = BridgesSite.Paths().Where(p => p.StartsWith("/entries/", StringComparison.Ordinal))
            .SelectMany(p => BridgesSite.Page(p).QuerySelectorAll(".quote-status").Select(e => (Page: p, Class: e.ClassName ?? "")))
            .ToList();
        Assert.True(quotes >= 15, $"{quotes} quotations");
        Assert.Equal(quotes, statuses.Count);
        Assert.All(statuses, s => Assert.True(s.Class.Split(' ').Contains("quote-status-verified"), $"{s.Page}: {s.Class}"));
    }

    [Fact]
    public void No_heading_navigation_link_or_title_of_the_Bridges_site_names_a_review()
    {
        var found = new List<string>();
        foreach (var path in BridgesSite.Paths())
        {
            var page = BridgesSite.Page(path);
            foreach (var element in page.QuerySelectorAll("title, h1, h2, h3, h4, h5, h6, nav a, caption, legend, summary"))
                if (Regex.IsMatch(element.TextContent, @"(?i)\breview"))
                    found.Add($"{path}: <{element.LocalName}> {Collapse(element.TextContent)}");
        }
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    /// <summary>
    /// No page, script message or data file of this site carries the first site's wording, except the
    /// <see cref="KnownLeaks"/>, each of which must still occur (so that the list is emptied as the theme is fixed).
    /// </summary>
    [Fact]
    public void No_page_of_the_Bridges_site_carries_first_site_wording_beyond_the_known_leaks()
    {
        var texts = ReaderTexts().ToList();

        var unknown = new List<string>();
        foreach (var (page, text) in texts)
            foreach (Match match in FirstSiteWording().Matches(text))
                if (!KnownLeaks.Any(leak => leak.Page == page && Covers(text, leak.Text, match)))
                    unknown.Add($"{page}: “{match.Value}” in “…{text[Math.Max(0, match.Index - 80)..Math.Min(text.Length, match.Index + match.Length + 80)]}…”");
        Assert.True(unknown.Count == 0, "first-site wording on the Bridges site:\n" + string.Join("\n", unknown.Distinct()));

        foreach (var leak in KnownLeaks)
        {
            Assert.Matches(FirstSiteWording(), leak.Text);
            Assert.True(texts.Any(t => t.Page == leak.Page && t.Text.Contains(leak.Text, StringComparison.Ordinal)),
                $"the known leak “{leak.Text}” is no longer on {leak.Page}: remove it from {nameof(KnownLeaks)}");
        }
    }

    /// <summary>Whether an occurrence of <paramref name="leak"/> in <paramref name="text"/> contains the match.</summary>
    private static bool Covers(string text, string leak, Match match)
    {
        for (var at = text.IndexOf(leak, StringComparison.Ordinal); at >= 0; at = text.IndexOf(leak, at + 1, StringComparison.Ordinal))
            if (at <= match.Index && match.Index + match.Length <= at + leak.Length) return true;
        return false;
    }

    /// <summary>
    /// What readers and their tools meet, by page: each page's text (title, body text without scripts, and the
    /// attributes that are read out or shown: title, alt, aria-label, placeholder, the meta description); the string
    /// literals of the site's scripts (messages they write into pages); and the values (not the keys) of the data
    /// files: JSON, CSV, feeds, citations, robots.txt.
    /// </summary>
    private static IEnumerable<(string Page, string Text)> ReaderTexts()
    {
        foreach (var path in BridgesSite.Paths())
        {
            var page = BridgesSite.Page(path);
            foreach (var element in page.QuerySelectorAll("script, style, template").ToList()) element.Remove();
            var parts = new List<string> { page.Title ?? "", page.Body?.TextContent ?? "" };
            foreach (var element in page.All)
                foreach (var name in new[] { "title", "alt", "aria-label", "placeholder" })
                    if (element.GetAttribute(name) is { } value) parts.Add(value);
            if (page.QuerySelector("meta[name=description]")?.GetAttribute("content") is { } description) parts.Add(description);
            foreach (var part in parts) yield return (path, Collapse(part));
        }

        foreach (var file in Directory.EnumerateFiles(BridgesSite.Output, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var path = "/" + Path.GetRelativePath(BridgesSite.Output, file).Replace('\\', '/');
            var text = File.ReadAllText(file);
            switch (Path.GetExtension(file))
            {
                case ".js":
                    foreach (Match literal in Regex.Matches(text, @"""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`"))
                        yield return (path, Collapse(literal.Value[1..^1]));
                    break;
                case ".json":
                    using (var json = JsonDocument.Parse(text))
                        foreach (var value in StringValues(json.RootElement)) yield return (path, Collapse(value));
                    break;
                case ".csv" or ".xml" or ".bib" or ".ris" or ".txt":
                    yield return (path, Collapse(text));
                    break;
            }
        }
    }

    private static IEnumerable<string> StringValues(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(StringValues),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => StringValues(p.Value)),
        _ => [],
    };

    private static string Collapse(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
