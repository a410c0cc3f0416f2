using System.CommandLine;
using System.Text.RegularExpressions;
using Chronology.Diagnostics;
using Chronology.Loading;
using Chronology.Model;
using Spectre.Console;

namespace Chronology.Cli;

/// <summary>
/// <c>new site|entry|source|organisation</c>: writes a file that loads with no error, every optional field commented,
/// after checking the id and what the file refers to; never overwrites. Flags always work; a missing required flag
/// is asked for only when a terminal is attached (<see cref="Create(TextWriter)"/>), and is otherwise a usage error.
/// Exit codes: 0 written, 1 refused (bad id or value, unknown reference, would overwrite), 2 a required flag missing.
/// </summary>
public static partial class NewCommand
{
    private const int Written = 0;
    private const int Refused = 1;
    private const int Usage = 2;

    /// <summary>The command, asking on the terminal for a missing flag when one is attached.</summary>
    public static Command Create(TextWriter error) => Create(error, Console.IsInputRedirected ? null : AskOnTerminal);

    /// <summary>The command with its way of asking: <paramref name="prompt"/> null means no terminal (never ask).</summary>
    public static Command Create(TextWriter error, Func<string, string?>? prompt)
    {
        var contentOption = new Option<string>("--content") { Description = "The content folder.", DefaultValueFactory = _ => "content" };
        var organisationsOption = new Option<string[]>("--organisation") { Description = "An organisation id (repeat for several)." };
        Argument<string?> IdArgument(string what) => new("id")
        {
            Description = $"The {what}'s id, which is also its file name: lowercase letters, digits and single hyphens.",
            Arity = ArgumentArity.ZeroOrOne,
        };

        var siteFolder = new Argument<string?>("folder") { Description = "A new or empty folder.", Arity = ArgumentArity.ZeroOrOne };
        var siteTitle = new Option<string>("--title") { Description = "The site's title.", DefaultValueFactory = _ => "Example chronology" };
        var site = new Command("site", "Write a minimal working site (site.yml, one organisation, one source, one entry) into a new folder.")
        {
            siteFolder, siteTitle,
        };
        site.SetAction(parse =>
        {
            var session = new Session(error, prompt);
            var folder = session.Require(parse.GetValue(siteFolder), "folder", "The folder for the new site");
            return folder is null ? Usage : NewSite(folder, parse.GetValue(siteTitle)!, error);
        });

        var entryId = IdArgument("entry");
        var entryTitle = new Option<string?>("--title") { Description = "The entry's title (plain text, neutral)." };
        var entryDate = new Option<string?>("--date") { Description = "The date in EDTF (2018-11-02, 2018-11, 2018, 2017-41~), never more precise than the document." };
        var entrySource = new Option<string?>("--source") { Description = "The id of the source the entry cites first." };
        var entryLocator = new Option<string?>("--locator") { Description = "Where in the source (page 15, section 4.1, ...)." };
        var entry = new Command("entry", "Write content/entries/ID.md citing a registered source.")
        {
            entryId, entryTitle, entryDate, entrySource, entryLocator, organisationsOption, contentOption,
        };
        entry.SetAction(parse =>
        {
            var session = new Session(error, prompt);
            var id = session.Require(parse.GetValue(entryId), "id", "The entry's id (starting with the year, e.g. 2018-council-publishes-report)");
            if (id is null) return Usage;
            var title = session.Require(parse.GetValue(entryTitle), "--title", "The entry's title");
            if (title is null) return Usage;
            var date = session.Require(parse.GetValue(entryDate), "--date", "The date in EDTF (2018-11-02, 2018-11, 2018, 2017-41~)");
            if (date is null) return Usage;
            var source = session.Require(parse.GetValue(entrySource), "--source", "The id of the source it cites");
            if (source is null) return Usage;
            return NewEntry(parse.GetValue(contentOption)!, id, title, date, source, parse.GetValue(entryLocator),
                parse.GetValue(organisationsOption) ?? [], error);
        });

        var sourceId = IdArgument("source");
        var sourceTitle = new Option<string?>("--title") { Description = "The document's own title." };
        var sourceType = new Option<string?>("--type") { Description = $"What the document is: {string.Join(", ", Source.Types)} (default other)." };
        var sourcePublisher = new Option<string?>("--publisher") { Description = "The publisher or author as the documents name them." };
        var sourceDate = new Option<string?>("--date") { Description = "The publication date in EDTF, where a document gives one." };
        var sourceNoDate = new Option<string?>("--no-date-reason") { Description = "Why there is no date (instead of --date)." };
        var sourceUrl = new Option<string?>("--url") { Description = "The address exactly as a document gives it." };
        var sourceFormat = new Option<string?>("--format") { Description = $"Required with --url: {string.Join(", ", Source.Formats)}." };
        var sourceNoUrl = new Option<string?>("--no-url-reason") { Description = "Why there is no URL (instead of --url)." };
        var sourceAccessed = new Option<string?>("--accessed") { Description = "An access date a document gives (YYYY-MM-DD)." };
        var source = new Command("source", "Write content/sources/ID.yml.")
        {
            sourceId, sourceTitle, sourceType, sourcePublisher, sourceDate, sourceNoDate, sourceUrl, sourceFormat, sourceNoUrl,
            sourceAccessed, organisationsOption, contentOption,
        };
        source.SetAction(parse =>
        {
            var session = new Session(error, prompt);
            var id = session.Require(parse.GetValue(sourceId), "id", "The source's id (e.g. council-annual-report-2018)");
            if (id is null) return Usage;
            var title = session.Require(parse.GetValue(sourceTitle), "--title", "The document's own title");
            if (title is null) return Usage;
            var url = Blank(parse.GetValue(sourceUrl));
            var noUrlReason = Blank(parse.GetValue(sourceNoUrl));
            if (url is null && noUrlReason is null)
            {
                url = session.Ask("The URL exactly as a document gives it (empty if none)");
                noUrlReason = url is null ? session.Ask("Why is there no URL?") : null;
                if (url is null && noUrlReason is null)
                {
                    error.WriteLine("missing --url (with --format) or --no-url-reason: a source gives the address a document gives, or says why there is none");
                    return Usage;
                }
            }
            var format = Blank(parse.GetValue(sourceFormat));
            if (url is not null && format is null)
            {
                format = session.Require(null, "--format", $"What the document at that address is ({string.Join(", ", Source.Formats)})");
                if (format is null) return Usage;
            }
            var date = Blank(parse.GetValue(sourceDate));
            var noDateReason = Blank(parse.GetValue(sourceNoDate));
            if (date is null && noDateReason is null)
            {
                date = session.Ask("The publication date in EDTF (empty if the documents give none)");
                noDateReason = date is null ? session.Ask("Why is there no date? (empty to leave it for later)") : null;
            }
            var fields = new ScaffoldTemplates.SourceFields(
                title, Blank(parse.GetValue(sourceType)) ?? "other", Blank(parse.GetValue(sourcePublisher)), date, noDateReason,
                url, format, noUrlReason, Blank(parse.GetValue(sourceAccessed)), parse.GetValue(organisationsOption) ?? []);
            return NewSource(parse.GetValue(contentOption)!, id, fields, error);
        });

        var organisationId = IdArgument("organisation");
        var organisationName = new Option<string?>("--name") { Description = "The name as the documents give it." };
        var organisationDescription = new Option<string?>("--description") { Description = "One or two neutral sentences from what the documents say." };
        var organisationShortName = new Option<string?>("--short-name") { Description = "A shorter name or abbreviation the documents use." };
        var organisation = new Command("organisation", "Write content/organisations/ID.yml.")
        {
            organisationId, organisationName, organisationDescription, organisationShortName, contentOption,
        };
        organisation.SetAction(parse =>
        {
            var session = new Session(error, prompt);
            var id = session.Require(parse.GetValue(organisationId), "id", "The organisation's id (e.g. example-council)");
            if (id is null) return Usage;
            var name = session.Require(parse.GetValue(organisationName), "--name", "The name as the documents give it");
            if (name is null) return Usage;
            var description = session.Require(parse.GetValue(organisationDescription), "--description",
                "One or two neutral sentences from what the documents say about it");
            if (description is null) return Usage;
            return NewOrganisation(parse.GetValue(contentOption)!, id,
                new ScaffoldTemplates.OrganisationFields(name, description, Blank(parse.GetValue(organisationShortName))), error);
        });

        return new Command("new", "Start a site, or add an entry, source or organisation, from a template with every field explained.")
        {
            site, entry, source, organisation,
        };
    }

