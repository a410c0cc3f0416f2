using System.CommandLine;
using Chronology.Cli;
using Chronology.Diagnostics;
using Chronology.Publishing;

var contentOption = new Option<string>("--content") { Description = "The content folder.", DefaultValueFactory = _ => "content" };
var outputOption = new Option<string>("--output") { Description = "Where to write the site.", DefaultValueFactory = _ => "_site" };

var build = new Command("build", "Check the content and build the static site (replaces the output only if the build succeeds).")
{
    contentOption,
    outputOption,
};
build.SetAction(async (parse, _) =>
{
    var output = parse.GetValue(outputOption)!;
    var result = await SiteBuild.RunAsync(parse.GetValue(contentOption)!, output);
    var exit = Report(result.Diagnostics);
    if (result.Published) Console.Error.WriteLine($"built {result.PageCount} pages ({result.FileCount} files) in {output}");
    else Console.Error.WriteLine($"build failed; {output} was left as it was");
    return exit;
});

var check = new Command("check", "Run every validation on the content without writing anything.") { contentOption };
check.SetAction(parse =>
{
    var diagnostics = new DiagnosticBag();
    SiteBuild.Check(parse.GetValue(contentOption)!, diagnostics);
    return Report(diagnostics);
});

var folderArgument = new Argument<string>("folder") { Description = "A folder of static HTML." };
var checkLinks = new Command("check-links", "Check that every internal link and #fragment in a folder of HTML resolves.") { folderArgument };
checkLinks.SetAction(parse =>
{
    var folder = parse.GetValue(folderArgument)!;
    var diagnostics = new DiagnosticBag();
    if (!Directory.Exists(folder))
    {
        Console.Error.WriteLine($"{folder}: no such folder");
        return 2;
    }
    LinkChecker.CheckFolder(folder, diagnostics);
    return Report(diagnostics);
});

var root = new RootCommand("Chronology: builds a sourced, cross-linked chronology website from structured content.")
{
    build,
    check,
    checkLinks,
};
return await root.Parse(args).InvokeAsync();

static int Report(DiagnosticBag diagnostics)
{
    foreach (var diagnostic in diagnostics.Sorted()) Console.Error.WriteLine(diagnostic);
    var errors = diagnostics.Items.Count(d => d.Severity == Severity.Error);
    var warnings = diagnostics.Items.Count - errors;
    if (errors + warnings > 0) Console.Error.WriteLine($"{errors} error(s), {warnings} warning(s)");
    return errors > 0 ? 1 : 0;
}
