using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Chronology.Model;

namespace Chronology.Site;

/// <summary>
/// "Cite this entry": the entry as a BibTeX, RIS and CSL-JSON record. The site is the author; the event date is
/// given as the entry's own date label, never made more precise; the URL is absolute when the site has a base URL.
/// </summary>
public static class CitationFormats
{
    public static string BibTexUrl(string entryId) => SiteUrls.Entry(entryId) + "cite.bib";

    public static string RisUrl(string entryId) => SiteUrls.Entry(entryId) + "cite.ris";

    public static string CslJsonUrl(string entryId) => SiteUrls.Entry(entryId) + "cite.json";

    public static string PermalinkOf(SiteConfig site, ChronologyEntry entry) => (site.BaseUrl ?? "") + SiteUrls.Entry(entry.Id);

    public static string BibTex(SiteConfig site, ChronologyEntry entry)
    {
        static string Escape(string text) => text.Replace("\\", "\\textbackslash{}", StringComparison.Ordinal)
            .Replace("{", "\\{", StringComparison.Ordinal).Replace("}", "\\}", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("&", "\\&", StringComparison.Ordinal)
            .Replace("$", "\\$", StringComparison.Ordinal).Replace("#", "\\#", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        var bib = new StringBuilder();
        bib.Append("@misc{").Append(entry.Id).Append(",\n");
        bib.Append("  author = {{").Append(Escape(site.Title)).Append("}},\n");
        bib.Append("  title = {").Append(Escape(entry.Title)).Append("},\n");
        bib.Append("  howpublished = {\\url{").Append(PermalinkOf(site, entry)).Append("}},\n");
        bib.Append("  note = {Chronology entry; date of the event: ").Append(Escape(entry.Label)).Append("}\n");
        bib.Append("}\n");
        return bib.ToString();
    }

    public static string Ris(SiteConfig site, ChronologyEntry entry) =>
        string.Concat(
            "TY  - ELEC\r\n",
            $"AU  - {site.Title}\r\n",
            $"TI  - {entry.Title}\r\n",
            $"UR  - {PermalinkOf(site, entry)}\r\n",
            $"N1  - Chronology entry; date of the event: {entry.Label}\r\n",
            "ER  - \r\n");

    public static string CslJson(SiteConfig site, ChronologyEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            json.WriteStartObject();
            json.WriteString("id", entry.Id);
            json.WriteString("type", "webpage");
            json.WriteString("title", entry.Title);
            json.WriteStartArray("author");
            json.WriteStartObject();
            json.WriteString("literal", site.Title);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("container-title", site.Title);
            json.WriteString("URL", PermalinkOf(site, entry));
            json.WriteString("note", $"Chronology entry; date of the event: {entry.Label} (EDTF {entry.Date})");
            json.WriteEndObject();
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
