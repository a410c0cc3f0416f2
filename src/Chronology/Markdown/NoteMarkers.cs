using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Chronology.Markdown;

/// <summary>
/// Inline note markers: <c>[^3]</c> in an entry's body ties the sentence before it to the entry's third citation.
/// The number is the citation's place in the entry's <c>citations</c> list, as the notes are numbered on the page,
/// so a pull request reads like footnoted prose. Rendered as a superscript link to the note
/// (<c>role="doc-noteref"</c>), each with an id the note links back to (<c>role="doc-backlink"</c>).
/// </summary>
public static class NoteMarkers
{
    /// <summary>Every marker in a body, in reading order, with its position (0-based line and column in the body).</summary>
    public static IReadOnlyList<NoteMarker> Find(string markdown)
    {
        var markers = new List<NoteMarker>();
        if (ContentMarkdown.TryParse(markdown) is not { } document) return markers; // reported by the depth check
        foreach (var marker in document.Descendants<NoteMarkerInline>())
        {
            var (line, column) = ContentMarkdown.PositionOf(markdown, marker.Span.Start);
            markers.Add(new NoteMarker(marker.Label, line, column));
        }
        return markers;
    }

    /// <summary>The note a marker's label names among <paramref name="count"/> notes (1-based), or null.</summary>
    public static int? Number(string label, int count) =>
        int.TryParse(label, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= count ? n : null;

    /// <summary>How many markers point at each note (1-based): the note's back-links are <see cref="NoteLinks.MarkerId"/> 1 to that count.</summary>
    public static IReadOnlyDictionary<int, int> UsesPerNote(string markdown, int count) =>
        Find(markdown).Select(m => Number(m.Label, count)).OfType<int>().GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
}

/// <summary>A marker as written: <see cref="Label"/> is what stands between <c>[^</c> and <c>]</c>.</summary>
public sealed record NoteMarker(string Label, int Line, int Column);

/// <summary>
/// How one page links its markers: which note a label names, and an id for each marker, unique on the page
/// (<c>ref-3-2</c> is the second marker of note 3). An entry's notes are <c>cite-N</c>; a document page's quoted
/// passages are <c>passage-N</c> (<see cref="PassagePrefix"/>).
/// </summary>
public sealed class NoteLinks(Func<string, int?> numberOf, string notePrefix = NoteLinks.CitationPrefix)
{
    public const string CitationPrefix = "cite-";

    public const string PassagePrefix = "passage-";

    private readonly Dictionary<int, int> _seen = [];

    public static string NoteId(int number) => CitationPrefix + number;

    internal string TargetOf(int number) => notePrefix + number;

    public static string MarkerId(int number, int occurrence) => $"ref-{number}-{occurrence}";

    internal (int Number, string Id)? Next(string label)
    {
        if (numberOf(label) is not { } number) return null;
        _seen[number] = _seen.GetValueOrDefault(number) + 1;
        return (number, MarkerId(number, _seen[number]));
    }
}

internal sealed class NoteMarkerInline : LeafInline
{
    public required string Label { get; init; }
}

/// <summary>Parses <c>[^label]</c> (letters, digits, hyphens) before Markdig's link parser sees the bracket.</summary>
internal sealed class NoteMarkerParser : InlineParser
{
    public NoteMarkerParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '^') return false;
        var text = slice.Text;
        var start = slice.Start;
        var end = start + 2;
        while (end <= slice.End && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '-')) end++;
        if (end == start + 2 || end > slice.End || text[end] != ']') return false;

        processor.Inline = new NoteMarkerInline
        {
            Label = text[(start + 2)..end],
            Span = new SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(end)),
            Line = line,
            Column = column,
        };
        slice.Start = end + 1;
        return true;
    }
}

/// <summary>Renders a marker as a superscript note link where the page has notes; as nothing where it has none (plain text, feeds).</summary>
internal sealed class NoteMarkerRenderer : HtmlObjectRenderer<NoteMarkerInline>
{
    public NoteLinks? Links { get; set; }

    protected override void Write(HtmlRenderer renderer, NoteMarkerInline marker)
    {
        if (!renderer.EnableHtmlForInline || Links?.Next(marker.Label) is not { } link) return;
        renderer.Write("<sup class=\"noteref\" id=\"").Write(link.Id).Write("\"><a href=\"#").Write(Links.TargetOf(link.Number))
            .Write("\" role=\"doc-noteref\"><span class=\"visually-hidden\">note </span>[").Write(link.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)).Write("]</a></sup>");
    }
}

internal sealed class NoteMarkerExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<NoteMarkerParser>())
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new NoteMarkerParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<NoteMarkerRenderer>())
            html.ObjectRenderers.Add(new NoteMarkerRenderer());
    }
}
