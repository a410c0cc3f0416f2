using System.CommandLine;
using Chronology.Diagnostics;
using Chronology.Links;
using Chronology.Loading;
using Chronology.Publishing;
using Chronology.Validation;

namespace Chronology.Cli;

/// <summary>The commands. Problems go to the error writer as text, or to the output writer as json/github.</summary>
public static class CommandLine
{
    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>Files other than pages that a build made, not kept from the previous output.</summary>
    private static int Made(BuildResult result) => result.FileCount - result.PageCount - result.KeptFiles;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var contentOption = new Option<string>("--content") { Description = "The content folder.", DefaultValueFactory = _ => "content" };
        var outputOption = new Option<string>("--output") { Description = "Where to write the site.", DefaultValueFactory = _ => "_site" };
        var formatOption = new Option<string>("--format") { Description = "How to print problems: text, json or github (Actions annotations).", DefaultValueFactory = _ => "text" };
        formatOption.AcceptOnlyFromAmong(DiagnosticReport.Formats);

        var verboseOption = new Option<bool>("--verbose") { Description = "Print every warning where it is (by default, text output counts warnings by code)." };
        var strictOption = new Option<bool>("--warnings-as-errors") { Description = "Treat every warning as an error: the run fails (for CI)." };

        int Report(DiagnosticBag diagnostics, ParseResult parse)
        {
            var format = parse.GetValue(formatOption)!;
            var text = DiagnosticReport.Format(diagnostics.Sorted(), format, verbose: parse.GetValue(verboseOption));
            (format == "text" ? error : output).Write(text);
            return diagnostics.HasErrors ? 1 : 0;
        }

        // What a deployment knows of where the site is published (see Deployment): absolute http(s) addresses.
        Option<string?> Address(string name, string description, bool query = false)
        {
            var option = new Option<string?>(name) { Description = description };
            option.Validators.Add(result =>
            {
                var value = result.GetValueOrDefault<string?>();
                if (value is not null && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                        && uri.UserInfo.Length == 0 && (query || uri.Query.Length == 0) && uri.Fragment.Length == 0 && !value.Any(char.IsWhiteSpace)))
                    result.AddError($"{name}: '{value}' is not an absolute http(s) address without {(query ? "" : "query or ")}fragment");
            });
            return option;
        }
        var baseUrlOption = Address("--base-url", "The absolute http(s) address the site is published at (overrides baseUrl in site.yml; used in feeds, the sitemap and permalinks).");
        var repositoryOption = Address("--repository", "Where the content and the code are public (overrides repository in site.yml; shown on the About page).");
        var reportErrorOption = Address("--report-error-url", "The form readers report an error with, e.g. a repository's new-issue form (overrides reportErrorUrl in site.yml; every entry's \"Report an error\" opens it with the entry named).", query: true);
        var timingsOption = new Option<bool>("--timings") { Description = "Print how long each phase of the build took." };
        var build = new Command("build", "Check the content and build the static site (replaces the output only if the build succeeds).")
        {
            contentOption, outputOption, formatOption, timingsOption, verboseOption, strictOption, baseUrlOption, repositoryOption, reportErrorOption,
        };
        build.SetAction(async (parse, cancellation) =>
        {
            var site = parse.GetValue(outputOption)!;
            var timer = new PhaseTimer();
            using var stop = new StopOnSignal(cancellation, error, $"stopping the build; {site} is left as it was");
            BuildResult result;
            try
            {
                result = await SiteBuild.RunAsync(parse.GetValue(contentOption)!, site, timer, new DiagnosticBag { WarningsAsErrors = parse.GetValue(strictOption) },
                    new Deployment(parse.GetValue(baseUrlOption), parse.GetValue(repositoryOption), parse.GetValue(reportErrorOption)), cancellation: stop.Token);
            }
            catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
            {
                await error.WriteLineAsync($"build stopped; {site} was left as it was");
                return StopOnSignal.ExitCode;
            }
            var exit = Report(result.Diagnostics, parse);
            if (parse.GetValue(timingsOption)) await error.WriteAsync(timer.Report());
            await error.WriteLineAsync(result.Published
                ? $"built {result.PageCount} pages ({result.FileCount} files{(result.Unchanged > 0 ? $", {result.FileCount - result.Unchanged} changed; {result.Rendered} {(result.Rendered == 1 ? "page" : "pages")} rendered and {Made(result)} other {(Made(result) == 1 ? "file" : "files")} made, the others unchanged since the last build" : "")}) in {site}"
                : $"build failed; {site} was left as it was");
            return exit;
        });

        var check = new Command("check", "Run every validation on the content without writing anything (never goes online).")
        {
            contentOption, formatOption, verboseOption, strictOption,
        };
        check.SetAction(parse =>
        {
            var diagnostics = new DiagnosticBag { WarningsAsErrors = parse.GetValue(strictOption) };
            var content = parse.GetValue(contentOption)!;
            var evidence = SiteBuild.Check(content, diagnostics).Evidence;
            if (evidence.ChangeNotes.Count > 0) ChangeNoteRules.Apply(evidence.ChangeNotes, ContentHistoryReader.Read(content), diagnostics);
            return Report(diagnostics, parse);
        });

        var folderArgument = new Argument<string>("folder") { Description = "A folder of static HTML." };
        var checkLinks = new Command("check-links", "Check that every internal link and #fragment in a folder of HTML resolves.") { folderArgument, formatOption, verboseOption };
        checkLinks.SetAction(parse =>
        {
            var folder = parse.GetValue(folderArgument)!;
            if (!Directory.Exists(folder))
            {
                error.WriteLine($"{folder}: no such folder");
                return 2;
            }
            var diagnostics = new DiagnosticBag();
            LinkChecker.CheckFolder(folder, diagnostics);
            return Report(diagnostics, parse);
        });

        var refresh = new Command("refresh", "Check every external URL in the source register (goes online) and rewrite content/link-status.json.") { contentOption };
        refresh.SetAction(async (parse, cancellation) =>
        {
            var content = parse.GetValue(contentOption)!;
            using var stop = new StopOnSignal(cancellation, error, $"stopping the refresh; {LinkStatusFile.PathIn(content)} is left as it was");
            return await LinksRefreshCommand.RunAsync(content, new LinkRefreshOptions(), error, stop.Token);
        });
        var sync = new Command("sync", "List every source URL in content/link-status.json, new ones as unchecked (never goes online).") { contentOption };
        sync.SetAction(parse => LinksRefreshCommand.SyncAsync(parse.GetValue(contentOption)!, error));
        var links = new Command("links", "External link status.") { refresh, sync };

        var portOption = new Option<int>("--port") { Description = "The port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 8080 };
        var serve = new Command("serve", "Preview the site on 127.0.0.1, rebuilding and reloading open pages whenever the content changes.") { contentOption, portOption };
        serve.SetAction((parse, cancellation) =>
            PreviewServer.RunAsync(parse.GetValue(contentOption)!, parse.GetValue(portOption), error, cancellation));

        var @new = NewCommand.Create(error);
        var diff = DiffCommand.Create(contentOption, output, error);

        var root = new RootCommand("Chronology: builds a sourced, cross-linked chronology website from structured content.")
        {
            build, check, checkLinks, links, serve, diff,
            @new,
        };
        var invocation = new InvocationConfiguration { Output = output, Error = error };
        return await root.Parse(args).InvokeAsync(invocation);
    }
}
