using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chronology.Theme;

/// <summary>The web app manifest (site.webmanifest) as the W3C Web Application Manifest names its members.</summary>
internal sealed record WebAppManifest(
    string Name,
    string ShortName,
    string Description,
    string Lang,
    string StartUrl,
    string Display,
    string BackgroundColor,
    string ThemeColor,
    IReadOnlyList<WebAppManifest.Icon> Icons)
{
    public sealed record Icon(string Src, string Sizes, string Type);

    public static string ToJson(WebAppManifest manifest) => JsonSerializer.Serialize(manifest, Json.WebAppManifest) + "\n";

    // Readable UTF-8, as the file is served.
    private static readonly WebAppManifestJson Json = new(new JsonSerializerOptions(WebAppManifestJson.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(WebAppManifest))]
internal sealed partial class WebAppManifestJson : JsonSerializerContext;
