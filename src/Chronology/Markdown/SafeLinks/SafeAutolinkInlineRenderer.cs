using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace Chronology.Markdown.SafeLinks;

internal sealed class SafeAutolinkInlineRenderer : AutolinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, AutolinkInline link)
    {
        var url = link.IsEmail ? "mailto:" + link.Url : link.Url;
        if (!renderer.EnableHtmlForInline || !LinkPolicy.IsAllowed(url))
        {
            renderer.WriteEscape(link.Url);
            return;
        }
        renderer.Write("<a href=\"").WriteEscapeUrl(url).Write('"');
        if (LinkPolicy.IsExternal(url)) renderer.Write(" rel=\"noopener noreferrer\"");
        renderer.Write('>').WriteEscape(link.Url).Write("</a>");
    }
}
