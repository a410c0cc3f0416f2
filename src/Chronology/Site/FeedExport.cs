using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;
using Chronology.Model;

namespace Chronology.Site;

/// <summary>
/// feed.xml (Atom) and feed.json (JSON Feed 1.1) of chronology entries, most recently changed first. An entry's
/// "updated" time is the last commit of its file (<see cref="ContentHistory"/>), or its own date where there is no
/// history. Ids are name-based UUIDs of the entry id, so they never change when the site moves. Links are
/// absolute when site.yml gives a baseUrl, and otherwise relative to the feed's own address.
/// </summary>
public static partial class FeedExport
{
    public const string AtomUrl = "/feed.xml";
    public const string JsonUrl = "/feed.json";
    public const int MaxItems = 100;

    public sealed record FeedItem(ChronologyEntry Entry, DateTimeOffset Updated, string Summary);

    /// <summary>
    /// The entries most recently changed first. An item's summary says first what its last change was, in the words
    /// its entry page and the list of changes use (a subscriber sees why it came back), then what the entry says.
    /// </summary>
    public static IReadOnlyList<FeedItem> Items(SiteModel site, ContentHistory history) =>
        [.. site.Entries
            .Select(e => (Entry: e, Last: history.Changes($"entries/{e.Id}.md") is [var last, ..] ? last : null))
            .Select(e => new FeedItem(e.Entry, e.Last?.When ?? new DateTimeOffset(e.Entry.Date.Earliest.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                (e.Last is { } change ? $"Last change, {DisplayDates.Long(change.When)}: {change.Message}. " : "")
                + $"{e.Entry.Date.Describe()}: {OpenDataExport.PlainText(e.Entry.Body)}"))
            .OrderByDescending(i => i.Updated)
            .ThenBy(i => i.Entry.Id, StringComparer.Ordinal)
            .Take(MaxItems)];

    public static string Atom(SiteModel site, IReadOnlyList<FeedItem> items) => WriteAtom(new AtomFeed(
        site.Site.Language,
        Id("site"),
        site.Site.Title,
        site.Site.Description,
        items.Count > 0 ? items[0].Updated : DateTimeOffset.UnixEpoch,
        [new AtomLink("self", "application/atom+xml", Href(site, AtomUrl)), new AtomLink("alternate", "text/html", Href(site, SiteUrls.Home))],
        site.Site.Title,
        [.. items.Select(item => new AtomEntry(
            Id("entries/" + item.Entry.Id),
            item.Entry.Title,
            item.Updated,
            new AtomLink("alternate", "text/html", Href(site, SiteUrls.Entry(item.Entry.Id))),
            item.Entry.Tags,
            item.Summary))]));

    public static string Json(SiteModel site, IReadOnlyList<FeedItem> items) => JsonSerializer.Serialize(new JsonFeed(
        "https://jsonfeed.org/version/1.1",
        site.Site.Title,
        site.Site.Description,
        site.Site.Language,
        Href(site, SiteUrls.Home),
        Href(site, JsonUrl),
        [.. items.Select(item => new JsonFeedItem(
            Id("entries/" + item.Entry.Id),
            Href(site, SiteUrls.Entry(item.Entry.Id)),
            item.Entry.Title,
            item.Summary,
            Time(item.Updated),
            item.Entry.Tags.Count > 0 ? item.Entry.Tags : null))]), FeedJson.JsonFeed) + "\n";

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

    /// <summary>An Atom feed (RFC 4287) as this site writes it: one author, the site's links, and its entries.</summary>
    private sealed record AtomFeed(
        string Language, string Id, string Title, string Subtitle, DateTimeOffset Updated, IReadOnlyList<AtomLink> Links, string Author,
        IReadOnlyList<AtomEntry> Entries);

    private sealed record AtomEntry(string Id, string Title, DateTimeOffset Updated, AtomLink Link, IReadOnlyList<string> Categories, string Summary);

    private sealed record AtomLink(string Rel, string Type, string Href);

    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    private static string WriteAtom(AtomFeed feed)
    {
        var buffer = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(new StringWriterUtf8(buffer), settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteAttributeString("xml", "lang", null, feed.Language);
            xml.WriteElementString("id", feed.Id);
            xml.WriteElementString("title", feed.Title);
            xml.WriteElementString("subtitle", feed.Subtitle);
            xml.WriteElementString("updated", Time(feed.Updated));
            foreach (var link in feed.Links) WriteLink(xml, link);
            xml.WriteStartElement("author");
            xml.WriteElementString("name", feed.Author);
            xml.WriteEndElement();
            foreach (var entry in feed.Entries)
            {
                xml.WriteStartElement("entry");
                xml.WriteElementString("id", entry.Id);
                xml.WriteElementString("title", entry.Title);
                xml.WriteElementString("updated", Time(entry.Updated));
                WriteLink(xml, entry.Link);
                foreach (var category in entry.Categories)
                {
                    xml.WriteStartElement("category");
                    xml.WriteAttributeString("term", category);
                    xml.WriteEndElement();
                }
                xml.WriteElementString("summary", entry.Summary);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return buffer.ToString() + "\n"; // the writer declares utf-8 (StringWriterUtf8), as the file is written
    }

    private static void WriteLink(XmlWriter xml, AtomLink link)
    {
        xml.WriteStartElement("link");
        xml.WriteAttributeString("rel", link.Rel);
        xml.WriteAttributeString("type", link.Type);
        xml.WriteAttributeString("href", link.Href);
        xml.WriteEndElement();
    }

    /// <summary>A JSON Feed 1.1 (jsonfeed.org); an item without tags leaves <c>tags</c> out.</summary>
    private sealed record JsonFeed(
        string Version, string Title, string Description, string Language, string HomePageUrl, string FeedUrl, IReadOnlyList<JsonFeedItem> Items);

    private sealed record JsonFeedItem(
        string Id, string Url, string Title, string ContentText, string DateModified,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Tags);

    // Readable UTF-8, as the file is served.
    private static readonly FeedJsonContext FeedJson = new(new JsonSerializerOptions(FeedJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
    [JsonSerializable(typeof(JsonFeed))]
    private sealed partial class FeedJsonContext : JsonSerializerContext;

    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
