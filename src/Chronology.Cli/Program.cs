using System.CommandLine;
using Chronology.Cli;
using Chronology.Diagnostics;
using Chronology.Links;
using Chronology.Publishing;

var contentOption = new Option<string>("--content") { Description = "The content folder.", DefaultValueFactory = _ => "content" };
var outputOption = new Option<string>("--output") { Description = "Where to write the site.", DefaultValueFactory = _ => "_site" };
var formatOption = new Option<string>("--format") { Description = "How to print problems: text, json or github (Actions annotations).", DefaultValueFactory = _ => "text" };
formatOption.AcceptOnlyFromAmong(DiagnosticReport.Formats);

var build = new Command("build", "Check the content and build the static site (replaces the output only if the build succeeds).")
{
    contentOption,
    outputOption,
    formatOption,
};
build.SetAction(async (parse, _) =>
{
    var output = parse.GetValue(outputOption)!;
    var result = await SiteBuild.RunAsync(parse.GetValue(contentOption)!, output);
    var exit = Report(result.Diagnostics, parse.GetValue(formatOption)!);
    if (result.Published) Console.Error.WriteLine($"built {result.PageCount} pages ({result.FileCount} files) in {output}");
    else Console.Error.WriteLine($"build failed; {output} was left as it was");
    return exit;
});

var check = new Command("check", "Run every validation on the content without writing anything (never goes online).") { contentOption, formatOption };
check.SetAction(parse =>
{
    var diagnostics = new DiagnosticBag();
    SiteBuild.Check(parse.GetValue(contentOption)!, diagnostics);
    return Report(diagnostics, parse.GetValue(formatOption)!);
});

var folderArgument = new Argument<string>("folder") { Description = "A folder of static HTML." };
var checkLinks = new Command("check-links", "Check that every internal link and #fragment in a folder of HTML resolves.") { folderArgument, formatOption };
checkLinks.SetAction(parse =>
{
    var folder = parse.GetValue(folderArgument)!;
    if (!Directory.Exists(folder))
    {
        Console.Error.WriteLine($"{folder}: no such folder");
        return 2;
    }
    var diagnostics = new DiagnosticBag();
    LinkChecker.CheckFolder(folder, diagnostics);
    return Report(diagnostics, parse.GetValue(formatOption)!);
});

var refresh = new Command("refresh", "Check every external URL in the source register (goes online) and rewrite content/link-status.json.") { contentOption };
refresh.SetAction((parse, cancellation) =>
    LinksRefreshCommand.RunAsync(parse.GetValue(contentOption)!, new LinkRefreshOptions(), Console.Error, cancellation));
var links = new Command("links", "External link status.") { refresh };

var root = new RootCommand("Chronology: builds a sourced, cross-linked chronology website from structured content.")
{
    build,
    check,
    checkLinks,
    links,
};
return await root.Parse(args).InvokeAsync();

static int Report(DiagnosticBag diagnostics, string format)
{
    var text = DiagnosticReport.Format(diagnostics.Sorted(), format);
    if (format == "text") Console.Error.Write(text);
    else Console.Out.Write(text);
    return diagnostics.HasErrors ? 1 : 0;
}
