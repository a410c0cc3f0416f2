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

    public static PageRecord Scan(string url, string outputPath, ReadOnlySpan<char> html)
    {
        var reader = new Reader(url, outputPath);
        reader.Read(html);
        return reader.Finish();
    }

    /// <summary>
    /// Reads a page given in parts, in order, each of which starts and ends between tags (as the parts of a page the
    /// theme renders in parts do): the record is the one <see cref="Scan"/> gives for the whole page, lines and
    /// columns counted across the parts. Link targets go straight into the record's packed form (<see cref="PageRecord"/>).
    /// </summary>
    public sealed class Reader(string url, string outputPath)
    {
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private readonly System.Text.StringBuilder _targets = new();
        private readonly List<int> _links = [];
        private readonly List<Attribute> _attributes = [];
        private List<PageLink>? _srcsetLinks;
        private string? _baseHref;
        private int _line = 1;
        private int _column = 1;

        public void Read(ReadOnlySpan<char> html)
        {
            var lines = new LineCounter(html, _line, _column);
            var attributes = _attributes;
            Span<char> lower = stackalloc char[MaxSpecialName];
            var i = 0;
            while (i < html.Length)
            {
                var open = html[i..].IndexOf('<');
                if (open >= 0) open += i;
                if (open < 0 || open + 1 >= html.Length) break;
                var next = html[open + 1];
                if (next == '!')
                {
                    i = html[open..].StartsWith("<!--") ? After(html, "-->", open + 4) : After(html, ">", open + 2);
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

                var nameEnd = NameEnd(html, open + 1);
                attributes.Clear();
                i = ReadAttributes(html, nameEnd, attributes);
                // Only short names matter (a, img, script, ...): a longer one is read as no element of interest.
                var nameLength = nameEnd - open - 1;
                var tag = nameLength <= MaxSpecialName ? lower[..html.Slice(open + 1, nameLength).ToLowerInvariant(lower)] : [];

                if (Value(html, attributes, "id") is { } id) _ids.Add(id);
                if (tag is "a" && Value(html, attributes, "name") is { } anchorName) _ids.Add(anchorName);
                var target = tag switch
                {
                    "a" or "area" or "link" => Find(html, attributes, "href"),
                    "script" or "img" or "iframe" or "source" or "video" or "audio" => Find(html, attributes, "src"),
                    _ => -1,
                };
                if (target >= 0)
                {
                    var value = html.Slice(attributes[target].ValueStart, attributes[target].ValueLength);
                    if (value.Contains('&')) _targets.Append(WebUtility.HtmlDecode(value.ToString()));
                    else _targets.Append(value);
                    var (line, column) = lines.At(open);
                    Ended(line, column);
                }
                if (tag is "img" or "source" && Value(html, attributes, "srcset") is { } srcset)
                {
                    var (line, column) = lines.At(open);
                    _srcsetLinks ??= [];
                    foreach (var candidate in PageRecord.SrcsetCandidates(srcset)) _srcsetLinks.Add(new PageLink(candidate, line, column));
                }
                if (tag is "base" && _baseHref is null && Value(html, attributes, "href") is { } href) _baseHref = href;

                if (tag is "script" or "style" or "textarea" or "title" or "xmp" or "iframe" or "noembed" or "noframes")
                {
                    var end = html[i..].IndexOf(string.Concat("</", tag), StringComparison.OrdinalIgnoreCase);
                    i = end < 0 ? html.Length : i + end;
                }
            }
            (_line, _column) = lines.At(html.Length);
        }

        public PageRecord Finish()
        {
            foreach (var (target, line, column) in _srcsetLinks ?? [])
            {
                _targets.Append(target);
                Ended(line, column);
            }
            return new PageRecord(url, outputPath, _ids, _targets.ToString(), [.. _links], _baseHref);
        }

        /// <summary>Records a link whose target has just been appended to the targets: where it ends, and where the link stands.</summary>
        private void Ended(int line, int column) => _links.AddRange([_targets.Length, line, column]);
    }

    /// <summary>The longest element name the scanner acts on ("noframes", "textarea").</summary>
    private const int MaxSpecialName = 8;

    /// <summary>An attribute as offsets into the page: its name, and its value as written (quotes left out).</summary>
    private readonly record struct Attribute(int NameStart, int NameLength, int ValueStart, int ValueLength);

    /// <summary>The value of the first attribute with this (lower-case) name, character references decoded; null if none.</summary>
    private static string? Value(ReadOnlySpan<char> html, List<Attribute> attributes, string name)
    {
        if (Find(html, attributes, name) is not (>= 0 and var found)) return null;
        var value = html.Slice(attributes[found].ValueStart, attributes[found].ValueLength).ToString();
        return value.Contains('&') ? WebUtility.HtmlDecode(value) : value;
    }

    /// <summary>Which attribute is the first with this (lower-case) name; -1 if none.</summary>
    private static int Find(ReadOnlySpan<char> html, List<Attribute> attributes, string name)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            if (html.Slice(attributes[i].NameStart, attributes[i].NameLength).Equals(name, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return -1;
    }

    private static int After(ReadOnlySpan<char> html, string end, int from)
    {
        if (from > html.Length) return html.Length;
        var at = html[from..].IndexOf(end, StringComparison.Ordinal);
        return at < 0 ? html.Length : from + at + end.Length;
    }

    private static int NameEnd(ReadOnlySpan<char> html, int start)
    {
        var end = start;
        while (end < html.Length && !char.IsWhiteSpace(html[end]) && html[end] != '>' && html[end] != '/') end++;
        return end;
    }

    /// <summary>Reads attributes up to the end of the tag, as offsets; the first of two with one name wins (<see cref="Value"/>), as in a browser.</summary>
    private static int ReadAttributes(ReadOnlySpan<char> html, int i, List<Attribute> attributes)
    {
        while (i < html.Length)
        {
            while (i < html.Length && (char.IsWhiteSpace(html[i]) || html[i] == '/')) i++;
            if (i >= html.Length) return i;
            if (html[i] == '>') return i + 1;

            var nameStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '=' && html[i] != '>' && (html[i] != '/' || i == nameStart)) i++;
            var nameLength = i - nameStart;
            while (i < html.Length && char.IsWhiteSpace(html[i])) i++;
            var (valueStart, valueLength) = (i, 0);
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i])) i++;
                if (i < html.Length && (html[i] == '"' || html[i] == '\''))
                {
                    var quote = html[i];
                    var close = html[(i + 1)..].IndexOf(quote);
                    close = close < 0 ? html.Length : i + 1 + close;
                    (valueStart, valueLength) = (i + 1, close - i - 1);
                    i = Math.Min(close + 1, html.Length);
                }
                else
                {
                    valueStart = i;
                    while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>') i++;
                    valueLength = i - valueStart;
                }
            }
            attributes.Add(new Attribute(nameStart, nameLength, valueStart, valueLength));
        }
        return i;
    }

    /// <summary>
    /// Line and column (both from 1) of an offset in a part that starts at <paramref name="line"/> and
    /// <paramref name="column"/> of its page; offsets are asked for in increasing order.
    /// </summary>
    private ref struct LineCounter(ReadOnlySpan<char> text, int line, int column)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _offset;
        private int _line = line;
        private int _lineStart = 1 - column;

        public (int Line, int Column) At(int offset)
        {
            if (offset > _offset)
            {
                var between = _text.Slice(_offset, offset - _offset);
                var last = between.LastIndexOf('\n');
                if (last >= 0)
                {
                    _line += between.Count('\n');
                    _lineStart = _offset + last + 1;
                }
                _offset = offset;
            }
            return (_line, offset - _lineStart + 1);
        }
    }
}
