namespace Chronology.Publishing;

/// <summary>
/// A build writes into a fresh staging folder beside the output and publishes only when everything succeeded,
/// so a failed build leaves the previous output exactly as it was.
/// </summary>
public static class OutputFolder
{
    /// <summary>
    /// A new staging folder beside <paramref name="output"/>, named for this process (<c>OUTPUT.staging-PID-ID</c>).
    /// Given <paramref name="isRunning"/> (the command line's; this layer starts and inspects no process), staging
    /// folders of the same output left by a build that could not clean up after itself (its process killed outright,
    /// the machine stopped) are removed first: those named for a process that is no longer running. One whose process
    /// is running (another build of the same output) is left alone, as is anything not named as this method names them.
    /// </summary>
    public static string CreateStaging(string output, Func<int, bool>? isRunning = null)
    {
        var full = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        if (isRunning is not null) RemoveAbandoned(full, isRunning);
        var staging = $"{full}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        return staging;
    }

    /// <summary>The staging folders of <paramref name="output"/> whose build's process is no longer running.</summary>
    public static IReadOnlyList<string> Abandoned(string output, Func<int, bool> isRunning)
    {
        var full = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full);
        if (parent is null || !Directory.Exists(parent)) return [];
        var prefix = Path.GetFileName(full) + ".staging-";
        return Directory.EnumerateDirectories(parent, prefix + "*")
            .Where(folder => OwnerOf(Path.GetFileName(folder), prefix) is { } pid && pid != Environment.ProcessId && !isRunning(pid))
            .ToList();
    }

    private static void RemoveAbandoned(string full, Func<int, bool> isRunning)
    {
        foreach (var folder in Abandoned(full, isRunning))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not ours to remove after all, or going already: the build goes on without it.
            }
        }
    }

    /// <summary>The process named in a staging folder's name (<c>PID-32 hex digits</c> after the prefix), if it is one.</summary>
    private static int? OwnerOf(string name, string prefix)
    {
        var rest = name.AsSpan(prefix.Length);
        var dash = rest.IndexOf('-');
        if (dash <= 0 || rest.Length - dash - 1 != 32 || rest[(dash + 1)..].ContainsAnyExcept("0123456789abcdef")) return null;
        return int.TryParse(rest[..dash], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    /// <summary>
    /// Publishes a build. With no previous output the staging folder becomes the output. Otherwise the output is
    /// updated in place: each file the build wrote (those in staging) replaces its old copy, files of the old output
    /// that this build does not produce (<paramref name="paths"/>) are removed, with any folder left empty, and files
    /// the writer found unchanged stay as they are, untouched. Deleting and rewriting a whole tree of tens of
    /// thousands of files costs more than the build itself; this costs what changed.
    /// </summary>
    public static void Publish(string staging, string output, IReadOnlySet<string> paths)
    {
        var full = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        if (!Directory.Exists(full))
        {
            Directory.Move(staging, full);
            return;
        }
        foreach (var file in Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(full, Path.GetRelativePath(staging, file));
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true); // a folder where a file now goes
            MakeFolderFor(full, target);
            File.Move(file, target, overwrite: true);
        }
        RemoveStale(full, "", paths);
        Discard(staging);
    }

    public static void Discard(string staging)
    {
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
    }

    /// <summary>Makes the folders a file goes in, removing any file that stands where one of them must be.</summary>
    private static void MakeFolderFor(string root, string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        if (Directory.Exists(folder)) return;
        for (var parent = folder; parent.Length > root.Length; parent = Path.GetDirectoryName(parent)!)
            if (File.Exists(parent)) File.Delete(parent);
        Directory.CreateDirectory(folder);
    }

    /// <summary>
    /// Removes what the build did not write; true if the folder is left empty. Each folder is read once, for its files
    /// and folders together, and paths are built as the walk goes down (a large site's output is tens of thousands of
    /// files, all looked at on every build). A link is removed as a link, never followed.
    /// </summary>
    private static bool RemoveStale(string folder, string relative, IReadOnlySet<string> paths)
    {
        var entries = new System.IO.Enumeration.FileSystemEnumerable<(string Name, bool Folder, bool Link)>(folder,
            (ref System.IO.Enumeration.FileSystemEntry entry) => (entry.FileName.ToString(), entry.IsDirectory, (entry.Attributes & FileAttributes.ReparsePoint) != 0),
            new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false }).ToList();
        var empty = true;
        foreach (var (name, isFolder, isLink) in entries)
        {
            var full = Path.Combine(folder, name);
            if (isFolder && isLink) Directory.Delete(full); // a link to a folder: the link goes, what it points to stays
            else if (isFolder)
            {
                if (RemoveStale(full, relative + name + "/", paths)) Directory.Delete(full);
                else empty = false;
            }
            else if (paths.Contains(relative + name)) empty = false;
            else File.Delete(full);
        }
        return empty;
    }
}
