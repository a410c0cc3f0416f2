namespace Chronology.Tests.Publishing;

internal static class BuiltPages
{
    /// <summary>Every page both sites' builds wrote (path in the output, HTML); fails if there are suspiciously few.</summary>
    public static List<(string Relative, string Html)> Of(RealSite real)
    {
        var pages = new List<(string, string)>();
        foreach (var root in new[] { real.Output, BridgesSite.Output })
        {
            foreach (var file in Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories))
                pages.Add((Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllText(file)));
        }
        Assert.True(pages.Count > 250, $"only {pages.Count} pages to compare");
        return pages;
    }
}
