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

    internal static Markdig.Syntax.MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);

    public static string ToHtml(string markdown) => Markdig.Markdown.ToHtml(markdown, Pipeline);

    /// <summary>Renders text written for one page onto another, rewriting its relative links to still arrive.</summary>
    public static string ToHtml(string markdown, Func<string, string> rebaseRelative) => Render(markdown, rebaseRelative, null);

    /// <summary>Renders a body whose note markers (<c>[^3]</c>) link to the page's numbered notes.</summary>
    public static string ToHtml(string markdown, NoteLinks notes) => Render(markdown, null, notes);

    private static string Render(string markdown, Func<string, string>? rebaseRelative, NoteLinks? notes)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        if (rebaseRelative is not null) renderer.ObjectRenderers.FindExact<SafeLinkInlineRenderer>()!.RebaseRelative = rebaseRelative;
        renderer.ObjectRenderers.FindExact<NoteMarkerRenderer>()!.Links = notes;
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    public static string ToPlainText(string markdown) =>
        Markdig.Markdown.ToPlainText(markdown, Pipeline).Trim().Replace("\n", " ", StringComparison.Ordinal);
}
