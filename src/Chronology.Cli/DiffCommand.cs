using System.CommandLine;
using System.Diagnostics;
using System.Formats.Tar;
using Chronology.Changes;
using Chronology.Diagnostics;
using Chronology.Validation;

namespace Chronology.Cli;

/// <summary>
/// <c>diff --base REF [--head REF]</c>: what changed in the evidence between two git revisions of the content folder
/// (the head, by default, is the folder as it is on disk), in Markdown for a pull request's job summary or in JSON.
/// </summary>
public static class DiffCommand
{
    public static readonly IReadOnlyList<string> Formats = ["markdown", "json"];

    public static Command Create(Option<string> contentOption, TextWriter output, TextWriter error)
    {
        var baseOption = new Option<string>("--base") { Description = "The git revision to compare from (a branch, tag or commit).", Required = true };
        var headOption = new Option<string?>("--head") { Description = "The git revision to compare to; without it, the content folder as it is on disk." };
        var formatOption = new Option<string>("--format") { Description = "markdown or json.", DefaultValueFactory = _ => "markdown" };
        formatOption.AcceptOnlyFromAmong([.. Formats]);
        var diff = new Command("diff", "Show what changed in the evidence (entries, citations, quotations, sources, quote checks) between two git revisions.")
        {
            contentOption, baseOption, headOption, formatOption,
        };
        diff.SetAction(parse => Run(parse.GetValue(contentOption)!, parse.GetValue(baseOption)!, parse.GetValue(headOption),
            parse.GetValue(formatOption)!, output, error));
        return diff;
    }

    /// <param name="temporaryRoot">Where the revisions are written while they are compared (removed after); the system's temp folder by default.</param>
    public static int Run(string content, string baseRef, string? headRef, string format, TextWriter output, TextWriter error, string? temporaryRoot = null)
    {
        temporaryRoot ??= Path.Combine(Path.GetTempPath(), "chronology-diff");
        var contentPath = Path.GetFullPath(content);
        if (Repository.Find(contentPath) is not { } repository)
        {
            error.WriteLine($"{content}: not inside a git repository (or git is not installed)");
            return 2;
        }
        var baseCommit = repository.Commit(baseRef);
        if (baseCommit is null)
        {
            error.WriteLine($"--base {baseRef}: not a revision of this repository");
            return 2;
        }
        string? headCommit = null;
        if (headRef is not null && (headCommit = repository.Commit(headRef)) is null)
        {
            error.WriteLine($"--head {headRef}: not a revision of this repository");
            return 2;
        }
        if (headRef is null && !Directory.Exists(contentPath))
        {
            error.WriteLine($"{content}: no such folder");
            return 2;
        }

        var temporary = new List<string>();
        try
        {
            var baseFolder = repository.Materialise(baseCommit, temporaryRoot, temporary, error);
            var headFolder = headCommit is null ? contentPath : repository.Materialise(headCommit, temporaryRoot, temporary, error);
            var baseDiagnostics = new DiagnosticBag();
            var headDiagnostics = new DiagnosticBag();
            var before = SiteBuild.Check(baseFolder, baseDiagnostics);
            var after = SiteBuild.Check(headFolder, headDiagnostics);
            var changes = EvidenceDiff.Compare(before, after) with
            {
                Base = new Revision(baseRef, baseCommit),
                Head = headRef is null ? new Revision("working tree", null) : new Revision(headRef, headCommit),
                BaseErrors = baseDiagnostics.Items.Count(d => d.Severity == Severity.Error),
                HeadErrors = headDiagnostics.Items.Count(d => d.Severity == Severity.Error),
            };
            output.Write(format == "json" ? EvidenceChangesJson.ToJson(changes) : EvidenceChangesMarkdown.ToMarkdown(changes));
            return 0;
        }
        catch (GitException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }
        finally
        {
            foreach (var folder in temporary)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Left in the temp folder, which the system cleans; never fail the diff over it.
                }
            }
        }
    }

    private sealed class GitException(string message) : Exception(message);

    /// <summary>The repository that holds the content folder, and where in it the folder is.</summary>
    private sealed class Repository
    {
        private readonly string _top;

        /// <summary>The content folder's path from the top of the work tree, "/"-separated ("" at the top).</summary>
        private readonly string _prefix;

        private Repository(string top, string prefix) => (_top, _prefix) = (top, prefix);

        public static Repository? Find(string contentPath)
        {
            // The nearest folder that exists (the content folder may be absent from the work tree), and the rest.
            var existing = contentPath;
            var rest = new List<string>();
            while (!Directory.Exists(existing))
            {
                rest.Insert(0, Path.GetFileName(existing));
                existing = Path.GetDirectoryName(existing);
                if (existing is null) return null;
            }
            var top = Chronology.Loading.Git.Run(existing, "rev-parse", "--show-toplevel")?.TrimEnd('\n');
            var prefix = Chronology.Loading.Git.Run(existing, "rev-parse", "--show-prefix")?.TrimEnd('\n');
            if (top is null || prefix is null) return null;
            var full = string.Join('/', new[] { prefix.TrimEnd('/') }.Concat(rest).Where(p => p.Length > 0));
            return new Repository(top, full);
        }

        /// <summary>The full commit id a revision names, or null.</summary>
        public string? Commit(string revision) =>
            revision.StartsWith('-') ? null : Chronology.Loading.Git.Run(_top, "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}")?.Trim();

        /// <summary>The content folder as it is at a commit, written to a new temporary folder (empty if the commit has none).</summary>
        public string Materialise(string commit, string temporaryRoot, List<string> temporary, TextWriter error)
        {
            var folder = Path.Combine(temporaryRoot, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            temporary.Add(folder);
            var tree = $"{commit}:{_prefix}";
            if (Chronology.Loading.Git.Run(_top, "cat-file", "-t", tree)?.Trim() != "tree")
            {
                error.WriteLine($"{commit[..12]} has no folder '{_prefix}'; comparing with nothing");
                return folder;
            }

            var start = Chronology.Loading.Git.Start(_top, "archive", "--format=tar", tree);
            using var process = Process.Start(start) ?? throw new GitException("cannot run git");
            var errors = process.StandardError.ReadToEndAsync();
            var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
            using (var reader = new TarReader(process.StandardOutput.BaseStream))
            {
                while (reader.GetNextEntry() is { } entry)
                {
                    if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
                    var target = Path.GetFullPath(Path.Combine(folder, entry.Name));
                    if (!target.StartsWith(root, StringComparison.Ordinal)) continue;
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    entry.ExtractToFile(target, overwrite: true);
                }
                // Read to the end, so that git never blocks on a full pipe.
                process.StandardOutput.BaseStream.CopyTo(Stream.Null);
            }
            process.WaitForExit();
            if (process.ExitCode != 0) throw new GitException($"git archive {tree} failed: {errors.Result.Trim()}");
            return folder;
        }
    }
}
