namespace Chronology.Loading;

/// <summary>
/// The commit a working tree is at, read from the repository's own files (<c>.git/HEAD</c>, the branch's ref file or
/// <c>packed-refs</c>), as <c>git rev-parse HEAD</c> would give it, without starting git: the preview server asks after
/// every edit. Where the files cannot say for sure (a reftable repository, a ref it cannot find), it says it does not
/// know, and the caller asks git.
/// </summary>
public static class GitHead
{
    /// <summary>
    /// The commit, or null: with <paramref name="known"/> true, null means no repository holds the folder or it has no
    /// commit yet; with <paramref name="known"/> false, the files could not say.
    /// </summary>
    public static string? Of(string folder, out bool known)
    {
        known = false;
        if (Environment.GetEnvironmentVariable("GIT_DIR") is not null) return null; // git is told where to look: ask it
        try
        {
            var gitDir = FindGitDir(Path.GetFullPath(folder));
            if (gitDir is null)
            {
                known = true;
                return null;
            }
            var commonDir = File.Exists(Path.Combine(gitDir, "commondir"))
                ? Path.GetFullPath(Path.Combine(gitDir, File.ReadAllText(Path.Combine(gitDir, "commondir")).Trim()))
                : gitDir;
            if (Directory.Exists(Path.Combine(commonDir, "reftable"))) return null;
            var head = File.ReadAllText(Path.Combine(gitDir, "HEAD")).Trim();
            if (!head.StartsWith("ref: ", StringComparison.Ordinal)) return IsCommit(head) ? Known(head, out known) : null;
            var name = head["ref: ".Length..].Trim();
            foreach (var dir in new[] { gitDir, commonDir })
            {
                var file = Path.Combine(dir, name);
                if (File.Exists(file)) return File.ReadAllText(file).Trim() is var value && IsCommit(value) ? Known(value, out known) : null;
            }
            var packed = Path.Combine(commonDir, "packed-refs");
            if (File.Exists(packed))
            {
                foreach (var line in File.ReadLines(packed))
                {
                    if (line.EndsWith(" " + name, StringComparison.Ordinal) && line.Split(' ')[0] is var value && IsCommit(value)) return Known(value, out known);
                }
            }
            return null; // an unborn branch, or a ref kept where these files do not show it: git says
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Known(string commit, out bool known)
    {
        known = true;
        return commit + "\n"; // as git rev-parse prints it
    }

    private static bool IsCommit(string text) => text.Length is 40 or 64 && text.All(char.IsAsciiHexDigitLower);

    /// <summary>The repository folder of the working tree holding <paramref name="folder"/>: a <c>.git</c> folder, or the one a <c>.git</c> file names.</summary>
    private static string? FindGitDir(string folder)
    {
        for (var dir = folder; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var dotGit = Path.Combine(dir, ".git");
            if (Directory.Exists(dotGit)) return dotGit;
            if (File.Exists(dotGit))
            {
                var line = File.ReadAllText(dotGit).Trim();
                if (!line.StartsWith("gitdir: ", StringComparison.Ordinal)) throw new IOException($"{dotGit} names no repository folder");
                return Path.GetFullPath(Path.Combine(dir, line["gitdir: ".Length..].Trim()));
            }
        }
        return null;
    }
}
