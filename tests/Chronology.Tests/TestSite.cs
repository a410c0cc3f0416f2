using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Chronology.Cli;
using Chronology.Diagnostics;

namespace Chronology.Tests;

/// <summary>
/// A small site on disk, written from inline files in the Hugo style:
/// <c>-- content/entries/a.md --</c> followed by the file's text. Unless a test gives its own, the site has a
/// site.yml, one source (<c>src-a</c>) and one organisation (<c>org-a</c>).
/// </summary>
internal sealed class TestSite : IDisposable
{
    private static readonly Dictionary<string, string> Defaults = new()
    {
        ["content/site.yml"] = "title: Test chronology\ndescription: A site for tests.\n",
        ["content/sources/src-a.yml"] =
            "title: A report\npublisher: Someone\ntype: report\ndate: 2014-07\nurl: https://example.org/report.pdf\nformat: pdf\n",
        ["content/organisations/org-a.yml"] = "name: Org A\ndescription: An organisation.\n",
    };

    private TestSite(string root) => Root = root;

    /// <summary>The archived text of the default source <c>src-a</c>: its header, then <paramref name="text"/> (with its [page N] lines).</summary>
    public static string SnapshotOfSourceA(string text) =>
        "-- content/snapshots/src-a.txt --\n---\ntitle: A report\npublisher: Someone\nnote: Archived text extraction, for tests.\n---\n" + text;

    public string Root { get; }

    public string Content => Path.Combine(Root, "content");

    public string Output => Path.Combine(Root, "_site");

    public static TestSite Create(string files, bool withDefaults = true)
    {
        var root = Path.Combine(Path.GetTempPath(), "chronology-tests", Guid.NewGuid().ToString("N"));
        var site = new TestSite(root);
        var parsed = Parse(files);
        if (withDefaults)
        {
            foreach (var (path, text) in Defaults) parsed.TryAdd(path, text);
        }
        foreach (var (path, text) in parsed) site.Write(path, text);
        Directory.CreateDirectory(Path.Combine(site.Content, "entries"));
        return site;
    }

    public void Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public void WriteBytes(string path, byte[] bytes)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    public Task<BuildResult> BuildAsync() => SiteBuild.RunAsync(Content, Output);

    public async Task<BuildResult> BuildOkAsync()
    {
        var result = await BuildAsync();
        Assert.True(result.Published, string.Join("\n", result.Diagnostics.Items));
        return result;
    }

    public IReadOnlyList<Diagnostic> Check()
    {
        var diagnostics = new DiagnosticBag();
        SiteBuild.Check(Content, diagnostics);
        return diagnostics.Sorted();
    }

    public IDocument Page(string url)
    {
        var path = Path.Combine(Output, url.TrimStart('/'), url.EndsWith('/') ? "index.html" : "");
        return new HtmlParser().ParseDocument(File.ReadAllText(path));
    }

    public string ReadOutput(string relative) => File.ReadAllText(Path.Combine(Output, relative));

    /// <summary>The path a diagnostic names for a content file, as the loader reports it.</summary>
    public string Display(string relative) => Path.Join(Content, relative).Replace('\\', '/');

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A test machine's temp folder is cleaned eventually; never fail a test over it.
        }
    }

    private static Dictionary<string, string> Parse(string files)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var lines = new List<string>();
        foreach (var line in files.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("-- ", StringComparison.Ordinal) && line.EndsWith(" --", StringComparison.Ordinal) && line.Length > 6)
            {
                if (current is not null) result[current] = string.Join('\n', lines).TrimEnd('\n') + "\n";
                current = line[3..^3].Trim();
                lines.Clear();
                continue;
            }
            if (current is not null) lines.Add(line);
        }
        if (current is not null) result[current] = string.Join('\n', lines).TrimEnd('\n') + "\n";
        return result;
    }
}
