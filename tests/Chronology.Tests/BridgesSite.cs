using AngleSharp.Html.Parser;
using Chronology.Cli;

namespace Chronology.Tests;

/// <summary>
/// The invented test site in tests/sites/bridges (Millbrook Bridges), built once per test run into a temporary folder
/// that no test writes to, and deleted when the run ends. It is built on first use, which may be while tests are
/// discovered: the accessibility theories take their page list from what the build wrote, so the list cannot go stale.
/// </summary>
internal static class BridgesSite
{
    private static readonly Lazy<(string Output, BuildResult Result)> Built = new(Build);

    public static string Output => Built.Value.Output;

    public static BuildResult Result => Built.Value.Result;

    private static (string, BuildResult) Build()
    {
        var output = Path.Combine(Path.GetTempPath(), "chronology-bridges-" + Guid.NewGuid().ToString("N"));
        // Off the caller's synchronisation context, so that waiting for the build cannot deadlock a test runner thread.
        var result = Task.Run(() => SiteBuild.RunAsync(RepoPaths.BridgesContent, output, outputCache: output + ".cache")).GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
                File.Delete(output + ".cache"); // the output cache, kept beside it rather than in the repository's obj/
            }
            catch (IOException) { }
        };
        return (output, result);
    }

    /// <summary>Every HTML page the build wrote, as the server's path: "/", "/entries/x/", "/404.html".</summary>
    public static IReadOnlyList<string> Paths() =>
        [.. Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
            .Select(file => "/" + Path.GetRelativePath(Output, file).Replace('\\', '/'))
            .Select(path => path.EndsWith("/index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path)
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// One page of each type the build wrote: pages are of one type when their paths differ only in their ids
    /// ("/entries/a/" and "/entries/b/"; "/sources/a/copy/" and "/sources/b/copy/"). Of each type the largest page
    /// is taken, as the one with the most on it.
    /// </summary>
    public static IReadOnlyList<string> OnePagePerType() =>
        [.. Paths().GroupBy(PageType)
            .Select(type => type.OrderByDescending(path => new FileInfo(FileOf(path)).Length).ThenBy(path => path, StringComparer.Ordinal).First())
            .Order(StringComparer.Ordinal)];

    /// <summary>"/entries/x/" → "/entries/*/", "/sources/x/copy/" → "/sources/*/copy/", "/about/" → "/about/".</summary>
    public static string PageType(string path)
    {
        var parts = path.Split('/');
        // parts[0] is empty and the last part is empty or a file name: the segment after the section is the id.
        if (parts.Length > 3) parts[2] = "*";
        return string.Join('/', parts);
    }

    public static string FileOf(string path) =>
        Path.Combine(Output, (path.EndsWith('/') ? path + "index.html" : path).TrimStart('/'));

    public static AngleSharp.Dom.IDocument Page(string path) => new HtmlParser().ParseDocument(File.ReadAllText(FileOf(path)));
}
