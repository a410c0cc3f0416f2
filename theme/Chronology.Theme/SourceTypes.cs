namespace Chronology.Theme;

internal static class SourceTypes
{
    public static string Describe(string type) => type switch
    {
        "foi-response" => "FOI response",
        "email" => "e-mail",
        "web-page" => "web page",
        _ => type.Replace('-', ' '),
    };
}
