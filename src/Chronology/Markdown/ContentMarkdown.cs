using Markdig.Syntax;
using Chronology.Markdown.SafeLinks;
using Markdig;

namespace Chronology.Markdown;

/// <summary>
/// The one Markdown pipeline for content. Raw HTML is shown as text, never passed through; there is no generic
/// attribute syntax (so no on* handlers); links are limited by <see cref="LinkPolicy"/>.
/// </summary>
public static class ContentMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .Use<SafeLinksExtension>()
        .Use<NoteMarkerExtension>()
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>
    /// The parsed text, or null where Markdig refuses it as nested too deeply (quotes, lists or brackets thousands
    /// deep): the depth check reports that where it is written, and rendering shows such text escaped.
    /// </summary>
    internal static MarkdownDocument? TryParse(string markdown)
    {
        try
        {
            return Markdig.Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Every link written in the text (inline, reference and autolinks, not images), with its 0-based line and column.</summary>
    public static IReadOnlyList<(string Url, int Line, int Column)> Links(string markdown)
    {
        var links = new List<(string, int, int)>();
        if (TryParse(markdown) is not { } document) return links;
        foreach (var inline in document.Descendants<Markdig.Syntax.Inlines.Inline>())
        {
            var url = inline switch
            {
                Markdig.Syntax.Inlines.LinkInline { IsImage: false } link => link.Url,
                Markdig.Syntax.Inlines.AutolinkInline auto => auto.IsEmail ? "mailto:" + auto.Url : auto.Url,
                _ => null,
            };
            if (url is null) continue;
            var (line, column) = PositionOf(markdown, inline.Span.Start);
            links.Add((url, line, column));
        }
        return links;
    }

    /// <summary>The 0-based line and column of a character of the text (the pipeline keeps precise source offsets).</summary>
    internal static (int Line, int Column) PositionOf(string markdown, int offset)
    {
        var lineStart = offset == 0 ? 0 : markdown.LastIndexOf('\n', offset - 1) + 1;
        return (markdown.AsSpan(0, lineStart).Count('\n'), offset - lineStart);
    }

    /// <summary>Whether Markdig refuses the text as nested too deeply (quotes, lists or brackets thousands deep).</summary>
    public static bool IsTooDeep(string markdown) => TryParse(markdown) is null;

    /// <summary>Text Markdig cannot parse (nested too deeply), shown escaped, as one paragraph: rendering never throws.</summary>
    private static string AsText(string markdown) => "<p>" + System.Net.WebUtility.HtmlEncode(markdown) + "</p>\n";

    public static string ToHtml(string markdown)
    {
        try
        {
            return Markdig.Markdown.ToHtml(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            return AsText(markdown);
        }
    }

    /// <summary>Renders text written for one page onto another, rewriting its relative links to still arrive.</summary>
    public static string ToHtml(string markdown, Func<string, string> rebaseRelative) => Render(markdown, rebaseRelative, null);

    /// <summary>Renders a body whose note markers (<c>[^3]</c>) link to the page's numbered notes.</summary>
    public static string ToHtml(string markdown, NoteLinks notes) => Render(markdown, null, notes);

    /// <summary>Renders a body on another page than its own, with its links rebased and its markers linked to that page's notes.</summary>
    public static string ToHtml(string markdown, Func<string, string> rebaseRelative, NoteLinks notes) => Render(markdown, rebaseRelative, notes);

    private static string Render(string markdown, Func<string, string>? rebaseRelative, NoteLinks? notes)
    {
        if (TryParse(markdown) is not { } document) return AsText(markdown);
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        if (rebaseRelative is not null) renderer.ObjectRenderers.FindExact<SafeLinkInlineRenderer>()!.RebaseRelative = rebaseRelative;
        renderer.ObjectRenderers.FindExact<NoteMarkerRenderer>()!.Links = notes;
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    public static string ToPlainText(string markdown)
    {
        try
        {
            return Markdig.Markdown.ToPlainText(markdown, Pipeline).Trim().Replace("\n", " ", StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return markdown.Replace("\n", " ", StringComparison.Ordinal);
        }
    }
}
