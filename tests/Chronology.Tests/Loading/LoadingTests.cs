using Chronology.Diagnostics;
using Chronology.Loading;
using Chronology.Model;

namespace Chronology.Tests.Loading;

public class LoadingTests
{
    [Fact]
    public void Loads_an_entry_with_every_field()
    {
        using var site = TestSite.Create("""
            -- content/entries/2018-thing.md --
            ---
            date: 2018-04/2018-06
            label: Q1 2018/19
            title: The thing
            annex: 17
            organisations: [org-a]
            tags: [national-programme, funding]
            citations:
              - source: src-a
                locator: annex 1, item 17, page 13
                quote: >-
                  AHSN Network begins support
                  for roll-out
            ---
            The AHSN Network states that **support** began.
            """);
        var diagnostics = new DiagnosticBag();

        var evidence = ContentLoader.Load(site.Content, diagnostics);

        Assert.Empty(diagnostics.Items);
        var entry = Assert.Single(evidence.Entries);
        Assert.Equal("2018-thing", entry.Id);
        Assert.Equal("2018-04/2018-06", entry.Date.ToString());
        Assert.Equal("Q1 2018/19", entry.Label);
        Assert.Equal(17, entry.AnnexItem);
        Assert.Equal(["org-a"], entry.Organisations);
        Assert.Equal(["national-programme", "funding"], entry.Tags);
        var citation = Assert.Single(entry.Citations);
        Assert.Equal("src-a", citation.SourceId);
        Assert.Equal(13, citation.Locator!.FirstPage);
        Assert.Equal("AHSN Network begins support for roll-out", citation.Quote);
        Assert.Equal("The AHSN Network states that **support** began.", entry.Body);
        Assert.Equal(site.Display("entries/2018-thing.md"), entry.Location.File);
    }

    [Fact]
    public void A_missing_label_is_generated_from_the_date()
    {
        using var site = TestSite.Create("-- content/entries/a.md --\n---\ndate: 2018-03-02\ntitle: T\ncitations:\n  - source: src-a\n---\nBody.");

        var entry = Assert.Single(ContentLoader.Load(site.Content, new DiagnosticBag()).Entries);

        Assert.Equal("2 March 2018", entry.Label);
    }

    /// <summary>
    /// Every problem, in every file, in one run: an entry whose date or title cannot be read is still checked for the
    /// rest (its organisations, its sources and its quotations), so a maintainer does not fix one error only to meet
    /// the next.
    /// </summary>
    [Fact]
    public void Reports_every_problem_in_one_run()
    {
        using var site = TestSite.Create("""
            -- content/entries/a.md --
            ---
            date: 2012-13
            title: A
            organisations: [nobody]
            citations:
              - source: nowhere
            ---
            Body.
            -- content/entries/b.md --
            ---
            dat: 2012
            title: B
            citations:
              - source: src-a
                locator: leaf 3
            ---
            Body.
            -- content/entries/c.md --
            ---
            date: 2014-07
            citations:
              - source: src-a
                locator: page 2
                quote: Words the report does not have
            ---
            Body.[^1]
            -- content/entries/d.md --
            ---
            date: 2015
            title: D
            citations:
              - source: src-c
                quote: Minutes the council never took
            ---
            Body.[^1]
            -- content/sources/src-b.yml --
            title: B
            type: novel
            noUrlReason: none given
            -- content/sources/src-c.yml --
            title: Council minutes
            type: reprot
            noUrlReason: Given on paper.
            organisations: [nobody, org-undescribed]
            -- content/organisations/org-undescribed.yml --
            name: A council
            -- content/snapshots/src-c.txt --
            ---
            title: Council minutes
            publisher: The council
            note: Archived text extraction, for tests.
            ---
            The minutes the council took.
            """ + "\n" + TestSite.SnapshotOfSourceA("[page 2]\nWords the report has.\n"));

        var codes = site.Check().Where(d => d.Severity == Severity.Error).Select(d => $"{Path.GetFileName(d.File)}:{d.Line}:{d.Code}");

        Assert.Equal(
        [
            "a.md:2:CHR201", // invalid date
            "a.md:4:CHR303", // and, in the same entry, an unknown organisation
            "a.md:6:CHR302", // and an unknown source
            "b.md:2:CHR104", // unknown key 'dat'
            "b.md:2:CHR106", // so 'date' is missing
            "b.md:6:CHR304", // bad locator
            "c.md:2:CHR106", // no title
            "c.md:6:CHR321", // and a quotation its source does not have
            "d.md:6:CHR321", // a quotation its source does not have, though the source's own type is wrong
            "org-undescribed.yml:1:CHR106", // no description: one error, not one more at src-c, which names it
            "src-b.yml:2:CHR107", // unknown type
            "src-c.yml:2:CHR107", // unknown type (a typo): the source is still checked
            "src-c.yml:4:CHR303", // and its unknown organisation reported
        ], codes);
    }

