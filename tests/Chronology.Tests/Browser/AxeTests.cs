namespace Chronology.Tests.Browser;

/// <summary>
/// The axe runner the accessibility tests use (<see cref="Axe"/>) finds what it should: pages that pass there pass
/// because axe ran and found nothing, not because nothing ran.
/// </summary>
public sealed class AxeTests(BrowserSite site)
{
    [Fact]
    public async Task The_audit_reports_each_failing_rule_with_the_markup_that_fails_it()
    {
        var violations = await AuditAsync("""
            <!doctype html><html><head><title>Broken</title></head>
            <body><main><h1>Broken</h1><img src="/favicon.ico"><a href="/"></a></main></body></html>
            """, Axe.AuditAsync);

        Assert.Contains(violations, v => v.Id == "html-has-lang");
        var image = Assert.Single(violations, v => v.Id == "image-alt");
        Assert.Equal(["<img src=\"/favicon.ico\">"], image.Nodes);
        Assert.Contains(violations, v => v.Id == "link-name");
    }

    [Fact]
    public async Task A_rules_run_reports_only_those_rules()
    {
        var violations = await AuditAsync("""
            <!doctype html><html><head><title>Faint</title></head>
            <body style="background:#fff"><main><p style="color:#ccc">Faint text</p><img src="/favicon.ico"></main></body></html>
            """, page => Axe.RulesAsync(page, "color-contrast"));

        Assert.Equal(["color-contrast"], violations.Select(v => v.Id));
    }

    /// <summary>Audits <paramref name="html"/> as a page of the served site (so axe-core loads from the test server).</summary>
    private async Task<Axe.Violation[]> AuditAsync(string html, Func<Microsoft.Playwright.IPage, Task<Axe.Violation[]>> audit)
    {
        ServedSite.RequireBrowser();
        var page = await site.OpenAsync("/404.html");
        try
        {
            await page.SetContentAsync(html);
            return await audit(page);
        }
        finally
        {
            site.Return(page);
        }
    }
}
