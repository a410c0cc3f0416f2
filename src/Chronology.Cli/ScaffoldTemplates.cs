using System.Globalization;
using System.Text;
using Chronology.Loading;
using Chronology.Model;

namespace Chronology.Cli;

/// <summary>
/// The text of the files that <c>new</c> writes. Every field a kind of file can have appears, the ones not given as a
/// YAML comment with a one-line explanation, so that a maintainer sees the whole format without opening the docs.
/// Values from the command line are written as double-quoted YAML scalars, so no title can change the file's shape.
/// </summary>
public static class ScaffoldTemplates
{
    /// <summary>The column at which the explanations of fields start.</summary>
    private const int CommentColumn = 34;

    public sealed record EntryFields(
        string Title, string Date, string SourceId, string? Locator, IReadOnlyList<string> Organisations);

    public sealed record SourceFields(
        string Title, string Type, string? Publisher, string? Date, string? NoDateReason, string? Url, string? Format,
        string? NoUrlReason, string? Accessed, IReadOnlyList<string> Organisations);

    public sealed record OrganisationFields(string Name, string Description, string? ShortName);

    public static string Entry(EntryFields entry)
    {
        var date = EdtfDate.Parse(entry.Date);
        var organisations = entry.Organisations.Count > 0
            ? Field($"organisations: [{string.Join(", ", entry.Organisations)}]", "organisation ids (organisations/<id>.yml) the entry concerns")
            : Field("# organisations: [an-organisation]", "organisation ids (organisations/<id>.yml) the entry concerns");
        var locator = entry.Locator is { } l
            ? Field($"    locator: {Quote(l)}", "where in the document: page 15, pages 15-16, section 4.1, annex 1, item 3, document 2d")
            : Field("    # locator: page 15", "where in the document: page 15, pages 15-16, section 4.1, annex 1, item 3, document 2d");
        return $$"""
            ---
            # A chronology entry (docs/content-model.md). The file name is its permanent id, used in its URL: never rename it.
            {{Field($"date: {Quote(entry.Date)}", "Required. EDTF: 2018-11-02, 2018-11, 2018, 2017-41~ (late 2017), 2013-07/2014-12")}}
            {{Field("", "never more precise than the document; see the date table in docs/content-model.md")}}
            {{Field($"# label: {date.Describe()}", "the date in the document's own words, if they differ")}}
            {{Field($"title: {Quote(entry.Title)}", "Required: plain text, neutral")}}
            {{Field("# annex: 1", "the item's number in site.yml's annexSource, where the entry is one of its items")}}
            {{organisations}}
            {{Field("# tags: [a-tag, another-tag]", "lowercase letters, digits and hyphens")}}
            {{Field("citations:", "Required: at least one; [^1] in the text below ties a sentence to the first")}}
            {{Field($"  - source: {entry.SourceId}", "Required: a source id (sources/<id>.yml)")}}
            {{locator}}
            {{Field("    # quote: >-", "the document's exact words, checked against snapshots/<source-id>.txt where the site holds it")}}
                #   The document's exact words, as they stand (docs/content-model.md, Quotes).
            ---
            {{EntryReader.TemplateBody}}, attributed to it ("The report states that ..."),
            neutrally and nothing more, with a note marker after each sentence that rests on the citation.[^1]

            """;
    }

