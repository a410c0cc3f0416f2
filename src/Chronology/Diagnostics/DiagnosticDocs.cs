using System.Text.RegularExpressions;

namespace Chronology.Diagnostics;

/// <summary>
/// What each code means and how to fix it, read from the table in docs/diagnostics.md (embedded in the library),
/// so the explanation a maintainer sees in <c>serve</c> is the documentation itself, never a second wording of it.
/// </summary>
public static partial class DiagnosticDocs
{
    public sealed record Explanation(string Code, string Meaning, string Fix);

    [GeneratedRegex(@"^\|\s*`(?<code>CHR\d{3})`\s*\|(?<meaning>.*?)\|(?<fix>.*)\|\s*$", RegexOptions.Multiline)]
    private static partial Regex Row();

    private static readonly Lazy<IReadOnlyDictionary<string, Explanation>> Table = new(() => Parse(ReadEmbedded()));

    /// <summary>Every documented code, in the order of the table.</summary>
    public static IReadOnlyDictionary<string, Explanation> All => Table.Value;

    public static Explanation? Explain(string code) => Table.Value.GetValueOrDefault(code);

    /// <summary>The rows of a diagnostics table in Markdown; a code given twice keeps its first row.</summary>
    public static IReadOnlyDictionary<string, Explanation> Parse(string markdown)
    {
        var rows = new Dictionary<string, Explanation>(StringComparer.Ordinal);
        foreach (Match match in Row().Matches(markdown))
        {
            var code = match.Groups["code"].Value;
            rows.TryAdd(code, new Explanation(code, Plain(match.Groups["meaning"].Value), Plain(match.Groups["fix"].Value)));
        }
        return rows;
    }

    /// <summary>Table cell Markdown as plain text: code spans and emphasis lose their marks.</summary>
    private static string Plain(string cell) => cell.Trim().Replace("`", "", StringComparison.Ordinal).Replace("**", "", StringComparison.Ordinal);

    private static string ReadEmbedded()
    {
        using var stream = typeof(DiagnosticDocs).Assembly.GetManifestResourceStream("diagnostics.md")
            ?? throw new InvalidOperationException("docs/diagnostics.md is not embedded in the library");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
