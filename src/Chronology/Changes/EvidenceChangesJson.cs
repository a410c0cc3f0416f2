using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chronology.Validation;

namespace Chronology.Changes;

/// <summary>The changes as JSON: camelCase names, enums as camelCase strings, absent changes left out.</summary>
public static class EvidenceChangesJson
{
    private static readonly EvidenceChangesJsonContext Context = new(new JsonSerializerOptions(EvidenceChangesJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string ToJson(EvidenceChanges changes) => JsonSerializer.Serialize(changes, Context.EvidenceChanges) + "\n";
}

internal sealed class CamelCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where T : struct, Enum;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CamelCaseEnumConverter<QuoteOutcome>), typeof(CamelCaseEnumConverter<WordOpKind>)])]
[JsonSerializable(typeof(EvidenceChanges))]
internal sealed partial class EvidenceChangesJsonContext : JsonSerializerContext;
