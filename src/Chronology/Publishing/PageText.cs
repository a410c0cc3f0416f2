using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Chronology.Publishing;

/// <summary>
/// The words of a page this build wrote, read in one pass over its HTML, as <see cref="PageScanner"/> reads its links:
/// no document is built. The tests hold it to the words AngleSharp finds in the same element on every page of both
/// test sites.
/// </summary>
public static partial class PageText
{
    /// <summary>
    /// The text of the page's first <c>&lt;main&gt;</c>: its text nodes, one space between each (so that words in
    /// neighbouring elements, "…from.&lt;/p&gt;&lt;p&gt;Serenity", stay apart), white space collapsed; null if it has none.
    /// Comments and tags are left out, character references decoded; a script's or style's text is taken as it stands.
    /// </summary>
    public static string? Main(string html)
    {
        var start = FindStartTag(html, "main", 0);
        if (start < 0) return null;
        var words = new StringBuilder();
        var i = start;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            if (open < 0) open = html.Length;
            if (open > i) Text(words, WebUtility.HtmlDecode(html[i..open]));
            if (open >= html.Length) break;
            if (string.CompareOrdinal(html, open, "<!--", 0, 4) == 0)
            {
                i = End(html, "-->", open + 4);
                continue;
            }
            var close = html.IndexOf('>', open);
            if (close < 0) break;
            var tag = html.AsSpan(open + 1, close - open - 1);
            if (tag.StartsWith("/") && NameOf(tag[1..]).Equals("main", StringComparison.OrdinalIgnoreCase)) break;
            i = close + 1;
            var name = NameOf(tag);
            if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                var end = html.IndexOf("</" + name.ToString(), i, StringComparison.OrdinalIgnoreCase);
                if (end < 0) end = html.Length;
                Text(words, html[i..end]);
                i = end;
            }
        }
        return Spaces().Replace(words.ToString(), " ").Trim();
    }

    private static void Text(StringBuilder words, string text)
    {
        if (text.Length == 0) return;
        if (words.Length > 0) words.Append(' ');
        words.Append(text);
    }

    /// <summary>Where the first <c>&lt;name …&gt;</c> start tag after <paramref name="from"/> ends, or -1.</summary>
    private static int FindStartTag(string html, string name, int from)
    {
        for (var at = html.IndexOf("<" + name, from, StringComparison.OrdinalIgnoreCase); at >= 0; at = html.IndexOf("<" + name, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var after = at + 1 + name.Length;
            if (after < html.Length && (html[after] == '>' || char.IsWhiteSpace(html[after]) || html[after] == '/'))
            {
                var close = html.IndexOf('>', after);
                return close < 0 ? -1 : close + 1;
            }
        }
        return -1;
    }

    private static ReadOnlySpan<char> NameOf(ReadOnlySpan<char> tag)
    {
        var length = 0;
        while (length < tag.Length && char.IsAsciiLetterOrDigit(tag[length])) length++;
        return tag[..length];
    }

    private static int End(string html, string marker, int from)
    {
        var at = html.IndexOf(marker, from, StringComparison.Ordinal);
        return at < 0 ? html.Length : at + marker.Length;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
