using System.Text.Json;
using Chronology.Model;
using Chronology.Site;

namespace Chronology.Tests.Site;

/// <summary>A source's reference never makes its date or its publisher more certain than the register does.</summary>
public sealed class CitationFormatsTests
{
    private static readonly SiteConfig Site = new("Test chronology", "For tests.", "https://chronology.example", "en-GB");

    private static Source SourceDated(string? date, string? publisher = "The Network") => new()
    {
        Id = "src",
        Title = "A title",
        Publisher = publisher,
        Type = "other",
        Date = date is null ? null : EdtfDate.Parse(date),
        NoUrlReason = "The documents give no URL.",
        Location = new ContentLocation("src.yml", 1, 1),
    };

    [Theory]
    [InlineData("2019~", "About 2019 (EDTF 2019~)")]
    [InlineData("2019?", "Possibly 2019 (EDTF 2019?)")]
    [InlineData("2018-04/2018-06", "April–June 2018 (EDTF 2018-04/2018-06)")]
    [InlineData("2017-41", "Late 2017 (EDTF 2017-41)")]
    [InlineData("[2019-01,2019-11]", "January 2019 or November 2019 (EDTF [2019-01,2019-11])")]
    public void A_date_that_is_not_plain_is_only_in_the_note(string date, string described)
    {
        var source = SourceDated(date);

        var ris = CitationFormats.Ris(Site, source);
        Assert.DoesNotContain("PY  -", ris);
        Assert.DoesNotContain("DA  -", ris);
        Assert.DoesNotContain("date = ", CitationFormats.BibTex(Site, source));
        using var csl = JsonDocument.Parse(CitationFormats.CslJson(Site, source));
        Assert.False(csl.RootElement[0].TryGetProperty("issued", out _));
        Assert.Contains($"(EDTF {date})", csl.RootElement[0].GetProperty("note").GetString());
        Assert.Contains("Date: " + described + ".", ris);
    }

    [Theory]
    [InlineData("2021", "2021///", "{2021}")]
    [InlineData("2021-07", "2021/07//", "{2021-07}")]
    [InlineData("2021-07-14", "2021/07/14/", "{2021-07-14}")]
    public void A_plain_date_is_structured_at_its_own_precision(string date, string ris, string bib)
    {
        var source = SourceDated(date);

        Assert.Contains($"DA  - {ris}\r\n", CitationFormats.Ris(Site, source));
        Assert.Contains($"  date = {bib},\n", CitationFormats.BibTex(Site, source));
        using var csl = JsonDocument.Parse(CitationFormats.CslJson(Site, source));
        Assert.Equal(date.Split('-').Select(int.Parse), csl.RootElement[0].GetProperty("issued").GetProperty("date-parts")[0].EnumerateArray().Select(p => p.GetInt32()));
    }

    [Fact]
    public void A_publisher_the_documents_do_not_name_is_not_made_an_author_or_publisher()
    {
        var source = SourceDated(null, publisher: null);

        var ris = CitationFormats.Ris(Site, source);
        Assert.DoesNotContain("PB  -", ris);
        Assert.DoesNotContain("AU  -", ris);
        Assert.Contains("Date: not given in the documents. Publisher or author: not named in the documents. No link: The documents give no URL.", ris);
        Assert.DoesNotContain("organization", CitationFormats.BibTex(Site, source));
        using var csl = JsonDocument.Parse(CitationFormats.CslJson(Site, source));
        Assert.False(csl.RootElement[0].TryGetProperty("publisher", out _));
        Assert.False(csl.RootElement[0].TryGetProperty("author", out _));
    }

    [Fact]
    public void Bibtex_special_characters_in_a_title_are_escaped()
    {
        var source = SourceDated("2020") with { Title = "Costs & 50% of {budget} #1_a" };

        Assert.Contains(@"title = {Costs \& 50\% of \{budget\} \#1\_a},", CitationFormats.BibTex(Site, source));
    }
}
