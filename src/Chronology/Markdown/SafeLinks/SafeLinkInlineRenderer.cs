using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace Chronology.Markdown.SafeLinks;

internal sealed class SafeLinkInlineRenderer : LinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        if (link.IsImage)
        {
            renderer.WriteChildren(link);
            return;
        }
        if (!renderer.EnableHtmlForInline || !LinkPolicy.IsAllowed(link.Url))
        {
            renderer.WriteChildren(link);
            return;
        }
        renderer.Write("<a href=\"").WriteEscapeUrl(link.Url).Write('"');
        if (!string.IsNullOrEmpty(link.Title)) renderer.Write(" title=\"").WriteEscape(link.Title).Write('"');
        if (LinkPolicy.IsExternal(link.Url!)) renderer.Write(" rel=\"noopener noreferrer\"");
        renderer.Write('>');
        renderer.WriteChildren(link);
        renderer.Write("</a>");
    }
}
