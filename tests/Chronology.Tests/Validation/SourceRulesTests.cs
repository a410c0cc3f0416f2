using Chronology.Validation;

namespace Chronology.Tests.Validation;

public class SourceRulesTests
{
    [Theory]
    [InlineData("https://web.archive.org/web/20210810132835/https://example.org/report.pdf", null)]
    [InlineData("https://perma.cc/AB12-CD34", null)]
    [InlineData("https://web.archive.org/web/2021*/https://example.org/", "wildcard")]
    [InlineData("https://web.archive.org/save/https://example.org/", "/save/")]
    [InlineData("https://web.archive.org/web/2021081013/https://example.org/", "14-digit")]
    [InlineData("https://web.archive.org/web/20211310132835/https://example.org/", "14-digit")] // month 13
    [InlineData("http://web.archive.org/web/20210810132835/https://example.org/", "https://web.archive.org")]
    [InlineData("https://archive.ph/abcde", "neither")]
    [InlineData("https://web.archive.org/web/20210810132835/example.org", "absolute")]
    public void Accepts_only_well_formed_archive_urls(string url, string? problem)
    {
        var found = SourceRules.ArchiveProblem(url);

        if (problem is null) Assert.Null(found);
        else Assert.Contains(problem, found);
    }
}