    /// <summary>The <c>new</c> command on its own, with a given way of asking (null: no terminal); for tests.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<string, string?>? prompt)
    {
        var root = new RootCommand("Chronology") { Create(error, prompt) };
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private static string? AskOnTerminal(string question) =>
        AnsiConsole.Prompt(new TextPrompt<string>(Markup.Escape(question) + ":").AllowEmpty());

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The values the command still needs, from the flags or, with a terminal, by asking.</summary>
    private sealed class Session(TextWriter error, Func<string, string?>? prompt)
    {
        public string? Require(string? value, string flag, string question)
        {
            if (Blank(value) is { } given) return given;
            if (Ask($"{question} ({flag})") is { } answer) return answer;
            error.WriteLine(prompt is null
                ? $"missing {flag}: {question} (no terminal to ask on, so give it on the command line)"
                : $"missing {flag}: {question}");
            return null;
        }

        public string? Ask(string question) => prompt is null ? null : Blank(prompt(question));
    }

    // site

    private static int NewSite(string folder, string title, TextWriter error)
    {
        if (File.Exists(folder) || (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any()))
        {
            error.WriteLine($"{Display(folder)} already exists and is not empty: give a new or empty folder");
            return Refused;
        }
        var content = Path.Combine(folder, "content");
        var cli = CliInvocation(folder);
        var files = new (string Path, string Text)[]
        {
            ("content/site.yml", ScaffoldTemplates.SiteConfig(title)),
            ($"content/organisations/{ScaffoldTemplates.ExampleOrganisationId}.yml", ScaffoldTemplates.ExampleOrganisation),
            ($"content/sources/{ScaffoldTemplates.ExampleSourceId}.yml", ScaffoldTemplates.ExampleSource),
            ($"content/snapshots/{ScaffoldTemplates.ExampleSourceId}.txt", ScaffoldTemplates.ExampleSnapshot),
            ($"content/entries/{ScaffoldTemplates.ExampleEntryId}.md", ScaffoldTemplates.ExampleEntry),
            ("README.md", ScaffoldTemplates.SiteReadme(title, cli)),
            (".gitignore", "_site/\n"),
        };
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        error.WriteLine($"wrote a site in {Display(folder)}: {string.Join(", ", files.Select(f => f.Path))}");
        var here = CliInvocation(".");
        NextSteps(error,
            $"build it: {here} build --content {Display(content)} --output {Display(Path.Combine(folder, "_site"))}",
            $"preview it: {here} serve --content {Display(content)}",
            "replace the EXAMPLE files with real ones, starting with site.yml",
            $"add content with '{here} new organisation|source|entry ... --content {Display(content)}'");
        return Written;
    }

    // entry

    private static int NewEntry(string content, string id, string title, string date, string sourceId, string? locator,
        IReadOnlyList<string> organisations, TextWriter error)
    {
        if (!ContentFolderExists(content, error) || !ValidId(id, "entry", error)) return Refused;
        if (!EdtfDate.TryParse(date, out var parsed, out var dateError))
        {
            error.WriteLine($"--date: {dateError}");
            return Refused;
        }
        if (locator is not null && !Locator.TryParse(locator, out _, out var locatorError))
        {
            error.WriteLine($"--locator: {locatorError}");
            return Refused;
        }
        var sourceKnown = Known(content, "sources", "source", [sourceId], "new source", error);
        if (!Known(content, "organisations", "organisation", organisations, "new organisation", error) || !sourceKnown) return Refused;

        var file = Path.Combine(content, "entries", id + ".md");
        var text = ScaffoldTemplates.Entry(new ScaffoldTemplates.EntryFields(title, date.Trim(), sourceId, locator, organisations));
        if (!Loads(text, file, error, (t, display, bag) => EntryReader.Read(id, t, display, bag)) || !WriteNew(file, text, error)) return Refused;

        error.WriteLine($"wrote {Display(file)}");
        if (YearPrefix().Match(id) is not { Success: true } year)
            error.WriteLine($"note: entry ids conventionally start with the year ({parsed.Earliest.Year}-...); the id is permanent, so if that is wanted, delete the file and start again");
        else if (year.Value != parsed.Earliest.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))
            error.WriteLine($"note: the id starts with {year.Value} but the date starts in {parsed.Earliest.Year}");
        NextSteps(error,
            $"edit {Display(file)}: replace the placeholder paragraph with what the document says, keeping [^1] after each sentence that rests on it",
            locator is null ? "add the citation's locator (page 15, section 4.1, ...) and, where the site holds the document's text, its exact quote"
                            : "add the citation's quote (the document's exact words), where the site holds the document's text",
            "give 'label' if the document words the date differently, and any tags",
            $"run '{CliInvocation(".")} check --content {Display(content)}'");
        return Written;
    }