    public static string Source(SourceFields source)
    {
        var lines = new List<string>
        {
            "# A source in the register (docs/content-model.md). The file name is its permanent id: never rename it.",
            Field($"title: {Quote(source.Title)}", "Required: the document's own title"),
            Optional("publisher", source.Publisher, "Name as the documents give it", "publisher or author as the documents name them; leave out where none does"),
            Field($"type: {source.Type}", "Required: " + string.Join(", ", Model.Source.Types)),
            Optional("date", source.Date, "2018-11", "EDTF: the publication date, only where a document gives it"),
            Optional("noDateReason", source.NoDateReason, "...", "where there is no date: why (shown on the source's page)"),
            Optional("url", source.Url, "https://...", "the address exactly as a document gives it; never invented"),
            source.Format is { } format
                ? Field($"format: {format}", "required with a url: " + string.Join(", ", Model.Source.Formats))
                : Field("# format: pdf", "required with a url: " + string.Join(", ", Model.Source.Formats)),
            Optional("noUrlReason", source.NoUrlReason, "...", "required when there is no url: why"),
            Field("# alsoAt: [https://...]", "other addresses the documents give for the same document"),
            source.Accessed is { } accessed
                ? Field($"accessed: {Quote(accessed)}", "the access date a document gives (YYYY-MM-DD)")
                : Field("# accessed: 2024-01-31", "the access date a document gives (YYYY-MM-DD); 'links refresh' records one too"),
            Field("# archiveUrl: https://web.archive.org/web/20240131120000/https://...", "an archived copy, only when known"),
            Field("# pages: 64", "the page count, when a document gives it"),
            Field("# knownThrough: another-source-id", "the source this one is known through (\"as quoted in\")"),
            Field("# archive: passages", "how much of snapshots/<id>.txt is published: passages (default) or full"),
            source.Organisations.Count > 0
                ? Field($"organisations: [{string.Join(", ", source.Organisations)}]", "organisation ids of the publisher or author")
                : Field("# organisations: [an-organisation]", "organisation ids of the publisher or author"),
            Field("# notes: >-", "Markdown: what the document is, editorial notes"),
            "#   ...",
        };
        return string.Join("\n", lines) + "\n";
    }

    public static string Organisation(OrganisationFields organisation) => $$"""
        # An organisation named in the documents (docs/content-model.md). The file name is its permanent id.
        {{Field($"name: {Quote(organisation.Name)}", "Required: as the documents name it")}}
        {{Optional("shortName", organisation.ShortName, "Short Name", "a shorter name or abbreviation the documents use")}}
        {{Field("# aliases: [Another Name]", "other names the documents use")}}
        {{Field($"description: {Quote(organisation.Description)}", "Required: one or two neutral sentences from what the documents say")}}

        """;

    // The example site. Everything in it is made up and says so, so that nothing in a new site makes a real claim.

    public const string ExampleOrganisationId = "example-council";
    public const string ExampleSourceId = "example-report";
    public const string ExampleEntryId = "2024-example-council-publishes-example-report";

    public static string SiteConfig(string title) => $$"""
        # The site (docs/content-model.md, Site).
        {{Field($"title: {Quote(title)}", "Required: the site's title")}}
        {{Field("description: \"An example chronology: replace this with one sentence on what it covers.\"", "Required")}}
        {{Field("language: en-GB", "a BCP 47 language tag (default en-GB)")}}
        {{Field("# baseUrl: https://example.org/chronology/", "the published address: canonical links and sitemap.xml")}}
        {{Field("# annexSource: a-source-id", "the source whose numbered items entries' 'annex' refers to")}}
        {{Field("# introduction: >-", "Markdown: what the chronology is about, on the home and About pages")}}
        #   ...
        {{Field("# maintainer: the maintainers of this chronology", "who keeps the site, as it should be named")}}
        {{Field("# corrections: >-", "Markdown: how to report an error and how corrections are made")}}
        #   ...
        {{Field("# reportErrorUrl: https://github.com/OWNER/REPO/issues/new", "an issue form that entries' \"Report an error\" opens")}}
        {{Field("# repository: https://github.com/OWNER/REPO", "where the content and code are public")}}

        """;

    public static string ExampleOrganisation => $$"""
        # EXAMPLE, made up by 'new site' to show the format: replace it with an organisation the documents name.
        {{Field("name: Example Council", "Required: as the documents name it")}}
        {{Field("# shortName: ExC", "a shorter name or abbreviation the documents use")}}
        {{Field("# aliases: [Another Name]", "other names the documents use")}}
        {{Field("description: >-", "Required: one or two neutral sentences from what the documents say")}}
          A made-up organisation that shows how an organisation is described. It is not a real council.

        """;

