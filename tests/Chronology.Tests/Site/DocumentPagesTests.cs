using System.Text.Json;
using AngleSharp.Dom;

namespace Chronology.Tests.Site;

/// <summary>The register, risk, document, documents-index and people pages of a small site, and their links back.</summary>
public sealed class DocumentPagesTests(DocumentPagesTests.Built built) : IClassFixture<DocumentPagesTests.Built>
{
    private readonly TestSite _site = built.Site;

    /// <summary>The site every test here reads, built once for the class; no test writes to it.</summary>
    public sealed class Built : IAsyncLifetime, IDisposable
    {
        internal TestSite Site { get; } = TestSite.Create(DocumentFixtures.Files, withDefaults: false);

        public async ValueTask InitializeAsync() => await Site.BuildOkAsync();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        public void Dispose() => Site.Dispose();
    }

    [Fact]
    public void The_register_page_is_a_table_of_its_risks_that_script_can_sort()
    {
        var page = _site.Page("/registers/reg/");

        Assert.Equal("The register", page.QuerySelector("h1")!.TextContent);
        var table = page.QuerySelector("table.risks")!;
        Assert.True(table.HasAttribute("data-sortable"));
        Assert.Equal(["Reference", "Risk", "Identified", "Probability", "Impact", "Rating", "Status"],
            table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        Assert.All(table.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        var row = Assert.Single(table.QuerySelectorAll("tbody tr"));
        Assert.Equal("OD", row.QuerySelector("th[scope=row]")!.TextContent);
        Assert.Equal("../../risks/od-funding/", row.QuerySelector("a")!.GetAttribute("href"));
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["4 February 2020", "3", "3"], cells.Skip(1).Take(3));
        Assert.Contains("band not named", cells[4]);
        Assert.Equal("2020-02-04", row.QuerySelectorAll("td")[1].GetAttribute("data-value"));
        Assert.Contains(page.QuerySelectorAll("script"), s => s.GetAttribute("src") == "../../assets/table-sort.js");
        Assert.Contains("Operational (Delivery) to include training etc.", page.QuerySelector("dl.categories")!.TextContent);
        Assert.Contains("All 2 quotations here checked", page.QuerySelector(".quote-status")!.TextContent);
    }

    [Fact]
    public void The_scoring_matrix_is_a_heat_map_that_is_a_real_table_saying_each_band_in_words()
    {
        var matrix = _site.Page("/registers/reg/").QuerySelector("table.risk-matrix")!;

        Assert.NotNull(matrix.QuerySelector("caption"));
        Assert.Equal(["Probability 1Rare", "Probability 2Unlikely", "Probability 3Possible"],
            matrix.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent.Trim()));
        var rows = matrix.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(["Impact 3Moderate", "Impact 2Minor", "Impact 1Low"], rows.Select(r => r.QuerySelector("th[scope=row]")!.TextContent.Trim()));
        var topRight = rows[0].QuerySelectorAll("td")[2];
        Assert.Equal("9", topRight.QuerySelector(".rating")!.TextContent);
        Assert.Equal("band not named", topRight.QuerySelector(".band-name")!.TextContent);
        // Coloured by its rating (the highest of a 3 × 3 matrix: the deepest of five steps), named band or not.
        Assert.Contains("score-5", topRight.ClassList);
        Assert.Equal("OD: Funding after March 2020", topRight.QuerySelector(".matrix-risks a")!.TextContent);
        var bottomLeft = rows[2].QuerySelectorAll("td")[0];
        Assert.Equal(("1", "Green"), (bottomLeft.QuerySelector(".rating")!.TextContent, bottomLeft.QuerySelector(".band-name")!.TextContent));
        Assert.Empty(bottomLeft.QuerySelectorAll("a"));
        Assert.Contains("score-1", bottomLeft.ClassList);
        Assert.NotEmpty(_site.Page("/registers/reg/").QuerySelectorAll(".score-legend li"));
    }

