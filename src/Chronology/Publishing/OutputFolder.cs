namespace Chronology.Publishing;

/// <summary>
/// A build writes into a fresh staging folder beside the output and swaps it in only when everything succeeded,
/// so a failed build leaves the previous output exactly as it was.
/// </summary>
public static class OutputFolder
{
    public static string CreateStaging(string output)
    {
        var full = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        var staging = $"{full}.staging-{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        return staging;
    }

    public static void Publish(string staging, string output)
    {
        var full = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        string? old = null;
        if (Directory.Exists(full))
        {
            old = $"{full}.old-{Guid.NewGuid():N}";
            Directory.Move(full, old);
        }
        try
        {
            Directory.Move(staging, full);
        }
        catch
        {
            if (old is not null) Directory.Move(old, full);
            throw;
        }
        if (old is not null) Directory.Delete(old, recursive: true);
    }

    public static void Discard(string staging)
    {
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
    }
}
