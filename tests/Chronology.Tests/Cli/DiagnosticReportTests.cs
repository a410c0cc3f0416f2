using System.Text.Json;
using Chronology.Cli;
using Chronology.Diagnostics;

namespace Chronology.Tests.Cli;

public class DiagnosticReportTests
{
    private static readonly Diagnostic[] Diagnostics =
    [
        new(Severity.Error, "CHR201", "content/entries/a.md", 2, 7, "invalid date: '2012-13': 13 is neither a month, nor 100%"),
        new(Severity.Warning, "CHR311", "content/sources/b.yml", 1, 1, "no entry cites source 'b'"),
    ];

    [Fact]
    public void Text_is_one_located_line_per_problem_and_a_summary() =>
        Assert.Equal(
            "content/entries/a.md:2:7: error CHR201: invalid date: '2012-13': 13 is neither a month, nor 100%\n" +
            "content/sources/b.yml:1:1: warning CHR311: no entry cites source 'b'\n1 error(s), 1 warning(s)\n",
            DiagnosticReport.Format(Diagnostics, "text"));

    [Fact]
    public void Text_without_verbose_gives_errors_in_full_and_one_line_per_warning_code()
    {
        Diagnostic[] many = [.. Diagnostics, new(Severity.Warning, "CHR311", "content/sources/c.yml", 1, 1, "no entry cites source 'c'"),
            new(Severity.Warning, "CHR334", "content/link-status.json", 1, 1, "2 source URLs have never been checked")];

        Assert.Equal(
            "content/entries/a.md:2:7: error CHR201: invalid date: '2012-13': 13 is neither a month, nor 100%\n" +
            "warning CHR311: 2 (--verbose shows where)\n" +
            "warning CHR334: 1 (--verbose shows it: content/link-status.json:1:1)\n" +
            "1 error(s), 3 warning(s)\n",
            DiagnosticReport.Format(many, "text", verbose: false));
    }

    [Fact]
    public void Github_format_is_workflow_annotations_with_escaping() =>
        Assert.Equal(
            "::error file=content/entries/a.md,line=2,col=7,title=CHR201::invalid date: '2012-13': 13 is neither a month, nor 100%25\n" +
            "::warning file=content/sources/b.yml,line=1,col=1,title=CHR311::no entry cites source 'b'\n",
            DiagnosticReport.Format(Diagnostics, "github"));

    [Fact]
    public void Json_format_has_every_field()
    {
        using var json = JsonDocument.Parse(DiagnosticReport.Format(Diagnostics, "json"));
        var first = json.RootElement[0];

        Assert.Equal(2, json.RootElement.GetArrayLength());
        Assert.Equal(("error", "CHR201", "content/entries/a.md", 2, 7),
            (first.GetProperty("severity").GetString(), first.GetProperty("code").GetString(), first.GetProperty("file").GetString(),
             first.GetProperty("line").GetInt32(), first.GetProperty("column").GetInt32()));
    }
}
