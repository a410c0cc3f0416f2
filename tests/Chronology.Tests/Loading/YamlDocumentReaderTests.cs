using Chronology.Diagnostics;
using Chronology.Loading;

namespace Chronology.Tests.Loading;

/// <summary>A mapping's keys are checked for repeats: searched while there are few, looked up once there are many.</summary>
public class YamlDocumentReaderTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(40)]
    public void A_repeated_key_is_reported_at_the_repeat_with_the_first_line_whatever_the_mapping_size(int keys)
    {
        var lines = Enumerable.Range(1, keys).Select(i => $"key{i}: {i}").ToList();
        lines.Add("key2: again"); // the repeat, after every other key
        lines.Add($"key{keys}: again");
        var diagnostics = new DiagnosticBag();

        var mapping = YamlDocumentReader.ReadMapping(string.Join('\n', lines) + "\n", "a.yml", 0, diagnostics);

        Assert.NotNull(mapping);
        var repeats = diagnostics.Items.Where(d => d.Code == DiagnosticCodes.DuplicateKey).ToList();
        Assert.Equal(2, repeats.Count);
        Assert.Equal((keys + 1, "duplicate key 'key2' (first at line 2)"), (repeats[0].Line, repeats[0].Message));
        Assert.Equal((keys + 2, $"duplicate key 'key{keys}' (first at line {keys})"), (repeats[1].Line, repeats[1].Message));
    }
}