    [Fact]
    public void A_risk_page_has_its_words_scores_notes_and_annotation_history()
    {
        var page = _site.Page("/risks/od-funding/");

        Assert.Equal("Risk OD: Funding after March 2020", page.QuerySelector("h1")!.TextContent);
        var facts = Facts(page);
        Assert.Equal(("3 (Possible)", "3 (Moderate)", "9, a band the document does not name", "Open", "4 February 2020 (printed as “04/02/2020”)"),
            (facts["Probability"], facts["Impact"], facts["Rating (probability × impact)"], facts["Status"], facts["Date identified"]));
        Assert.Equal(["Funding is not secured after March 2020", "The contract runs out.", "1. Seek other funding"],
            page.QuerySelectorAll("#description ~ blockquote, section blockquote").Select(b => b.TextContent).Distinct().Take(3));
        var annotation = page.QuerySelector("article.annotation")!;
        Assert.Equal("July 2021", annotation.QuerySelector("h3")!.TextContent.Trim());
        Assert.Contains("HIN Ltd received several subscriptions.", annotation.TextContent);
        Assert.Contains(annotation.QuerySelectorAll("a"), a => a.GetAttribute("href") == "../../documents/the-note/");
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "../../entries/2020-register-updated/");
        Assert.Contains("The date is as printed.", page.QuerySelector("section.notes")!.TextContent);
        Assert.Contains("All 5 quotations here checked", page.QuerySelector(".quote-status")!.TextContent);
    }

    [Fact]
    public void A_document_page_has_its_summary_figures_as_printed_and_quoted_items()
    {
        var page = _site.Page("/documents/the-note/");

        Assert.Equal("The note", page.QuerySelector("h1")!.TextContent);
        var figures = page.QuerySelectorAll("table.figures tbody tr").ToList();
        Assert.Equal([("Police officers", "50"), ("Subscription", "£6,000")],
            figures.Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector("td.figure-value")!.TextContent)));
        Assert.Contains("Editorial note: Per team.", figures[1].TextContent);
        var item = page.QuerySelector("ol.document-items li")!;
        Assert.Contains("Item 1", item.QuerySelector(".item-number")!.TextContent);
        Assert.Equal("Service users", item.QuerySelector(".item-title")!.TextContent);
        Assert.Equal("(essential)", item.QuerySelector(".item-group")!.TextContent);
        Assert.Equal("../../sources/register-doc/", item.QuerySelector(".item-source a")!.GetAttribute("href"));
        Assert.Contains("A note about the programme's plans.", page.QuerySelector("#summary")!.ParentElement!.TextContent);
        Assert.Contains(page.QuerySelectorAll("#related-risks ~ ul a"), a => a.GetAttribute("href") == "../../risks/od-funding/");
    }

    [Fact]
    public void The_documents_index_and_people_page_list_everything()
    {
        var index = _site.Page("/documents/");
        Assert.Equal(["The register", "The note"], index.QuerySelectorAll("ul.document-index a").Select(a => a.TextContent));
        Assert.Contains("1 risk", index.QuerySelector("ul.document-index li")!.TextContent);

        var people = _site.Page("/people/");
        var person = people.QuerySelector("section.person#ann-example")!;
        Assert.Equal("Ann Example", person.QuerySelector("h2")!.TextContent);
        Assert.Equal("CEO, The Network", person.QuerySelector(".role")!.TextContent);
        Assert.Equal("../organisations/net/", person.QuerySelector(".roles a")!.GetAttribute("href"));
        Assert.Equal("Ann Example, CEO, The Network", person.QuerySelector("blockquote")!.TextContent);
        Assert.Contains("The quotation here checked against this site's copy of The bundle", person.QuerySelector(".quote-status")!.TextContent);
    }

    [Fact]
    public void Entries_sources_and_organisations_link_back_to_risks_documents_and_people()
    {
        var entry = _site.Page("/entries/2020-register-updated/");
        var related = entry.QuerySelectorAll("#related-documents ~ ul a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("../../risks/od-funding/", related);
        Assert.Contains("../../documents/the-note/", related);
        Assert.Contains(entry.QuerySelectorAll("a"), a => a.GetAttribute("href") == "../../people/#ann-example");

        var note = _site.Page("/sources/note-doc/");
        Assert.Contains(note.QuerySelectorAll("a"), a => a.GetAttribute("href") == "../../documents/the-note/");
        Assert.Contains(note.QuerySelectorAll("a"), a => a.GetAttribute("href") == "../../risks/od-funding/");
        var described = _site.Page("/sources/register-doc/");
        Assert.Contains("Service users: have demonstrated high levels of need.", described.QuerySelector("#described-in")!.ParentElement!.TextContent);
        Assert.Contains(described.QuerySelectorAll("a"), a => a.GetAttribute("href") == "../../registers/reg/");

        var organisation = _site.Page("/organisations/net/");
        Assert.Contains(organisation.QuerySelectorAll("a"), a => a.GetAttribute("href") == "../../people/#ann-example");
    }

    [Fact]
    public void Search_covers_risks_documents_and_people_with_organisation_and_tag_facets()
    {
        using var json = JsonDocument.Parse(_site.ReadOutput("search/index.json"));
        var documents = json.RootElement.GetProperty("documents").EnumerateArray().ToList();

        var risk = Assert.Single(documents, d => d.GetProperty("type").GetString() == "risk");
        Assert.Equal("/risks/od-funding/", risk.GetProperty("url").GetString());
        Assert.Contains("HIN Ltd received several subscriptions.", risk.GetProperty("quotes").GetString());
        Assert.Single(documents, d => d.GetProperty("type").GetString() == "document");
        var person = Assert.Single(documents, d => d.GetProperty("type").GetString() == "person");
        Assert.Equal(["net"], person.GetProperty("orgs").EnumerateArray().Select(o => o.GetString()));

        var search = _site.Page("/search/");
        Assert.Equal(["entry", "register", "risk", "document", "source", "copy", "organisation", "person", "page", "year"],
            search.QuerySelectorAll("input[name=type]").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public void The_open_data_holds_registers_risks_matrices_documents_and_people()
    {
        using var json = JsonDocument.Parse(_site.ReadOutput("data/chronology.json"));
        var root = json.RootElement;

        var register = Assert.Single(root.GetProperty("registers").EnumerateArray());
        Assert.Equal(("reg", "bundle", "document 1", "2020-02-04", "matrix"),
            (register.GetProperty("id").GetString(), register.GetProperty("quotedFrom").GetString(), register.GetProperty("locator").GetString(),
             register.GetProperty("updated").GetString(), register.GetProperty("matrix").GetString()));
        Assert.Equal("Operational (Delivery) to include training etc.", register.GetProperty("categories")[0].GetProperty("text").GetString());

        var risk = Assert.Single(root.GetProperty("risks").EnumerateArray());
        Assert.Equal((3, 3, 9, 1), (risk.GetProperty("probability").GetInt32(), risk.GetProperty("impact").GetInt32(), risk.GetProperty("rating").GetInt32(), risk.GetProperty("row").GetInt32()));
        Assert.Equal(("Not named", false), (risk.GetProperty("band").GetProperty("label").GetString(), risk.GetProperty("band").GetProperty("printed").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, risk.GetProperty("affected").ValueKind);
        Assert.Equal(["HIN Ltd received several subscriptions."], risk.GetProperty("annotations")[0].GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()));

        var matrix = Assert.Single(root.GetProperty("matrices").EnumerateArray());
        Assert.Equal([1, 2, 3, 4], matrix.GetProperty("bands")[0].GetProperty("ratings").EnumerateArray().Select(r => r.GetInt32()));

        var document = Assert.Single(root.GetProperty("documents").EnumerateArray());
        Assert.Equal("Service users: have demonstrated high levels of need.", document.GetProperty("sections")[0].GetProperty("items")[0].GetProperty("text").GetString());
        Assert.Equal(("£6,000", 6000m), (document.GetProperty("figures")[1].GetProperty("value").GetString(), document.GetProperty("figures")[1].GetProperty("number").GetDecimal()));

        var person = Assert.Single(root.GetProperty("people").EnumerateArray());
        Assert.Equal(("CEO, The Network", "Ann Example, CEO, The Network", "/people/#ann-example"),
            (person.GetProperty("roles")[0].GetProperty("role").GetString(), person.GetProperty("roles")[0].GetProperty("quote").GetString(), person.GetProperty("url").GetString()));
    }

    [Fact]
    public void Risks_and_figures_are_also_csv_files()
    {
        var risks = _site.ReadOutput("data/risks.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,register,reference,row,title,", risks[0]);
        // The band the document does not name is left empty, not guessed.
        Assert.Equal("od-funding,reg,OD,1,Funding after March 2020,2020-02-04,04/02/2020,Funding is not secured after March 2020,The contract runs out.,,3,3,9,,1. Seek other funding,,Open,2020-register-updated,note-doc,/risks/od-funding/", risks[1]);

        var figures = _site.ReadOutput("data/figures.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["document,name,value,number,unit,quote,note,source,url",
            "the-note,Police officers,50,50,officers,50 police officers working within the model,,note-doc,/documents/the-note/",
            "the-note,Subscription,\"£6,000\",6000,gbp,\"a charge of £6,000 per established team\",Per team.,note-doc,/documents/the-note/"], figures);
    }

    private static Dictionary<string, string> Facts(IDocument page) =>
        page.QuerySelectorAll("dl.facts dt").ToDictionary(dt => dt.TextContent.Trim(), dt => dt.NextElementSibling!.TextContent.Trim());
}