    [Fact]
    public void A_review_response_register_risk_matrix_document_or_person_read_in_part_is_still_checked()
    {
        // Each of these files lacks a required field. Each is still read, so that what it names and what it quotes are
        // checked in the same run, and what names it is not reported again as naming something unknown.
        var files = DocumentFixtures.Files;
        void Change(string from, string to)
        {
            Assert.Contains(from, files);
            files = files.Replace(from, to);
        }
        Change("title: The register\n", ""); // the register's title
        Change("title: Scoring matrix\n", ""); // the matrix's title
        Change("ratings: [6, 9] }", "ratings: [6, 9, 7] }"); // and a band no score gives
        Change("title: Funding after March 2020\n", ""); // the risk's title
        Change("\"Funding is not secured after March 2020\"", "\"Funding is not secured after April 2020\"");
        Change("status: Open\nentries: [2020-register-updated]", "status: Open\nentries: [2020-register-updatd]");
        Change("---\ntitle: The note\nsource: note-doc\n", "---\nsource: note-doc\n"); // the document's title
        Change("\"Service users: have demonstrated high levels of need.\"", "\"Service users: have shown high levels of need.\"");
        Change("name: Ann Example\n", ""); // the person's name
        Change("\"Ann Example, CEO, The Network\"", "\"Ann Exemple, CEO, The Network\"");
        files += """

            -- content/review/conclusion-1.yml --
            kind: conclusion
            section: "1"
            text: "Funding is not secured after May 2020"
            source: bundle
            entries: [2020-register-update]
            -- content/responses/response-1.yml --
            respondsTo: conclusion-1
            organisation: net
            kind: commentary
            date: 2021-13
            text: "HIN Ltd received many subscriptions."
            source: bundle
            """;
        using var site = TestSite.Create(files, withDefaults: false);

        var codes = site.Check().Where(d => d.Severity == Severity.Error).Select(d => $"{Path.GetFileName(d.File)}:{d.Line}:{d.Code}");

        Assert.Equal(
        [
            "the-note.md:2:CHR106", // the document: no title
            "the-note.md:14:CHR321", // and a quotation its source does not have
            "matrix.yml:1:CHR106", // the matrix: no title
            "matrix.yml:12:CHR343", // and a band no score gives
            "ann-example.yml:1:CHR106", // the person: no name
            "ann-example.yml:2:CHR321", // and a quotation its source does not have
            "reg.md:2:CHR106", // the register: no title; its risk is not reported as naming an unknown register
            "response-1.yml:4:CHR201", // the response: an invalid date; its review item is not reported as unknown
            "response-1.yml:5:CHR321", // and a quotation its source does not have
            "conclusion-1.yml:1:CHR106", // the review item: no title
            "conclusion-1.yml:3:CHR321", // and a quotation its source does not have
            "conclusion-1.yml:5:CHR313", // and an unknown entry
            "od-funding.yml:1:CHR106", // the risk: no title
            "od-funding.yml:6:CHR321", // and a quotation of its register (read in part) that the register's source does not have
            "od-funding.yml:13:CHR313", // and an unknown entry
        ], codes);
    }

    /// <summary>A file, the one error it has, and what the build calls it when it refuses to make a site of it.</summary>
    public static TheoryData<string, string, string> Unread => new()
    {
        { "-- content/entries/a.md --\n---\ndate: 2012-13\ntitle: A\ncitations:\n  - source: src-a\n---\nBody.[^1]\n", DiagnosticCodes.InvalidDate, "entry 'a'" },
        { "-- content/sources/src-a.yml --\ntitle: A report\ntype: reprot\nnoUrlReason: Given on paper.\n", DiagnosticCodes.InvalidValue, "source 'src-a'" },
        { "-- content/organisations/org-a.yml --\nname: Org A\n", DiagnosticCodes.MissingField, "organisation 'org-a'" },
        { "-- content/review/conclusion-1.yml --\nkind: conclusion\nsection: \"1\"\ntext: Words.\nsource: src-a\n", DiagnosticCodes.MissingField, "review item 'conclusion-1'" },
        { "-- content/responses/response-1.yml --\nrespondsTo: conclusion-1\norganisation: org-a\nkind: commentary\ndate: 2021-13\ntext: Words.\nsource: src-a\n", DiagnosticCodes.InvalidDate, "response 'response-1'" },
        { "-- content/registers/reg.md --\n---\nsource: src-a\nquotedFrom: src-a\n---\nA register.\n", DiagnosticCodes.MissingField, "register 'reg'" },
        { "-- content/risks/risk-1.yml --\nregister: reg\nreference: R1\ndescription: \"Words.\"\n", DiagnosticCodes.MissingField, "risk 'risk-1'" },
        { "-- content/matrices/mx.yml --\nquotedFrom: src-a\nprobability: [{ score: 1, label: Low }]\nimpact: [{ score: 1, label: Low }]\nbands: [{ label: Green, ratings: [1] }]\n", DiagnosticCodes.MissingField, "scoring matrix 'mx'" },
        { "-- content/documents/doc.md --\n---\nsource: src-a\n---\nA document.\n", DiagnosticCodes.MissingField, "document 'doc'" },
        { "-- content/people/someone.yml --\nroles:\n  - { quote: \"Someone, of Org A\", role: of Org A, source: src-a }\n", DiagnosticCodes.MissingField, "person 'someone'" },
    };

