using System.Diagnostics;

namespace Chronology.Loading;

/// <summary>The one way the tool runs git: read-only commands, in a folder, never prompting.</summary>
public static class Git
{
    /// <summary>A git process to start in <paramref name="directory"/>, its output and errors captured.</summary>
    public static ProcessStartInfo Start(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>What a git command prints, or null if the folder is missing, git is not installed or the command fails.</summary>
    public static string? Run(string directory, params string[] arguments)
    {
        if (!Directory.Exists(directory)) return null;
        try
        {
            using var process = Process.Start(Start(directory, arguments));
            if (process is null) return null;
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            _ = errors.Result;
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on this machine
        }
    }
}