    // source

    private static int NewSource(string content, string id, ScaffoldTemplates.SourceFields fields, TextWriter error)
    {
        if (!ContentFolderExists(content, error) || !ValidId(id, "source", error)) return Refused;
        if (!Source.Types.Contains(fields.Type))
        {
            error.WriteLine($"--type: unknown source type '{fields.Type}' (one of: {string.Join(", ", Source.Types)})");
            return Refused;
        }
        if (fields.Url is not null && fields.NoUrlReason is not null)
        {
            error.WriteLine("give either --url or --no-url-reason, not both");
            return Refused;
        }
        if (fields.Url is { } url && !IsWebAddress(url))
        {
            error.WriteLine($"--url: '{url}' is not an absolute http(s) URL (with no spaces and no user name or password)");
            return Refused;
        }
        if (fields.Format is { } format && !Source.Formats.Contains(format))
        {
            error.WriteLine($"--format: unknown format '{format}' (one of: {string.Join(", ", Source.Formats)})");
            return Refused;
        }
        if (fields.Format is not null && fields.Url is null)
        {
            error.WriteLine("--format says what the document at --url is: give it only with --url");
            return Refused;
        }
        if (fields.Organisations.Count > 0 && fields.Publisher is null)
        {
            error.WriteLine("--organisation names the publisher or author: give --publisher as the documents name it (where no document names one, leave out --organisation too)");
            return Refused;
        }
        if (fields.Date is not null && fields.NoDateReason is not null)
        {
            error.WriteLine("give either --date or --no-date-reason, not both");
            return Refused;
        }
        if (fields.Date is { } date && !EdtfDate.TryParse(date, out _, out var dateError))
        {
            error.WriteLine($"--date: {dateError}");
            return Refused;
        }
        if (!Known(content, "organisations", "organisation", fields.Organisations, "new organisation", error)) return Refused;

        var file = Path.Combine(content, "sources", id + ".yml");
        if (!NotTaken(content, "sources", id, [".yml", ".yaml"], error)) return Refused;
        var text = ScaffoldTemplates.Source(fields);
        if (!Loads(text, file, error, (t, display, bag) => SourceReader.Read(id, t, display, bag)) || !WriteNew(file, text, error)) return Refused;

        error.WriteLine($"wrote {Display(file)}");
        var steps = new List<string> { $"check the commented fields in {Display(file)} (publisher, pages, notes) against the document" };
        if (fields.Date is null && fields.NoDateReason is null)
            steps.Add("give 'date', or 'noDateReason' saying why the documents give none (until then the build warns CHR312)");
        if (fields.Url is not null)
            steps.Add($"run '{CliInvocation(".")} links refresh --content {Display(content)}' to check the URL (until then the build warns CHR334{(fields.Accessed is null ? " and CHR312" : "")})");
        steps.Add($"cite it from an entry: '{CliInvocation(".")} new entry YEAR-... --source {id} --content {Display(content)}' (an uncited source is a warning, CHR311)");
        steps.Add($"to have quotations checked, add the document's text as {Display(Path.Combine(content, "snapshots", id + ".txt"))}");
        NextSteps(error, [.. steps]);
        return Written;
    }

