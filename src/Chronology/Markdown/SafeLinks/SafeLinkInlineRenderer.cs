using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace Chronology.Markdown.SafeLinks;

internal sealed class SafeLinkInlineRenderer : LinkInlineRenderer
{
    /// <summary>Rewrites a relative link when the text is shown on another page than the one it was written for.</summary>
    public Func<string, string>? RebaseRelative { get; set; }

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
        var url = link.Url!;
        if (RebaseRelative is not null && !LinkPolicy.IsExternal(url) && !url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            url = RebaseRelative(url);
        renderer.Write("<a href=\"").WriteEscapeUrl(url).Write('"');
        if (!string.IsNullOrEmpty(link.Title)) renderer.Write(" title=\"").WriteEscape(link.Title).Write('"');
        if (LinkPolicy.IsExternal(link.Url!)) renderer.Write(" rel=\"noopener noreferrer\"");
        renderer.Write('>');
        renderer.WriteChildren(link);
        renderer.Write("</a>");
    }
}
