using System.Text.RegularExpressions;
using Chronology.Model;
using Chronology.Validation;

namespace Chronology.Tests.Model;

/// <summary>
/// The date table in docs/content-model.md is a specification (as Markdig's tests are generated from CommonMark's):
/// every row with a full EDTF value parses, and its source wording is a label the build accepts for it. A row added
/// to the table is a test; a row the code stops accepting fails here, not in a maintainer's pull request.
/// </summary>
public partial class DocumentedDateTableTests
{
    [GeneratedRegex(@"^\|\s*(?<wording>[^|`]+?)\s*\|\s*`(?<date>[^`]+)`\s*\|(?<notes>[^|]*)\|\s*$", RegexOptions.Multiline)]
    private static partial Regex Row();

    public static TheoryData<string, string, string> Rows()
    {
        var model = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "content-model.md"));
        var table = model[model.IndexOf("### Dates (EDTF", StringComparison.Ordinal)..model.IndexOf("### Locators", StringComparison.Ordinal)];
        var rows = new TheoryData<string, string, string>();
        foreach (Match match in Row().Matches(table))
        {
            var date = match.Groups["date"].Value;
            if (date == "date" || date.Contains("suffix", StringComparison.Ordinal)) continue; // the header, and "`~` suffix": a rule, not a value
            rows.Add(match.Groups["wording"].Value, date, match.Groups["notes"].Value.Trim());
        }
        return rows;
    }

    [Fact]
    public void The_table_is_found_and_has_its_rows() => Assert.True(Rows().Count >= 10, $"only {Rows().Count} rows read from the date table");

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_documented_date_parses_and_its_wording_is_an_accepted_label(string wording, string date, string notes)
    {
        Assert.True(EdtfDate.TryParse(date, out var parsed, out var error), $"{date} ({notes}): {error}");
        Assert.True(LabelPrecision.Allows(wording, parsed!), $"'{wording}' is refused as the label of {date} ({notes})");
        Assert.False(string.IsNullOrWhiteSpace(parsed!.Describe()));
    }
}
