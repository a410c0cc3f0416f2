using Chronology.Diagnostics;
using Chronology.Loading;
using Chronology.Model;

namespace Chronology.Tests.Loading;

/// <summary>Registers, risks, matrices, document pages and people load into typed records, and validate clean.</summary>
public class DocumentLoadingTests
{
    [Fact]
    public void A_register_its_matrix_and_a_risk_load_as_typed_records()
    {
        using var site = TestSite.Create(DocumentFixtures.Files, withDefaults: false);
        var diagnostics = new DiagnosticBag();

        var evidence = ContentLoader.Load(site.Content, diagnostics);

        Assert.DoesNotContain(diagnostics.Items, d => d.Severity == Severity.Error);
        var register = Assert.Single(evidence.Registers);
        Assert.Equal(("reg", "The register", "register-doc", "bundle", "document 1"), (register.Id, register.Title, register.Source.Id, register.QuotedFrom.Id, register.Locator!.Display));
        Assert.Equal(("Updated: 04/02/2020", "The National team", "OD"), (register.UpdatedLabel, register.Owner!.Text, register.Categories[0].Prefix));
        Assert.Equal("The register of the programme's risks.", register.Summary);

        var risk = Assert.Single(evidence.Risks);
        Assert.Equal(("OD", 3, 3, 9, "Open", 1), (risk.Reference, risk.Probability, risk.Impact, risk.Rating, risk.Status, risk.Row));
        Assert.Equal("Funding is not secured after March 2020", risk.Description.Text);
        Assert.Equal(["1. Seek other funding"], risk.Mitigations.Select(m => m.Text));
        var annotation = Assert.Single(risk.Annotations);
        Assert.Equal(("July 2021", "HIN Ltd", "note-doc"), (annotation.Label, annotation.Owners[0].Text, annotation.Documents[0].Id));

        var matrix = Assert.Single(evidence.Matrices);
        Assert.Equal(3, matrix.Probability.Count);
        Assert.Equal("Green", matrix.BandOf(4)!.Label);
        Assert.False(matrix.BandOf(9)!.Printed);
    }

    [Fact]
    public void A_document_page_and_a_person_load_with_sections_figures_and_roles()
    {
        using var site = TestSite.Create(DocumentFixtures.Files, withDefaults: false);
        var diagnostics = new DiagnosticBag();

        var evidence = ContentLoader.Load(site.Content, diagnostics);

        var document = Assert.Single(evidence.Documents);
        var item = Assert.Single(Assert.Single(document.Sections).Items);
        Assert.Equal(("1", "Service users", (ItemGroup?)ItemGroup.Essential, "register-doc"), (item.Number, item.Title, item.Group, item.Source!.Id));
        Assert.Equal([("50", 50m, "officers"), ("£6,000", 6000m, "gbp")], document.Figures.Select(f => (f.Value, f.Number!.Value, f.Unit!)));
        var person = Assert.Single(evidence.People);
        Assert.Equal(("Ann Example", "CEO, The Network", "net"), (person.Name, person.Roles[0].Role, person.Roles[0].Organisation!.Id));
    }

    [Fact]
    public void Every_quote_in_the_new_types_is_checked_against_the_archived_text()
    {
        using var site = TestSite.Create(DocumentFixtures.Files, withDefaults: false);

        var diagnostics = site.Check();

        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        var evidence = ContentLoader.Load(site.Content, new DiagnosticBag());
        var owners = evidence.AllCitations().Select(c => c.Id.Owner).ToList();
        // register owner + 1 category; risk: description, cause, 1 mitigation, 1 owner, 1 outcome; document: 1 item + 2 figures; person: 1 role
        Assert.Equal(2, owners.Count(o => o == new QuotationOwner(QuotationOwnerKind.Register, "reg")));
        Assert.Equal(5, owners.Count(o => o == new QuotationOwner(QuotationOwnerKind.Risk, "od-funding")));
        Assert.Equal(3, owners.Count(o => o == new QuotationOwner(QuotationOwnerKind.Document, "the-note")));
        Assert.Equal(1, owners.Count(o => o == new QuotationOwner(QuotationOwnerKind.Person, "ann-example")));
    }

    [Theory]
    [InlineData("description: \"Funding is not secured after March 2020\"", "description: \"Funding is secure after March 2020\"", "content/risks/od-funding.yml")]
    [InlineData("outcomes: [\"HIN Ltd received several subscriptions.\"]", "outcomes: [\"HIN Ltd received many subscriptions.\"]", "content/risks/od-funding.yml")]
    [InlineData("quote: \"a charge of £6,000 per established team\"", "quote: \"a charge of £6,500 per established team\"", "content/documents/the-note.md")]
    [InlineData("\"Ann Example, CEO, The Network\"", "\"Ann Example, Chief Executive, The Network\"", "content/people/ann-example.yml")]
    public void A_misquotation_in_any_new_type_is_an_error_naming_its_file(string from, string to, string file)
    {
        using var site = TestSite.Create(DocumentFixtures.Files.Replace(from, to), withDefaults: false);

        var diagnostics = site.Check();

        var error = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.QuoteNotFound);
        Assert.Equal(site.Display(file["content/".Length..]), error.File);
    }
}
