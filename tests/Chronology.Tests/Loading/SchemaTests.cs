using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Chronology.Diagnostics;
using Chronology.Loading;
using Chronology.Model;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlNode = YamlDotNet.RepresentationModel.YamlNode;

namespace Chronology.Tests.Loading;

/// <summary>
/// The JSON Schemas in docs/schemas/ (for editors) against the loader (the authority): every content file passes its
/// schema, the schemas and the loader refuse the same bad files and accept the same good ones, and every key and
/// closed list the loader knows is in the schema. One truth, tested, so the two never drift.
/// </summary>
public class SchemaTests
{
    /// <summary>A kind of content file: where its files live, which schema describes them, and whether the YAML is front matter.</summary>
    private sealed record Kind(string Schema, string Folder, string[] Extensions, bool FrontMatter);

    /// <summary>Every kind of content file, as ContentLoader reads them (site.yml, glossary.yml and changes.yml are single files).</summary>
    private static readonly Kind[] Kinds =
    [
        new("site.schema.json", "", ["site.yml"], false),
        new("glossary.schema.json", "", ["glossary.yml"], false),
        new("changes.schema.json", "", ["changes.yml"], false),
        new("entry.schema.json", "entries", [".md"], true),
        new("source.schema.json", "sources", [".yml", ".yaml"], false),
        new("organisation.schema.json", "organisations", [".yml", ".yaml"], false),
        new("snapshot.schema.json", "snapshots", [".txt"], true),
        new("review-item.schema.json", "review", [".yml", ".yaml"], false),
        new("response.schema.json", "responses", [".yml", ".yaml"], false),
        new("register.schema.json", "registers", [".md"], true),
        new("risk.schema.json", "risks", [".yml", ".yaml"], false),
        new("matrix.schema.json", "matrices", [".yml", ".yaml"], false),
        new("document.schema.json", "documents", [".md"], true),
        new("person.schema.json", "people", [".yml", ".yaml"], false),
        new("page.schema.json", "pages", [".md"], true),
    ];

    private static string SchemaFolder => Path.Combine(RepoPaths.Root, "docs", "schemas");

    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(LoadSchemas);

