using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;

namespace Chronology.Markdown.SafeLinks;

/// <summary>
/// Limits link targets to http, https, mailto and site-relative URLs; other links (javascript:, data:, ...)
/// render as their text. Images render as their alt text, so content never makes a browser fetch anything.
/// External links get rel="noopener noreferrer".
/// </summary>
public sealed class SafeLinksExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html) return;
        html.ObjectRenderers.ReplaceOrAdd<LinkInlineRenderer>(new SafeLinkInlineRenderer());
        html.ObjectRenderers.ReplaceOrAdd<AutolinkInlineRenderer>(new SafeAutolinkInlineRenderer());
    }
}