    public static string ExampleSource => Source(new SourceFields(
        "Example report", "report", "Example Council", "2024-01", null, null, null,
        "This is a made-up example source that shows the format; it has no address.", null, [ExampleOrganisationId]))
        .Replace("# A source in the register", "# EXAMPLE, made up by 'new site' to show the format: replace it with a document.\n# A source in the register", StringComparison.Ordinal);

    public const string ExampleSnapshot = """
        ---
        title: Example report
        publisher: Example Council
        note: >-
          A made-up text that shows how the site's copy of a document is kept, so that quotations can be checked against
          it. A line [page N] marks where page N begins.
        ---
        [page 1]
        Example report

        This is an example document. It was made up to show how a quotation is checked against the text of the document
        it comes from.
        """;

    public static string ExampleEntry => $$"""
        ---
        # EXAMPLE, made up by 'new site' to show the format. A chronology entry (docs/content-model.md); the file name
        # is its permanent id, used in its URL.
        {{Field("date: \"2024-01\"", "Required. EDTF: 2018-11-02, 2018-11, 2018, 2017-41~ (late 2017), 2013-07/2014-12")}}
        {{Field("label: January 2024", "the date in the document's own words")}}
        {{Field("title: Example Council publishes an example report", "Required: plain text, neutral")}}
        {{Field("# annex: 1", "the item's number in site.yml's annexSource, where the entry is one of its items")}}
        {{Field($"organisations: [{ExampleOrganisationId}]", "organisation ids (organisations/<id>.yml) the entry concerns")}}
        {{Field("tags: [example]", "lowercase letters, digits and hyphens")}}
        {{Field("citations:", "Required: at least one; [^1] in the text below ties a sentence to the first")}}
        {{Field($"  - source: {ExampleSourceId}", "Required: a source id (sources/<id>.yml)")}}
        {{Field("    locator: page 1", "where in the document: page 15, section 4.1, annex 1, item 3, document 2d")}}
        {{Field("    quote: >-", "the document's exact words, checked against snapshots/example-report.txt")}}
              It was made up to show how a quotation is checked against the text of the document it comes from.
        ---
        This is an example entry, made up to show the format. Example Council's example report says that it was made
        up to show how a quotation is checked against the text of the document it comes from.[^1]

        """;

    public static string SiteReadme(string title, string buildCommand) => $$"""
        # {{title}}

        A chronology built with Chronology. Everything under `content/` that is marked EXAMPLE is made up to show the
        format: replace it.

        ```sh
        {{buildCommand}} build --content content --output _site   # check everything and build the site into _site/
        {{buildCommand}} serve --content content                  # preview on http://127.0.0.1:8080/, rebuilt on every change
        {{buildCommand}} check --content content                  # every check, writes nothing
        ```

        Add content with `new` (it checks the id and the references, and writes every field, the optional ones commented):

        ```sh
        {{buildCommand}} new organisation an-id --name "Name" --description "..." --content content
        {{buildCommand}} new source an-id --title "Title" --type report --url https://... --format pdf --content content
        {{buildCommand}} new entry 2024-an-id --title "Title" --date 2024-01 --source an-id --content content
        ```

        The fields, the date forms and the quoting rules are in Chronology's `docs/content-model.md`.

        """;

    /// <summary>A line with its explanation at a fixed column (or after one space, where the value is longer).</summary>
    private static string Field(string text, string comment)
    {
        var padded = text.Length < CommentColumn ? text.PadRight(CommentColumn) : text + " ";
        return $"{padded}# {comment}";
    }

    /// <summary>The field with its value where one was given, otherwise commented out with an example value.</summary>
    private static string Optional(string key, string? value, string example, string comment) =>
        value is null ? Field($"# {key}: {example}", comment) : Field($"{key}: {Quote(value)}", comment);

    /// <summary>A double-quoted YAML scalar: backslashes, quotes and control characters escaped.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\n': builder.Append(@"\n"); break;
                case '\t': builder.Append(@"\t"); break;
                default:
                    if (char.IsControl(c)) builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    else builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }
}
