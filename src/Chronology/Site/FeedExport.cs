using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using Chronology.Model;

namespace Chronology.Site;

/// <summary>
/// feed.xml (Atom) and feed.json (JSON Feed 1.1) of chronology entries, most recently changed first. An entry's
/// "updated" time is the last commit of its file (<see cref="ContentHistory"/>), or its own date where there is no
/// history. Ids are name-based UUIDs of the entry id, so they never change when the site moves. Links are
/// absolute when site.yml gives a baseUrl, and otherwise relative to the feed's own address.
/// </summary>
public static class FeedExport
{
    public const string AtomUrl = "/feed.xml";
    public const string JsonUrl = "/feed.json";
    public const int MaxItems = 100;

    public sealed record FeedItem(ChronologyEntry Entry, DateTimeOffset Updated, string Summary);

    public static IReadOnlyList<FeedItem> Items(SiteModel site, ContentHistory history) =>
        [.. site.Entries
            .Select(e => new FeedItem(e, history.LastChanged($"entries/{e.Id}.md") ?? new DateTimeOffset(e.Date.Earliest.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                $"{e.Date.Describe()}: {OpenDataExport.PlainText(e.Body)}"))
            .OrderByDescending(i => i.Updated)
            .ThenBy(i => i.Entry.Id, StringComparer.Ordinal)
            .Take(MaxItems)];

    public static string Atom(SiteModel site, IReadOnlyList<FeedItem> items)
    {
        var buffer = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(new StringWriterUtf8(buffer), settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            xml.WriteAttributeString("xml", "lang", null, site.Site.Language);
            xml.WriteElementString("id", Id("site"));
            xml.WriteElementString("title", site.Site.Title);
            xml.WriteElementString("subtitle", site.Site.Description);
            xml.WriteElementString("updated", Time(items.Count > 0 ? items[0].Updated : DateTimeOffset.UnixEpoch));
            Link(xml, "self", Href(site, AtomUrl), "application/atom+xml");
            Link(xml, "alternate", Href(site, SiteUrls.Home), "text/html");
            xml.WriteStartElement("author");
            xml.WriteElementString("name", site.Site.Title);
            xml.WriteEndElement();
            foreach (var item in items)
            {
                xml.WriteStartElement("entry");
                xml.WriteElementString("id", Id("entries/" + item.Entry.Id));
                xml.WriteElementString("title", item.Entry.Title);
                xml.WriteElementString("updated", Time(item.Updated));
                Link(xml, "alternate", Href(site, SiteUrls.Entry(item.Entry.Id)), "text/html");
                foreach (var tag in item.Entry.Tags)
                {
                    xml.WriteStartElement("category");
                    xml.WriteAttributeString("term", tag);
                    xml.WriteEndElement();
                }
                xml.WriteElementString("summary", item.Summary);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return buffer.ToString() + "\n"; // the writer declares utf-8 (StringWriterUtf8), as the file is written
    }

    public static string Json(SiteModel site, IReadOnlyList<FeedItem> items)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("version", "https://jsonfeed.org/version/1.1");
            json.WriteString("title", site.Site.Title);
            json.WriteString("description", site.Site.Description);
            json.WriteString("language", site.Site.Language);
            json.WriteString("home_page_url", Href(site, SiteUrls.Home));
            json.WriteString("feed_url", Href(site, JsonUrl));
            json.WriteStartArray("items");
            foreach (var item in items)
            {
                json.WriteStartObject();
                json.WriteString("id", Id("entries/" + item.Entry.Id));
                json.WriteString("url", Href(site, SiteUrls.Entry(item.Entry.Id)));
                json.WriteString("title", item.Entry.Title);
                json.WriteString("content_text", item.Summary);
                json.WriteString("date_modified", Time(item.Updated));
                if (item.Entry.Tags.Count > 0)
                {
                    json.WriteStartArray("tags");
                    foreach (var tag in item.Entry.Tags) json.WriteStringValue(tag);
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>A stable, absolute id for an item: a name-based (version 5 style) UUID of its key.</summary>
    public static string Id(string key)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes("chronology:" + key));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        return $"urn:uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }

    private static string Href(SiteModel site, string url) => site.Site.BaseUrl is { } baseUrl ? baseUrl + url : url.TrimStart('/') is var r && r.Length == 0 ? "./" : r;

    private static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