    // organisation

    private static int NewOrganisation(string content, string id, ScaffoldTemplates.OrganisationFields fields, TextWriter error)
    {
        if (!ContentFolderExists(content, error) || !ValidId(id, "organisation", error)) return Refused;
        var file = Path.Combine(content, "organisations", id + ".yml");
        if (!NotTaken(content, "organisations", id, [".yml", ".yaml"], error)) return Refused;
        var text = ScaffoldTemplates.Organisation(fields);
        if (!Loads(text, file, error, (t, display, bag) => OrganisationReader.Read(id, t, display, bag)) || !WriteNew(file, text, error)) return Refused;

        error.WriteLine($"wrote {Display(file)}");
        NextSteps(error,
            $"check the name and description in {Display(file)} against the documents; add shortName or aliases where they use others",
            $"name it in entries' and sources' 'organisations: [{id}]' (or --organisation {id})",
            $"run '{CliInvocation(".")} check --content {Display(content)}'");
        return Written;
    }

    // checks

    [GeneratedRegex(@"\A[0-9]{4}(?=-)")]
    private static partial Regex YearPrefix();

    private static bool ContentFolderExists(string content, TextWriter error)
    {
        if (Directory.Exists(content)) return true;
        error.WriteLine($"{Display(content)}: no such content folder; give --content DIR, or start a site with 'new site DIR'");
        return false;
    }

