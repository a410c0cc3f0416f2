using System.Net;

namespace Chronology.Publishing;

/// <summary>
/// Reads a page this build wrote for what the link checker needs (its element ids, its links with their
/// line and column, its &lt;base href&gt;) in one pass over the text, without building a document. It knows HTML's
/// tag syntax (comments, doctype, quoted and unquoted attributes, raw-text elements such as scripts) and nothing
/// else, which is all our own output needs; arbitrary HTML from elsewhere goes through <see cref="PageRecord.Parse"/>.
/// The tests hold it to AngleSharp's answers on every page of both test sites.
/// </summary>
public static class PageScanner
{
    private static readonly HashSet<string> HrefElements = new(["a", "area", "link"], StringComparer.Ordinal);
    private static readonly HashSet<string> SrcElements = new(["script", "img", "iframe", "source", "video", "audio"], StringComparer.Ordinal);
    private static readonly HashSet<string> RawTextElements = new(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"], StringComparer.Ordinal);

    /// <param name="intern">
    /// Gives one string for equal link targets and ids: a large site repeats the same few thousand of them across
    /// every page, and the link checker keeps them all until the end of the build.
    /// </param>
    public static PageRecord Scan(string url, string outputPath, string html, Func<string, string>? intern = null)
    {
        var reader = new Reader(url, outputPath, intern);
        reader.Read(html);
        return reader.Finish();
    }

    /// <summary>
    /// Reads a page given in parts, in order, each of which starts and ends between tags (as the parts of a page the
    /// theme renders in parts do): the record is the one <see cref="Scan"/> gives for the whole page, lines and
    /// columns counted across the parts.
    /// </summary>
    public sealed class Reader(string url, string outputPath, Func<string, string>? intern = null)
    {
        private readonly Func<string, string> _intern = intern ?? (static s => s);
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private readonly List<PageLink> _links = [];
        private readonly List<(string Name, string Value)> _attributes = [];
        private List<PageLink>? _srcsetLinks;
        private string? _baseHref;
        private int _line = 1;
        private int _column = 1;

        public void Read(string html)
        {
            var lines = new LineCounter(html, _line, _column);
            var attributes = _attributes;
            var i = 0;
            while (i < html.Length)
            {
                var open = html.IndexOf('<', i);
                if (open < 0 || open + 1 >= html.Length) break;
                var next = html[open + 1];
                if (next == '!')
                {
                    i = string.CompareOrdinal(html, open, "<!--", 0, 4) == 0 ? After(html, "-->", open + 4) : After(html, ">", open + 2);
                    continue;
                }
                if (next == '/' || next == '?')
                {
                    i = After(html, ">", open + 2);
                    continue;
                }
                if (!char.IsAsciiLetter(next))
                {
                    i = open + 1;
                    continue;
                }

                var name = ReadName(html, open + 1, out i);
                attributes.Clear();
                i = ReadAttributes(html, i, attributes);
                var tag = name.ToLowerInvariant();

                string? Attribute(string attribute)
                {
                    foreach (var (n, v) in attributes)
                        if (n == attribute) return v;
                    return null;
                }

                if (Attribute("id") is { } id) _ids.Add(_intern(id));
                if (tag == "a" && Attribute("name") is { } anchorName) _ids.Add(_intern(anchorName));
                var target = HrefElements.Contains(tag) ? Attribute("href") : SrcElements.Contains(tag) ? Attribute("src") : null;
                if (target is not null)
                {
                    var (line, column) = lines.At(open);
                    _links.Add(new PageLink(_intern(target), line, column));
                }
                if ((tag == "img" || tag == "source") && Attribute("srcset") is { } srcset)
                {
                    var (line, column) = lines.At(open);
                    _srcsetLinks ??= [];
                    foreach (var candidate in PageRecord.SrcsetCandidates(srcset)) _srcsetLinks.Add(new PageLink(_intern(candidate), line, column));
                }
                if (tag == "base" && _baseHref is null && Attribute("href") is { } href) _baseHref = href;

                if (RawTextElements.Contains(tag))
                {
                    var end = html.IndexOf("</" + tag, i, StringComparison.OrdinalIgnoreCase);
                    i = end < 0 ? html.Length : end;
                }
            }
            (_line, _column) = lines.At(html.Length);
        }

        public PageRecord Finish()
        {
            if (_srcsetLinks is not null) _links.AddRange(_srcsetLinks);
            _links.TrimExcess();
            _ids.TrimExcess();
            return new PageRecord(url, outputPath, _ids, _links, _baseHref);
        }
    }

    private static int After(string html, string end, int from)
    {
        var at = html.IndexOf(end, from, StringComparison.Ordinal);
        return at < 0 ? html.Length : at + end.Length;
    }

    private static string ReadName(string html, int start, out int end)
    {
        end = start;
        while (end < html.Length && !char.IsWhiteSpace(html[end]) && html[end] != '>' && html[end] != '/') end++;
        return html[start..end];
    }

    /// <summary>Reads attributes up to the end of the tag; the first of two with one name wins, as in a browser.</summary>
    private static int ReadAttributes(string html, int i, List<(string Name, string Value)> attributes)
    {
        while (i < html.Length)
        {
            while (i < html.Length && (char.IsWhiteSpace(html[i]) || html[i] == '/')) i++;
            if (i >= html.Length) return i;
            if (html[i] == '>') return i + 1;

            var nameStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '=' && html[i] != '>' && (html[i] != '/' || i == nameStart)) i++;
            var name = html[nameStart..i].ToLowerInvariant();
            while (i < html.Length && char.IsWhiteSpace(html[i])) i++;
            var value = "";
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i])) i++;
                if (i < html.Length && (html[i] == '"' || html[i] == '\''))
                {
                    var quote = html[i];
                    var close = html.IndexOf(quote, i + 1);
                    if (close < 0) close = html.Length;
                    value = html[(i + 1)..close];
                    i = Math.Min(close + 1, html.Length);
                }
                else
                {
                    var start = i;
                    while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>') i++;
                    value = html[start..i];
                }
            }
            if (value.Contains('&')) value = WebUtility.HtmlDecode(value);
            if (!attributes.Exists(a => a.Name == name)) attributes.Add((name, value));
        }
        return i;
    }

    /// <summary>
    /// Line and column (both from 1) of an offset in a part that starts at <paramref name="line"/> and
    /// <paramref name="column"/> of its page; offsets are asked for in increasing order.
    /// </summary>
    private sealed class LineCounter(string text, int line, int column)
    {
        private int _offset;
        private int _line = line;
        private int _lineStart = 1 - column;

        public (int Line, int Column) At(int offset)
        {
            for (; _offset < offset; _offset++)
            {
                if (text[_offset] == '\n')
                {
                    _line++;
                    _lineStart = _offset + 1;
                }
            }
            return (_line, offset - _lineStart + 1);
        }
    }
}
