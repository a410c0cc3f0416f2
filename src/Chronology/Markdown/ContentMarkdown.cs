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
        .Build();

    public static string ToHtml(string markdown) => Markdig.Markdown.ToHtml(markdown, Pipeline);

    public static string ToPlainText(string markdown) =>
        Markdig.Markdown.ToPlainText(markdown, Pipeline).Trim().Replace("\n", " ", StringComparison.Ordinal);
}