    private static bool ValidId(string id, string what, TextWriter error)
    {
        if (ContentIds.IsValid(id)) return true;
        var suggestion = Slug(id);
        error.WriteLine($"'{DiagnosticText.Printable(id)}' is not a valid {what} id: use lowercase letters, digits and single hyphens (the id is the file name and part of the URL)"
            + (suggestion.Length > 0 && ContentIds.IsValid(suggestion) ? $"; for example '{suggestion}'" : ""));
        return false;
    }

    private static string Slug(string text) =>
        string.Join('-', Regex.Split(text.ToLowerInvariant(), "[^a-z0-9]+").Where(p => p.Length > 0));

    /// <summary>Every id refers to a file in the folder; otherwise a message naming the closest ids.</summary>
    private static bool Known(string content, string folder, string what, IReadOnlyList<string> ids, string command, TextWriter error)
    {
        var existing = Ids(content, folder);
        var ok = true;
        foreach (var id in ids.Where(i => !existing.Contains(i)))
        {
            ok = false;
            var close = Suggestions.CloseIds(id, existing);
            error.WriteLine($"unknown {what} '{DiagnosticText.Printable(id)}': no {Display(Path.Combine(content, folder, id + ".yml"))}"
                + (close.Count > 0 ? $"; did you mean {string.Join(", ", close.Select(c => $"'{c}'"))}?" : existing.Count == 0 ? $" ({folder}/ is empty)" : "")
                + $" To add it: '{command} {id} ...'");
        }
        return ok;
    }

    private static SortedSet<string> Ids(string content, string folder)
    {
        var directory = Path.Combine(content, folder);
        if (!Directory.Exists(directory)) return new SortedSet<string>(StringComparer.Ordinal);
        return new SortedSet<string>(
            Directory.EnumerateFiles(directory)
                .Where(f => Path.GetExtension(f) is ".yml" or ".yaml")
                .Select(Path.GetFileNameWithoutExtension)
                .OfType<string>(),
            StringComparer.Ordinal);
    }

    private static bool NotTaken(string content, string folder, string id, string[] extensions, TextWriter error)
    {
        foreach (var extension in extensions)
        {
            var path = Path.Combine(content, folder, id + extension);
            if (!File.Exists(path)) continue;
            error.WriteLine($"{Display(path)} already exists: nothing was written (ids are permanent; edit that file, or choose another id)");
            return false;
        }
        return true;
    }

    private static bool IsWebAddress(string url) =>
        !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.UserInfo.Length == 0;

    /// <summary>The text, read back by the loader's own reader, has no error; otherwise the errors, and nothing is written.</summary>
    private static bool Loads(string text, string file, TextWriter error, Action<string, string, DiagnosticBag> read)
    {
        var diagnostics = new DiagnosticBag();
        read(text, Display(file), diagnostics);
        // The entry's paragraph of instructions is there to be replaced: 'check' reports it (CHR114) until it is.
        var errors = diagnostics.Sorted().Where(d => d.Severity == Severity.Error && d.Code != DiagnosticCodes.TemplateText).ToList();
        if (errors.Count == 0) return true;
        error.Write(DiagnosticReport.Format(errors, "text"));
        error.WriteLine("nothing was written: the file would not load");
        return false;
    }

    /// <summary>Writes a file that must not exist yet (checked when it is created, so nothing is ever overwritten).</summary>
    private static bool WriteNew(string file, string text, TextWriter error)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        try
        {
            using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream);
            writer.Write(text);
            return true;
        }
        catch (IOException) when (File.Exists(file))
        {
            error.WriteLine($"{Display(file)} already exists: nothing was written (ids are permanent; edit that file, or choose another id)");
            return false;
        }
    }

    private static void NextSteps(TextWriter error, params string[] steps)
    {
        error.WriteLine("Next:");
        for (var i = 0; i < steps.Length; i++) error.WriteLine($"  {i + 1}. {steps[i]}");
    }

    private static string Display(string path) => path.Replace('\\', '/');

    /// <summary>
    /// How to run this tool from <paramref name="from"/>: <c>dotnet run --project PATH --</c>, PATH being this
    /// repository's CLI project where it can be found above the running program, otherwise a placeholder.
    /// </summary>
    private static string CliInvocation(string from)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var project = Path.Combine(directory.FullName, "src", "Chronology.Cli");
            if (!File.Exists(Path.Combine(project, "Chronology.Cli.csproj"))) continue;
            var relative = Path.GetRelativePath(Path.GetFullPath(from), project);
            var path = relative.StartsWith("..", StringComparison.Ordinal) ? project : relative;
            return $"dotnet run --project {Display(path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path)} --";
        }
        return "dotnet run --project <path to src/Chronology.Cli> --";
    }
}
