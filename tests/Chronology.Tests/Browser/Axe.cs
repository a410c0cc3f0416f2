using Microsoft.Playwright;

namespace Chronology.Tests.Browser;

/// <summary>
/// axe-core, run in the page itself: the script is loaded into the page (from the test server) and <c>axe.run</c> audits its document,
/// returning only the violations (<c>resultTypes</c>), so the passing nodes are neither located nor sent back.
/// <para>
/// Deque.AxeCore.Playwright's <c>RunAxe</c> runs axe in every frame, sends every frame's partial results (passes
/// included) back to .NET, then opens a new page to put them together: 3.3–9 s a page here, against 1.3–2.5 s this
/// way (measured on the home, print, entry and evidence pages). Our pages have no frames (the CSP forbids them), so
/// the one-frame run audits the same document with the same rules. The script is the one that package ships
/// (axe-core, in Deque.AxeCore.Commons), so the rules and their version are the same as before.
/// </para>
/// </summary>
internal static class Axe
{
    /// <summary>One rule that failed, with the markup of (at most) its first three failing nodes.</summary>
    public sealed record Violation
    {
        public string Id { get; init; } = "";
        public string Help { get; init; } = "";
        public string[] Nodes { get; init; } = [];

        public override string ToString() => $"{Id}: {Help} — {string.Join(" | ", Nodes)}";
    }

    /// <summary>Where the test server serves the script (<see cref="ServedSite"/>).</summary>
    public const string ScriptUrl = "/_tests/axe.min.js";

    public static string Source => Script.Value;

    private static readonly Lazy<string> Script = new(() =>
    {
        const string resource = "Deque.AxeCore.Commons.Resources.axe.min.js";
        using var stream = typeof(Deque.AxeCore.Commons.AxeRunOptions).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"axe-core is no longer shipped as {resource} in Deque.AxeCore.Commons");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The WCAG 2.2 A and AA rules, best practice and target size.</summary>
    public static Task<Violation[]> AuditAsync(IPage page) => RunAsync(page, new Dictionary<string, object>
    {
        ["runOnly"] = new Dictionary<string, object> { ["type"] = "tag", ["values"] = new[] { "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice" } },
        ["rules"] = new Dictionary<string, object> { ["target-size"] = new Dictionary<string, object> { ["enabled"] = true } },
    });

    /// <summary>Only the named rules (e.g. colour contrast in dark mode).</summary>
    public static Task<Violation[]> RulesAsync(IPage page, params string[] rules) => RunAsync(page, new Dictionary<string, object>
    {
        ["runOnly"] = new Dictionary<string, object> { ["type"] = "rule", ["values"] = rules },
    });

    private static async Task<Violation[]> RunAsync(IPage page, Dictionary<string, object> options)
    {
        options["resultTypes"] = new[] { "violations" };
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'")) await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = ScriptUrl });
        return await page.EvaluateAsync<Violation[]>("""
            async options => (await axe.run(document, options)).violations.map(v => ({
              id: v.id,
              help: v.help,
              nodes: v.nodes.slice(0, 3).map(n => n.html),
            }))
            """, options);
    }
}
