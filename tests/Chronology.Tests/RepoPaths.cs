namespace Chronology.Tests;

internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    /// <summary>The second, invented test site (Millbrook Bridges): not the SIM chronology, so first-site wording shows.</summary>
    public static string BridgesContent => Path.Combine(Root, "tests", "sites", "bridges", "content");

    public static string Seeds => Path.GetFullPath(Path.Combine(Root, "..", "shared", "seeds"));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Chronology.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Chronology.sln)");
    }
}