    /// <summary>
    /// What stands in for an entry's unreadable date or title, a source's title or type, or an organisation's name or
    /// description, is there for the checks only: the file has its one error, and no site is ever made with it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Unread))]
    public void A_file_read_in_part_is_checked_but_never_made_into_a_page(string file, string code, string what)
    {
        using var site = TestSite.Create(file);
        var diagnostics = new DiagnosticBag();
        var evidence = ContentLoader.Load(site.Content, diagnostics);

        Assert.Equal(code, Assert.Single(diagnostics.Items, d => d.Severity == Severity.Error).Code);
        IEnumerable<IReadInPart>[] kinds =
        [
            evidence.Entries, evidence.Sources, evidence.Organisations, evidence.ReviewItems, evidence.Responses,
            evidence.Registers, evidence.Risks, evidence.Matrices, evidence.Documents, evidence.People,
        ];
        Assert.Single(kinds.SelectMany(k => k), i => i.Unread);
        var refused = Assert.Throws<ArgumentException>(() => new Chronology.Site.SiteModel(evidence));
        Assert.StartsWith(what + " could not be read", refused.Message);
    }

    [Fact]
    public void Problems_come_folder_by_folder_ids_first_then_files_in_name_order_every_time()
    {
        // A folder's files are read on every core; what they report must come out as if read one by one: folder by
        // folder (the loader's order), each folder's ids first, then its files in name order, the same every time.
        var files = new List<string>();
        foreach (var (folder, extension) in new[] { ("entries", "md"), ("sources", "yml"), ("organisations", "yml"), ("snapshots", "txt"), ("documents", "md") })
        {
            files.Add($"-- content/{folder}/Bad_{folder}.{extension} --\nx\n");
            for (var i = 0; i < 12; i++)
                files.Add($"-- content/{folder}/{folder}-{i:00}.{extension} --\n{(extension == "yml" ? "title: [unclosed" : "no front matter")}\n");
        }
        using var site = TestSite.Create(string.Concat(files));
        string[] Order()
        {
            var diagnostics = new DiagnosticBag();
            ContentLoader.Load(site.Content, diagnostics);
            var order = new List<string>();
            foreach (var file in diagnostics.Items.Select(d => string.Join('/', d.File.Split('/')[^2..])))
            {
                var name = file[..file.LastIndexOf('.')];
                if (order.Count == 0 || order[^1] != name) order.Add(name);
            }
            return [.. order];
        }

        var first = Order();

        var expected = new List<string>();
        foreach (var folder in new[] { "entries", "sources", "organisations", "snapshots", "documents" })
        {
            expected.Add($"{folder}/Bad_{folder}");
            for (var i = 0; i < 12; i++) expected.Add($"{folder}/{folder}-{i:00}");
        }
        Assert.Equal(expected, first);
        for (var run = 0; run < 10; run++) Assert.Equal(first, Order());
    }

    [Fact]
    public void An_unknown_key_suggests_the_closest_one()
    {
        using var site = TestSite.Create("-- content/entries/a.md --\n---\ndate: 2012\ntitle: T\ncitation:\n  - source: src-a\n---\nBody.");

        var unknown = Assert.Single(site.Check(), d => d.Code == DiagnosticCodes.UnknownKey);

        Assert.Contains("did you mean 'citations'?", unknown.Message);
    }

    [Fact]
    public void An_unquoted_set_of_dates_explains_how_to_quote_it()
    {
        using var site = TestSite.Create("-- content/entries/a.md --\n---\ndate: {2019-01,2019-11}\nlabel: January 2019 and November 2019\ntitle: T\ncitations:\n  - source: src-a\n---\nBody.");

        var invalid = Assert.Single(site.Check(), d => d.Code == DiagnosticCodes.InvalidValue);

        Assert.Contains("must be quoted", invalid.Message);
    }

    [Fact]
    public void Diagnostics_print_as_path_line_column_severity_code_message()
    {
        var diagnostic = new Diagnostic(Severity.Error, "CHR201", "content/entries/a.md", 2, 7, "invalid date");

        Assert.Equal("content/entries/a.md:2:7: error CHR201: invalid date", diagnostic.ToString());
    }

    [Fact]
    public void Crlf_line_endings_and_a_byte_order_mark_are_accepted()
    {
        using var site = TestSite.Create("");
        site.WriteBytes("content/entries/a.md",
            [0xEF, 0xBB, 0xBF, .. "---\r\ndate: 2012\r\ntitle: T\r\ncitations:\r\n  - source: src-a\r\n---\r\nBody.\r\n"u8.ToArray()]);

        Assert.DoesNotContain(site.Check(), d => d.Severity == Severity.Error);
    }
}
