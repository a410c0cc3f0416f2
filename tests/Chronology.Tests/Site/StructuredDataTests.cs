using System.Text.Json;

namespace Chronology.Tests.Site;

/// <summary>The JSON-LD block is written inside a &lt;script&gt; element: no text of the content can close it.</summary>
public sealed class StructuredDataTests
{
    [Fact]
    public async Task A_title_that_would_close_the_script_element_is_escaped()
    {
        using var site = TestSite.Create("""
            -- content/entries/2014-escape.md --
            ---
            date: 2014-07
            title: "Ends </script><script>alert(1)</script> & more"
            citations:
              - source: src-a
            ---
            Text.
            """);
        await site.BuildOkAsync();

        var html = site.ReadOutput("entries/2014-escape/index.html");
        var block = html[html.IndexOf("<script type=\"application/ld", StringComparison.Ordinal)..];
        var json = block[(block.IndexOf('>') + 1)..block.IndexOf("</script>", StringComparison.Ordinal)];

        Assert.DoesNotContain('<', json);
        Assert.DoesNotContain('&', json);
        using var ld = JsonDocument.Parse(json);
        Assert.Equal("Ends </script><script>alert(1)</script> & more", ld.RootElement.GetProperty("name").GetString());
    }
}