    private static Dictionary<string, JsonSchema> LoadSchemas()
    {
        // Each schema's relative $id resolves against the library's base; register every file under the URI its
        // $ref names it by, so that "common.schema.json#/$defs/..." finds the shared definitions.
        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(SchemaFolder, "*.schema.json"))
        {
            var schema = JsonSchema.FromText(File.ReadAllText(path));
            schemas[Path.GetFileName(path)] = schema;
            SchemaRegistry.Global.Register(new Uri(BaseUri, Path.GetFileName(path)), schema);
        }
        return schemas;
    }

    private static readonly Uri BaseUri = new("https://json-everything.net/");

    // ---- a. every content file validates against its schema ------------------------------------------------------

    public static TheoryData<string> ContentFiles()
    {
        var data = new TheoryData<string>();
        foreach (var relative in RealContentFiles()) data.Add(relative);
        return data;
    }

    private static IEnumerable<string> RealContentFiles() => ContentFilesIn(RepoPaths.Content);

    private static IEnumerable<string> ContentFilesIn(string content)
    {
        foreach (var kind in Kinds)
        {
            if (kind.Folder.Length == 0)
            {
                if (File.Exists(Path.Combine(content, kind.Extensions[0]))) yield return kind.Extensions[0];
                continue;
            }
            var folder = Path.Combine(content, kind.Folder);
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFiles(folder).Where(f => kind.Extensions.Contains(Path.GetExtension(f))).Order(StringComparer.Ordinal))
                yield return kind.Folder + "/" + Path.GetFileName(file);
        }
    }

    [Theory]
    [MemberData(nameof(ContentFiles))]
    public void Every_content_file_validates_against_its_schema(string relative)
    {
        var errors = SchemaErrors(relative, File.ReadAllText(Path.Combine(RepoPaths.Content, relative)));
        Assert.True(errors.Count == 0, $"content/{relative} fails {KindOf(relative).Schema}:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public void Every_content_file_of_the_Bridges_test_site_validates_against_its_schema()
    {
        var files = ContentFilesIn(RepoPaths.BridgesContent).ToList();
        Assert.True(files.Count >= 20, $"{files.Count} files");
        var failures = files.Select(relative => (relative, errors: SchemaErrors(relative, File.ReadAllText(Path.Combine(RepoPaths.BridgesContent, relative)))))
            .Where(f => f.errors.Count > 0)
            .Select(f => $"tests/sites/bridges/content/{f.relative} fails {KindOf(f.relative).Schema}:\n{string.Join("\n", f.errors)}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Every_content_folder_and_file_has_a_schema()
    {
        Assert.True(RealContentFiles().Count() > 100, "the real content was not found");
        var known = Kinds.Select(k => k.Folder).Where(f => f.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(RepoPaths.Content))
        {
            var hasContent = Directory.EnumerateFiles(folder).Any(f => Path.GetExtension(f) is ".yml" or ".yaml" or ".md" or ".txt");
            if (hasContent) Assert.True(known.Contains(Path.GetFileName(folder)), $"content/{Path.GetFileName(folder)}/ holds content files but no schema is mapped to it");
        }
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Content, "*.y*ml"))
            Assert.Contains(Kinds, k => k.Folder.Length == 0 && k.Extensions[0] == Path.GetFileName(file));
        // and every schema describes some kind (common.schema.json holds the shared definitions)
        foreach (var schema in Schemas.Value.Keys.Where(s => s != "common.schema.json"))
            Assert.Contains(Kinds, k => k.Schema == schema);
        foreach (var kind in Kinds) Assert.True(Schemas.Value.ContainsKey(kind.Schema), $"docs/schemas/{kind.Schema} is missing");
    }

    // ---- b. the schemas and the loader agree on bad and good files -------------------------------------------------

    private const string Entry = """
        ---
        date: 2012-11
        label: November 2012
        title: A thing happened
        citations:
          - source: src-a
            locator: page 3
        ---
        The report states that a thing happened.[^1]
        """;

    private const string Source = "title: A report\ntype: report\ndate: 2014-07\nurl: https://example.org/report.pdf\nformat: pdf\n";
    private const string Organisation = "name: Org B\ndescription: Another organisation.\n";
    private const string ReviewItem = "kind: conclusion\nsection: \"4.1\"\ntitle: Measurement\ntext: \"The review's words.\"\nsource: src-a\nlocator: section 4.1\n";
    private const string Response = "respondsTo: conclusion-1\norganisation: org-a\nkind: commentary\ndate: \"2023\"\nlabel: as of 2023\ntext: \"Our words.\"\nsource: src-a\n";
    private const string Register = "---\ntitle: A risk register\nsource: src-a\nquotedFrom: src-a\nlocator: document 1\n---\nA short summary.\n";
    private const string Risk = "register: reg-a\nrow: 1\nreference: OP1\ntitle: A risk\ndescription: \"Words of the risk.\"\nprobability: 2\nimpact: 2\nrating: 4\n";
    private const string Matrix = "title: Scoring\nquotedFrom: src-a\nprobability:\n  - { score: 1, label: Rare }\n  - { score: 2, label: Likely }\nimpact:\n  - { score: 1, label: Low }\n  - { score: 2, label: High }\nbands:\n  - label: Green\n    ratings: [1, 2, 4]\n";
    private const string Document = "---\ntitle: A document\nsource: src-a\nsections:\n  - heading: Progress\n    kind: passages\n    items:\n      - number: \"1\"\n        text: \"Some words.\"\n---\nA short summary.[^1]\n";
    private const string Person = "name: Ann Example\nroles:\n  - quote: \"Ann Example, Director\"\n    role: Director\n    source: src-a\n";
    private const string Changes = "changes:\n  - commit: 0123456789abcdef\n    says: Dates given in the plain form\n";
    private const string Glossary = "terms:\n  - term: ABC\n    expansion: A Big Committee\n";
    private const string Snapshot = "---\ntitle: A report\npublisher: Someone\nnote: This site's copy of the text.\n---\nThe text.\n";
    private const string Site = "title: Test chronology\ndescription: A site for tests.\n";

    /// <summary>Files a case's file may refer to, so that a good file is good in the whole site.</summary>
    private const string Companions =
        "-- content/review/conclusion-1.yml --\n" + ReviewItem +
        "-- content/registers/reg-a.md --\n" + Register;

    /// <summary>name, path, text: each the smallest change to a good file that the loader refuses.</summary>
    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "source: unknown key", "sources/src-b.yml", Source + "titel: x\n" },
        { "source: missing title", "sources/src-b.yml", Source.Replace("title: A report\n", "") },
        { "source: missing type", "sources/src-b.yml", Source.Replace("type: report\n", "") },
        { "source: unknown type", "sources/src-b.yml", Source.Replace("type: report", "type: novel") },
        { "source: unknown format", "sources/src-b.yml", Source.Replace("format: pdf", "format: docx") },
        { "source: url without format", "sources/src-b.yml", Source.Replace("format: pdf\n", "") },
        { "source: neither url nor noUrlReason", "sources/src-b.yml", Source.Replace("url: https://example.org/report.pdf\nformat: pdf\n", "") },
        { "source: url and noUrlReason", "sources/src-b.yml", Source + "noUrlReason: none given\n" },
        { "source: date and noDateReason", "sources/src-b.yml", Source + "noDateReason: none given\n" },
        { "source: impossible month", "sources/src-b.yml", Source.Replace("date: 2014-07", "date: 2014-13") },
        { "source: date in words", "sources/src-b.yml", Source.Replace("date: 2014-07", "date: July 2014") },
        { "source: not an http url", "sources/src-b.yml", Source.Replace("https://example.org/report.pdf", "ftp://example.org/report.pdf") },
        { "source: url with a password", "sources/src-b.yml", Source.Replace("https://example.org/", "https://user:secret@example.org/") },
        { "source: list where text expected", "sources/src-b.yml", Source.Replace("title: A report", "title: [A, report]") },
        { "source: mapping where text expected", "sources/src-b.yml", Source + "publisher: { name: Someone }\n" },
        { "source: pages zero", "sources/src-b.yml", Source + "pages: 0\n" },
        { "source: pages in words", "sources/src-b.yml", Source + "pages: many\n" },
        { "source: accessed month only", "sources/src-b.yml", Source + "accessed: 2021-08\n" },
        { "source: unknown archive scope", "sources/src-b.yml", Source + "archive: all\n" },
        { "source: alsoAt not a list", "sources/src-b.yml", Source + "alsoAt: https://example.org/other\n" },
        { "source: organisation not an id", "sources/src-b.yml", Source + "organisations: [Org A]\n" },
        { "entry: unknown key", "entries/a.md", Entry.Replace("title:", "titel: x\ntitle:") },
        { "entry: missing date", "entries/a.md", Entry.Replace("date: 2012-11\n", "") },
        { "entry: missing title", "entries/a.md", Entry.Replace("title: A thing happened\n", "") },
        { "entry: blank title", "entries/a.md", Entry.Replace("title: A thing happened", "title: \"  \"") },
        { "entry: no citations", "entries/a.md", Entry.Replace("citations:\n  - source: src-a\n    locator: page 3\n", "") },
        { "entry: empty citations", "entries/a.md", Entry.Replace("citations:\n  - source: src-a\n    locator: page 3\n", "citations: []\n") },
        { "entry: citation without source", "entries/a.md", Entry.Replace("  - source: src-a\n    locator: page 3", "  - locator: page 3") },
        { "entry: unknown key in a citation", "entries/a.md", Entry.Replace("locator: page 3", "locator: page 3\n    page: 3") },
        { "entry: citation not a mapping", "entries/a.md", Entry.Replace("  - source: src-a\n    locator: page 3", "  - src-a") },
        { "entry: bad locator", "entries/a.md", Entry.Replace("locator: page 3", "locator: p. 3") },
        { "entry: unknown locator kind", "entries/a.md", Entry.Replace("locator: page 3", "locator: chapter 3") },
        { "entry: empty quote", "entries/a.md", Entry.Replace("locator: page 3", "locator: page 3\n    quote: \"\"") },
        { "entry: tag not lowercase-hyphenated", "entries/a.md", Entry.Replace("citations:", "tags: [Street Triage]\ncitations:") },
        { "entry: annex in words", "entries/a.md", Entry.Replace("citations:", "annex: twelve\ncitations:") },
        { "entry: annex zero", "entries/a.md", Entry.Replace("citations:", "annex: 0\ncitations:") },
        { "entry: unquoted set of dates", "entries/a.md", Entry.Replace("date: 2012-11", "date: {2012-11, 2012-12}") },
        { "entry: interval with no known end", "entries/a.md", Entry.Replace("date: 2012-11", "date: ../..") },
        { "entry: year 0000", "entries/a.md", Entry.Replace("date: 2012-11", "date: 0000-11") },
        { "organisation: missing description", "organisations/org-b.yml", "name: Org B\n" },
        { "organisation: aliases not a list", "organisations/org-b.yml", Organisation + "aliases: Org Bee\n" },
        { "organisation: unknown key", "organisations/org-b.yml", Organisation + "website: https://example.org/\n" },
        { "review item: unknown kind", "review/conclusion-2.yml", ReviewItem.Replace("kind: conclusion", "kind: finding") },
        { "review item: quoted number", "review/conclusion-2.yml", ReviewItem + "number: \"3\"\n" },
        { "review item: missing text", "review/conclusion-2.yml", ReviewItem.Replace("text: \"The review's words.\"\n", "") },
        { "response: unknown kind", "responses/resp-a.yml", Response.Replace("kind: commentary", "kind: reply") },
        { "response: missing respondsTo", "responses/resp-a.yml", Response.Replace("respondsTo: conclusion-1\n", "") },
        { "response: missing date", "responses/resp-a.yml", Response.Replace("date: \"2023\"\n", "") },
        { "register: missing quotedFrom", "registers/reg-b.md", Register.Replace("quotedFrom: src-a\n", "") },
        { "register: unknown key in a category", "registers/reg-b.md", Register.Replace("---\nA short", "categories:\n  - { prefix: OD, text: \"Operational\", colour: red }\n---\nA short") },
        { "register: bad updated date", "registers/reg-b.md", Register.Replace("---\nA short", "updated: 04/02/2020\n---\nA short") },
        { "risk: probability in words", "risks/risk-a.yml", Risk.Replace("probability: 2", "probability: high") },
        { "risk: rating out of range", "risks/risk-a.yml", Risk.Replace("rating: 4", "rating: 10000") },
        { "risk: annotation without outcomes", "risks/risk-a.yml", Risk + "annotations:\n  - date: \"2021-07\"\n    owners: [\"The AHSN Network\"]\n" },
        { "risk: missing description", "risks/risk-a.yml", Risk.Replace("description: \"Words of the risk.\"\n", "") },
        { "matrix: printed not true or false", "matrices/mx-a.yml", Matrix.Replace("  - label: Green\n", "  - label: Green\n    printed: yes\n") },
        { "matrix: level without score", "matrices/mx-a.yml", Matrix.Replace("{ score: 2, label: High }", "{ label: High }") },
        { "matrix: band without ratings", "matrices/mx-a.yml", Matrix.Replace("ratings: [1, 2, 4]", "ratings: []") },
        { "matrix: missing bands", "matrices/mx-a.yml", Matrix[..Matrix.IndexOf("bands:", StringComparison.Ordinal)] },
        { "document: unknown section kind", "documents/doc-a.md", Document.Replace("kind: passages", "kind: table") },
        { "document: group outside a checklist", "documents/doc-a.md", Document.Replace("text: \"Some words.\"", "text: \"Some words.\"\n        group: essential") },
        { "document: section without items", "documents/doc-a.md", Document.Replace("    items:\n      - number: \"1\"\n        text: \"Some words.\"\n", "") },
        { "document: unknown unit", "documents/doc-a.md", Document.Replace("---\nA short", "figures:\n  - { name: Officers, value: \"50\", unit: dollars, quote: \"50 officers\" }\n---\nA short") },
        { "document: quoted figure number", "documents/doc-a.md", Document.Replace("---\nA short", "figures:\n  - { name: Officers, value: \"50\", number: \"50\", quote: \"50 officers\" }\n---\nA short") },
        { "person: no roles", "people/ann-example.yml", "name: Ann Example\n" },
        { "person: role without source", "people/ann-example.yml", Person.Replace("    source: src-a\n", "") },
        { "glossary: two-word term", "glossary.yml", Glossary.Replace("term: ABC", "term: A BC") },
        { "glossary: missing expansion", "glossary.yml", "terms:\n  - term: ABC\n" },
        { "glossary: no terms", "glossary.yml", "terms: []\n" },
        { "changes: no notes", "changes.yml", "changes: []\n" },
        { "changes: a short id", "changes.yml", Changes.Replace("0123456789abcdef", "012345") },
        { "changes: an id in capitals", "changes.yml", Changes.Replace("0123456789abcdef", "0123456789ABCDEF") },
        { "changes: no wording", "changes.yml", Changes.Replace("    says: Dates given in the plain form\n", "") },
        { "changes: two lines", "changes.yml", Changes.Replace("says: Dates given in the plain form", "says: |\n      Dates given\n      in the plain form") },
        { "site: language not a tag", "site.yml", Site + "language: English\n" },
        { "site: missing description", "site.yml", "title: Test chronology\n" },
        { "site: baseUrl not absolute", "site.yml", Site + "baseUrl: example.org\n" },
        { "site: a nav link without its url", "site.yml", Site + "nav:\n  - title: Campaign\n" },
        { "site: a nav link to a script", "site.yml", Site + "nav:\n  - { title: Campaign, url: \"javascript:alert(1)\" }\n" },
        { "site: a nav link with an unknown key", "site.yml", Site + "nav:\n  - { title: Campaign, url: /about/, target: _blank }\n" },
        { "site: a locator kind with a hyphen", "site.yml", Site + "locatorKinds: [time-code]\n" },
        { "site: a source type with a capital", "site.yml", Site + "sourceTypes: [Minutes]\n" },
        { "page: no title", "pages/method.md", "---\ndescription: How.\n---\nHow it is made.\n" },
        { "page: nav not a number", "pages/method.md", "---\ntitle: Method\nnav: first\n---\nHow it is made.\n" },
        { "page: an unknown key", "pages/method.md", "---\ntitle: Method\nlayout: wide\n---\nHow it is made.\n" },
        { "snapshot: missing note", "snapshots/src-a.txt", Snapshot.Replace("note: This site's copy of the text.\n", "") },
        { "snapshot: unknown key", "snapshots/src-a.txt", Snapshot.Replace("---\nThe", "accessed: 2021-08-10\n---\nThe") },
    };

    /// <summary>name, path, text: good files, with optional fields present and absent, that both accept.</summary>
    public static TheoryData<string, string, string> GoodFiles => new()
    {
        { "source: with url and format", "sources/src-b.yml", Source },
        { "source: no url, a reason", "sources/src-b.yml", "title: A letter\ntype: letter\nnoUrlReason: Released only on request.\nnoDateReason: The letter is undated.\n" },
        { "source: every optional field", "sources/src-b.yml", Source.Replace("date: 2014-07", "date: 2014") + "publisher: Someone\nalsoAt: [https://example.org/copy.pdf]\naccessed: 2021-08-10\narchiveUrl: https://web.archive.org/web/20210810132835/https://example.org/report.pdf\npages: 64\nknownThrough: src-a\narchive: full\norganisations: [org-a]\nnotes: >-\n  What the document is.\n" },
        { "source: empty optional fields", "sources/src-b.yml", Source + "publisher:\nnotes: ~\norganisations:\n" },
        { "source: with the editor modeline", "sources/src-b.yml", "# yaml-language-server: $schema=../../docs/schemas/source.schema.json\n" + Source },
        { "source: plain http and a number as a title", "sources/src-b.yml", Source.Replace("title: A report", "title: 2018").Replace("https:", "http:") },
        { "entry: the smallest", "entries/a.md", Entry },
        { "entry: every optional field", "entries/a.md", Entry.Replace("citations:", "annex: 12\norganisations: [org-a]\ntags: [street-triage, '2012']\ncitations:").Replace("locator: page 3", "locator: annex 1, item 12, pages 3-4\n    quote: >-\n      The exact words.") + "\n-- content/site.yml --\ntitle: T\ndescription: D\nannexSource: src-a\n" },
        { "entry: a year, an interval, a set", "entries/a.md", Entry.Replace("date: 2012-11\nlabel: November 2012\n", "date: \"{2012-11,2013-02}\"\nlabel: November 2012 and February 2013\n") },
        { "entry: a year as a number", "entries/a.md", Entry.Replace("date: 2012-11\nlabel: November 2012", "date: 2012\nlabel: \"2012\"") },
        { "entry: an approximate half year", "entries/a.md", Entry.Replace("date: 2012-11\nlabel: November 2012", "date: 2012-41~\nlabel: Late 2012") },
        { "entry: an open interval", "entries/a.md", Entry.Replace("date: 2012-11\nlabel: November 2012", "date: 2012-11/..\nlabel: From November 2012") },
        { "organisation: the smallest", "organisations/org-b.yml", Organisation },
        { "organisation: with short name and aliases", "organisations/org-b.yml", Organisation + "shortName: OB\naliases: [Org Bee, O.B.]\n" },
        { "review item: a conclusion", "review/conclusion-2.yml", ReviewItem + "entries: []\nsources: [src-a]\n" },
        { "review item: a recommendation", "review/recommendation-1.yml", ReviewItem.Replace("kind: conclusion\nsection: \"4.1\"", "kind: recommendation\nnumber: 1") },
        { "response: commentary", "responses/resp-a.yml", Response },
        { "response: action taken", "responses/resp-a.yml", Response.Replace("kind: commentary", "kind: action-taken").Replace("label: as of 2023\n", "") + "locator: paragraph 3.5\n" },
        { "register: the smallest", "registers/reg-b.md", Register },
        { "register: every optional field", "registers/reg-b.md", Register.Replace("---\nA short", "updated: \"2020-02-04\"\nupdatedLabel: \"Updated: 04/02/2020\"\nowner: \"The team\"\ncategories:\n  - { prefix: OD, text: \"Operational\" }\nmatrix: mx-a\nannotationSource: src-a\nannotationLocator: document 2\n---\nA short") + "-- content/matrices/mx-a.yml --\n" + Matrix },
        { "risk: the smallest", "risks/risk-a.yml", "register: reg-a\nreference: OP1\ntitle: A risk\ndescription: \"Words of the risk.\"\n" },
        { "risk: every optional field", "risks/risk-a.yml", Risk + "identified: \"2018-04-01\"\nidentifiedLabel: \"01/04/2018\"\ncause: \"A cause.\"\naffected: \"Everyone.\"\nmitigations: [\"One thing.\", \"Another.\"]\ntimeline: \"31.03.2020\"\nstatus: Closed\nentries: []\nsources: [src-a]\nnotes: Editorial.\nannotations:\n  - date: \"2021-07\"\n    label: July 2021\n    owners: [\"The AHSN Network\"]\n    outcomes: [\"Closed.\"]\n" },
        { "matrix: the smallest", "matrices/mx-a.yml", Matrix },
        { "matrix: an unnamed band", "matrices/mx-a.yml", Matrix.Replace("ratings: [1, 2, 4]", "ratings: [1, 2]\n  - label: Not named\n    printed: false\n    ratings: [4]") + "locator: document 1\nnotes: Notes.\n" },
        { "document: passages", "documents/doc-a.md", Document },
        { "document: a checklist and figures", "documents/doc-a.md", Document.Replace("kind: passages", "kind: checklist").Replace("text: \"Some words.\"", "title: Lead\n        text: \"Some words.\"\n        group: essential\n        source: src-a").Replace("---\nA short", "quotedFrom: src-a\nlocator: document 2d\ndate: \"2020-03-13\"\ndateLabel: 13th March 2020\nentries: []\nfigures:\n  - { name: Share, value: \"0.6\", number: 0.6, unit: percent, quote: \"a share of 0.6\", note: Editorial }\nnotes: Notes.\n---\nA short") },
        { "person: the smallest", "people/ann-example.yml", Person },
        { "person: every optional field", "people/ann-example.yml", Person + "    organisation: org-a\n    locator: page 2\nentries: []\n" },
        { "glossary: a term", "glossary.yml", Glossary },
        { "changes: two notes", "changes.yml", Changes + "  - commit: fedcba9\n    says: \"Three statements cite the items they report\"\n" },
        { "glossary: a term the documents never spell out", "glossary.yml", Glossary + "  - term: XYZ\n    note: The documents use it without spelling it out.\n" },
        { "glossary: a term with a note", "glossary.yml", Glossary + "    note: One plain sentence.\n  - term: \"A&E\"\n    expansion: Accident and Emergency\n" },
        { "site: the smallest", "site.yml", Site },
        { "site: every optional field", "site.yml", Site + "language: cy\nbaseUrl: https://example.org/\nannexSource: src-a\nannexName: Annex 1\nmaintainer: the maintainers\nrepository: https://github.com/owner/repo\nreportErrorUrl: https://github.com/owner/repo/issues/new\ncorrections: Tell us.\nintroduction: What it is.\nfooter: Made by [us](about/).\nnav:\n  - { title: Campaign, url: https://example.org/campaign }\n  - { title: Data, url: /data/chronology.json }\nlicence: CC BY 4.0\nsourceTypes: [minutes, news-article]\nlocatorKinds: [chapter, line]\n" },
        { "page: the smallest", "pages/method.md", "---\ntitle: Method\n---\nHow it is made.\n" },
        { "page: every field", "pages/method.md", "---\ntitle: Method\ndescription: How it is made.\nnav: 2\n---\nHow it is made.\n" },
        { "snapshot: a header", "snapshots/src-a.txt", Snapshot },
        { "snapshot: with a url", "snapshots/src-a.txt", Snapshot.Replace("---\nThe", "url: https://example.org/report.pdf\n---\nThe") },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Loader_and_schema_both_refuse(string name, string relative, string text)
    {
        var loaderErrors = LoaderErrors(relative, text);
        Assert.True(loaderErrors.Count > 0, $"{name}: the loader accepts it");
        var schemaErrors = SchemaErrors(relative, text);
        Assert.True(schemaErrors.Count > 0,
            $"{name}: the loader refuses it ({string.Join("; ", loaderErrors)}) but {KindOf(relative).Schema} accepts it");
    }

    [Theory]
    [MemberData(nameof(GoodFiles))]
    public void Loader_and_schema_both_accept(string name, string relative, string text)
    {
        var loaderErrors = LoaderErrors(relative, text);
        Assert.True(loaderErrors.Count == 0, $"{name}: the loader refuses it:\n{string.Join("\n", loaderErrors)}");
        var schemaErrors = SchemaErrors(relative, text.Split("\n-- content/")[0]);
        Assert.True(schemaErrors.Count == 0, $"{name}: {KindOf(relative).Schema} refuses it:\n{string.Join("\n", schemaErrors)}");
    }

    /// <summary>The errors the loader (check) reports in the file: the rest of the small site is good.</summary>
    private static List<string> LoaderErrors(string relative, string text)
    {
        using var site = TestSite.Create($"-- content/{relative} --\n{text}\n{Companions}");
        var file = site.Display(relative);
        return [.. site.Check().Where(d => d.Severity == Severity.Error && d.File == file).Select(d => d.ToString())];
    }

    // ---- c. every key and closed list the loader knows is in the schema ---------------------------------------------

    /// <summary>schema, JSON pointer to an object schema in it, the keys the loader allows there.</summary>
    private static readonly Dictionary<string, (string Schema, string Pointer, string[] Keys)> Mappings = new()
    {
        ["site"] = ("site.schema.json", "", SiteConfigReader.Keys),
        ["site nav link"] = ("site.schema.json", "/properties/nav/items", SiteConfigReader.NavKeys),
        ["page"] = ("page.schema.json", "", FreePageReader.Keys),
        ["glossary"] = ("glossary.schema.json", "", GlossaryReader.Keys),
        ["glossary term"] = ("glossary.schema.json", "/properties/terms/items", GlossaryReader.TermKeys),
        ["changes"] = ("changes.schema.json", "", ChangeNotesReader.Keys),
        ["change note"] = ("changes.schema.json", "/properties/changes/items", ChangeNotesReader.ChangeKeys),
        ["entry"] = ("entry.schema.json", "", EntryReader.Keys),
        ["entry citation"] = ("entry.schema.json", "/$defs/citation", EntryReader.CitationKeys),
        ["source"] = ("source.schema.json", "", SourceReader.Keys),
        ["organisation"] = ("organisation.schema.json", "", OrganisationReader.Keys),
        ["snapshot"] = ("snapshot.schema.json", "", SnapshotReader.Keys),
        ["review item"] = ("review-item.schema.json", "", ReviewReader.ItemKeys),
        ["response"] = ("response.schema.json", "", ReviewReader.ResponseKeys),
        ["register"] = ("register.schema.json", "", RegisterReader.RegisterKeys),
        ["register category"] = ("register.schema.json", "/properties/categories/items", RegisterReader.CategoryKeys),
        ["risk"] = ("risk.schema.json", "", RegisterReader.RiskKeys),
        ["risk annotation"] = ("risk.schema.json", "/properties/annotations/items", RegisterReader.AnnotationKeys),
        ["matrix"] = ("matrix.schema.json", "", RegisterReader.MatrixKeys),
        ["matrix level"] = ("matrix.schema.json", "/$defs/scale/items", RegisterReader.LevelKeys),
        ["matrix band"] = ("matrix.schema.json", "/properties/bands/items", RegisterReader.BandKeys),
        ["document"] = ("document.schema.json", "", DocumentReader.DocumentKeys),
        ["document section"] = ("document.schema.json", "/$defs/section", DocumentReader.SectionKeys),
        ["document item"] = ("document.schema.json", "/$defs/item", DocumentReader.ItemKeys),
        ["document figure"] = ("document.schema.json", "/$defs/figure", DocumentReader.FigureKeys),
        ["person"] = ("person.schema.json", "", DocumentReader.PersonKeys),
        ["person role"] = ("person.schema.json", "/properties/roles/items", DocumentReader.RoleKeys),
    };

    public static TheoryData<string> MappingNames() => [.. Mappings.Keys];

    [Theory]
    [MemberData(nameof(MappingNames))]
    public void Schema_properties_are_the_keys_the_loader_allows(string name)
    {
        var (schema, pointer, keys) = Mappings[name];
        var node = At(SchemaJson(schema), pointer);
        var properties = node["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        Assert.Equal(keys.Order(StringComparer.Ordinal), properties);
        Assert.False(node["additionalProperties"]!.GetValue<bool>());
        foreach (var property in node["properties"]!.AsObject())
            Assert.False(string.IsNullOrWhiteSpace((string?)property.Value!["description"]), $"{schema}{pointer}: '{property.Key}' has no description");
    }

    [Fact]
    public void Every_object_in_every_schema_refuses_unknown_keys()
    {
        Assert.Equal(Kinds.Length + 1, Schemas.Value.Count);
        foreach (var (file, _) in Schemas.Value)
        {
            var json = SchemaJson(file);
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)json["$schema"]);
            Assert.Equal(file, (string?)json["$id"]);
            foreach (var (path, node) in Walk(json, ""))
            {
                if (node["properties"] is null && !IsObjectType(node["type"])) continue;
                if (Regex.IsMatch(path, "/(if|then|else|not)(/|$)")) continue; // conditions only constrain declared properties
                Assert.True(node["additionalProperties"] is JsonValue v && !v.GetValue<bool>(), $"{file}{path}: an object without additionalProperties: false");
            }
        }
    }

    public static TheoryData<string, string, string> Vocabularies => new()
    {
        // schema, pointer to the property, the loader's list
        { "source.schema.json", "/properties/type", string.Join(",", Chronology.Model.Source.Types) },
        { "source.schema.json", "/properties/format", string.Join(",", Chronology.Model.Source.Formats) },
        { "source.schema.json", "/properties/archive", string.Join(",", Chronology.Model.Source.ArchiveScopes) },
        { "review-item.schema.json", "/properties/kind", string.Join(",", Chronology.Model.ReviewItem.Kinds) },
        { "response.schema.json", "/properties/kind", string.Join(",", ReviewResponse.Kinds) },
        { "document.schema.json", "/$defs/section/properties/kind", string.Join(",", DocumentSection.Kinds) },
        { "document.schema.json", "/$defs/item/properties/group", string.Join(",", DocumentItem.Groups) },
        { "document.schema.json", "/$defs/figure/properties/unit", string.Join(",", DocumentFigure.Units) },
    };

    [Theory]
    [MemberData(nameof(Vocabularies))]
    public void Closed_lists_are_the_loaders(string schema, string pointer, string values)
    {
        var listed = At(SchemaJson(schema), pointer)["enum"]!.AsArray().Where(v => v is not null).Select(v => (string)v!);
        Assert.Equal(values.Split(','), listed);
    }

    [Fact]
    public void The_locator_pattern_names_every_locator_kind()
    {
        var pattern = (string)At(SchemaJson("common.schema.json"), "/$defs/locator")["pattern"]!;
        var named = Regex.Matches(pattern, "[a-z]{4,}").Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Locator.Kinds.Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_editor_settings_map_every_yaml_kind_to_its_schema()
    {
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, ".vscode", "settings.json")), null,
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        var mapped = settings["yaml.schemas"]!.AsObject();
        foreach (var kind in Kinds.Where(k => !k.FrontMatter))
        {
            var globs = mapped[$"./docs/schemas/{kind.Schema}"];
            Assert.True(globs is not null, $".vscode/settings.json does not map {kind.Schema}");
            var list = globs is JsonArray array ? array.Select(g => (string)g!).ToList() : [(string)globs!];
            foreach (var extension in kind.Extensions)
            {
                var glob = kind.Folder.Length == 0 ? $"content/{extension}" : $"content/{kind.Folder}/*{extension}";
                Assert.Contains(glob, list);
            }
        }
        foreach (var (schema, _) in mapped)
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, schema)), $".vscode/settings.json names {schema}, which does not exist");
        var extensions = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, ".vscode", "extensions.json")))!;
        Assert.Contains("redhat.vscode-yaml", extensions["recommendations"]!.AsArray().Select(r => (string?)r));
    }

    // ---- YAML as an editor's YAML language server sees it, and the schema's verdict -----------------------------------

    private static Kind KindOf(string relative)
    {
        var slash = relative.IndexOf('/');
        return slash < 0
            ? Kinds.Single(k => k.Folder.Length == 0 && k.Extensions[0] == relative)
            : Kinds.Single(k => k.Folder == relative[..slash]);
    }

    /// <summary>The schema's errors for a file's text (its front matter, for Markdown and snapshots), one line each.</summary>
    private static List<string> SchemaErrors(string relative, string text)
    {
        var kind = KindOf(relative);
        text = text.Replace("\r\n", "\n");
        var yaml = text;
        if (kind.FrontMatter)
        {
            var frontMatter = FrontMatter.Split(text);
            if (frontMatter is null) return ["no front matter"];
            yaml = frontMatter.Yaml;
        }
        JsonNode? instance;
        try
        {
            instance = ToJson(yaml);
        }
        catch (YamlException e)
        {
            return [$"YAML: {e.Message}"];
        }
        var results = Schemas.Value[kind.Schema].Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        if (results.IsValid) return [];
        var errors = new List<string>();
        Collect(results, errors);
        return errors.Count > 0 ? errors : ["invalid"];
    }

    /// <summary>The errors of failing nodes under failing nodes only: not those of an anyOf branch or an if that others outweigh.</summary>
    private static void Collect(EvaluationResults node, List<string> errors)
    {
        if (node.IsValid) return;
        if (node.Errors is { Count: > 0 })
            errors.AddRange(node.Errors.Select(e => $"{node.InstanceLocation} ({node.EvaluationPath}): {e.Value}"));
        foreach (var child in node.Details) Collect(child, errors);
    }

    /// <summary>
    /// One YAML document as JSON, scalar by scalar as the YAML 1.2 core schema (and so an editor) types them, within
    /// what the loader reads: a plain null (empty, ~, null) is null, plain true and false are booleans, a plain decimal
    /// number is a number; everything else, and every quoted scalar, is a string. So 2018 is a number, 2018-11 a string.
    /// </summary>
    private static JsonNode? ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : ToJson(stream.Documents[0].RootNode);
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(p =>
            KeyValuePair.Create(((YamlScalarNode)p.Key).Value ?? "", ToJson(p.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException($"unexpected YAML node {node.NodeType}"),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain) return JsonValue.Create(value);
        if (value is "" or "~" or "null" or "Null" or "NULL") return null;
        if (value is "true" or "false") return JsonValue.Create(value == "true");
        if (Regex.IsMatch(value, @"\A-?[0-9]+\z"))
            return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                ? JsonValue.Create(integer)
                : JsonValue.Create(decimal.Parse(value, CultureInfo.InvariantCulture));
        if (Regex.IsMatch(value, @"\A-?([0-9]+\.[0-9]*|\.[0-9]+)\z") && value.Length < 29)
            return JsonValue.Create(decimal.Parse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        return JsonValue.Create(value);
    }

    private static JsonNode SchemaJson(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(SchemaFolder, file)))!;

    private static JsonNode At(JsonNode root, string pointer)
    {
        var node = root;
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)) node = node[part] ?? throw new KeyNotFoundException(pointer);
        return node;
    }

    private static bool IsObjectType(JsonNode? type) =>
        type is JsonValue value ? (string?)value == "object" : type is JsonArray array && array.Any(t => (string?)t == "object");

    private static IEnumerable<(string Path, JsonObject Node)> Walk(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return (path, obj);
                foreach (var (key, child) in obj)
                    foreach (var found in Walk(child, $"{path}/{key}"))
                        yield return found;
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    foreach (var found in Walk(array[i], $"{path}/{i}"))
                        yield return found;
                break;
        }
    }
}
