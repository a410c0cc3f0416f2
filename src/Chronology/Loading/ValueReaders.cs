using System.Globalization;
using System.Text.RegularExpressions;
using Chronology.Diagnostics;
using Chronology.Model;

namespace Chronology.Loading;

/// <summary>Readers for the value kinds several content types share.</summary>
internal static partial class ValueReaders
{
    /// <summary>What stands for a required date that could not be read: never shown (see <see cref="IReadInPart"/>).</summary>
    internal static readonly EdtfDate UnreadDate = new EdtfPoint(1, null, null, null, DateQualifier.None);

    /// <summary>What stands for a required reference that could not be read: an empty id, which no check looks up.</summary>
    internal static ContentRef UnreadRef(FieldReader fields) => new("", fields.Location);

    public static EdtfDate? Date(FieldReader fields, string key, bool required)
    {
        var text = fields.Text(key, required);
        if (text is null) return null;
        if (EdtfDate.TryParse(text, out var date, out var error)) return date;
        fields.Error(DiagnosticCodes.InvalidDate, key, $"invalid date: {error}");
        return null;
    }

    public static Locator? Locator(FieldReader fields, string key, ContentVocabulary? vocabulary = null)
    {
        var text = fields.Text(key);
        if (text is null) return null;
        if (Model.Locator.TryParse(text, out var locator, out var error, (vocabulary ?? ContentVocabulary.Default).LocatorKinds))
            return locator with { Location = fields.LocationOf(key) };
        fields.Error(DiagnosticCodes.InvalidLocator, key, $"invalid locator: {error}");
        return null;
    }

    /// <summary>Quoted text as stored: every run of white space one space, as a reader sees it.</summary>
    public static string CollapseWhitespace(string text) => PlainText.Collapse(text);

    public static DateOnly? Day(FieldReader fields, string key)
    {
        var text = fields.Text(key);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        fields.Error(DiagnosticCodes.InvalidDate, key, $"'{key}' must be a full date YYYY-MM-DD, not '{text}'");
        return null;
    }

    public static IReadOnlyList<string> Tags(FieldReader fields, string key)
    {
        var tags = new List<string>();
        foreach (var (value, location) in fields.TextList(key))
        {
            if (ContentIds.IsValid(value)) tags.Add(value); // a tag is written like an id
            else fields.Invalid(key, $"tag '{value}' must be lowercase letters, digits and single hyphens (at {location.Line}:{location.Column})");
        }
        return tags;
    }

    public static string? Url(FieldReader fields, string key)
    {
        var text = fields.Text(key);
        if (text is null) return null;
        return CheckUrl(fields, key, text) ? text : null;
    }

    /// <summary>
    /// An absolute http or https URL, written on one line with no white space or control characters, and with no
    /// user name or password in it (a URL a document gives never needs one; one that has one leaks it). Plain
    /// <c>http:</c> is accepted: documents give such addresses, and the site never rewrites what a document gives.
    /// </summary>
    public static bool CheckUrl(FieldReader fields, string key, string text)
    {
        if (text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            fields.Error(DiagnosticCodes.InvalidUrl, key, $"'{DiagnosticText.Printable(text)}' is not a URL: it contains white space or a control character");
            return false;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            fields.Error(DiagnosticCodes.InvalidUrl, key, $"'{DiagnosticText.Printable(text)}' is not an absolute http(s) URL");
            return false;
        }
        if (uri.UserInfo.Length > 0)
        {
            fields.Error(DiagnosticCodes.InvalidUrl, key, "the URL carries a user name or password before its host; give the public address without them");
            return false;
        }
        return true;
    }

}
