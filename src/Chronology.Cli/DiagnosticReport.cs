using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chronology.Diagnostics;

namespace Chronology.Cli;

/// <summary>Prints diagnostics for people (<c>text</c>), tools (<c>json</c>) or pull requests (<c>github</c>).</summary>
public static partial class DiagnosticReport
{
    public static readonly string[] Formats = ["text", "json", "github"];

    /// <summary>
    /// Every diagnostic for tools (json, github). For people (text), every error in full and, unless
    /// <paramref name="verbose"/>, warnings as one line per code, so that a new warning is not lost among old ones.
    /// </summary>
    public static string Format(IReadOnlyList<Diagnostic> diagnostics, string format, bool verbose = true) => format switch
    {
        "json" => Json(diagnostics),
        "github" => string.Concat(diagnostics.Select(d => GitHub(d) + "\n")),
        _ => string.Concat(diagnostics.Where(d => verbose || d.Severity == Severity.Error).Select(d => d + "\n"))
            + (verbose ? "" : WarningCounts(diagnostics)) + Summary(diagnostics),
    };

    private static string WarningCounts(IReadOnlyList<Diagnostic> diagnostics) =>
        string.Concat(diagnostics.Where(d => d.Severity == Severity.Warning)
            .GroupBy(d => d.Code).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Count() == 1
                ? $"warning {g.Key}: 1 (--verbose shows it: {g.First().File}:{g.First().Line}:{g.First().Column})\n"
                : $"warning {g.Key}: {g.Count()} (--verbose shows where)\n"));

    private static string Summary(IReadOnlyList<Diagnostic> diagnostics)
    {
        if (diagnostics.Count == 0) return "";
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        return $"{errors} error(s), {diagnostics.Count - errors} warning(s)\n";
    }

    /// <summary>A GitHub Actions workflow command, so the problem shows on its line of the pull request.</summary>
    public static string GitHub(Diagnostic d)
    {
        var command = d.Severity == Severity.Error ? "error" : "warning";
        return $"::{command} file={Property(d.File)},line={d.Line},col={d.Column},title={Property(d.Code)}::{Data(d.Message)}";
    }

    private static string Data(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string value) =>
        Data(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private static string Json(IReadOnlyList<Diagnostic> diagnostics) => JsonSerializer.Serialize<IReadOnlyList<DiagnosticJson>>(
        [.. diagnostics.Select(d => new DiagnosticJson(d.Severity == Severity.Error ? "error" : "warning", d.Code, d.File, d.Line, d.Column, d.Message))],
        Serializer.Diagnostics) + "\n";

    /// <summary>A diagnostic as tools read it; the field names are documented and stable.</summary>
    private sealed record DiagnosticJson(string Severity, string Code, string File, int Line, int Column, string Message);

    // Readable UTF-8: messages quote the content.
    private static readonly DiagnosticJsonContext Serializer = new(new JsonSerializerOptions(DiagnosticJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
    [JsonSerializable(typeof(IReadOnlyList<DiagnosticJson>), TypeInfoPropertyName = "Diagnostics")]
    private sealed partial class DiagnosticJsonContext : JsonSerializerContext;
}
