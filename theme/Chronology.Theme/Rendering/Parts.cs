using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Chronology.Theme;

/// <summary>
/// A list in a page that may be long (every entry of a large site, every note of the print page): each item is
/// <see cref="ChildContent"/>. Rendered on its own, it writes its items in place, like a <c>foreach</c>. Rendered by
/// the site's renderer, which cascades a <see cref="PageParts"/>, it writes only a marker, and the renderer renders the
/// items after the rest of the page, a few at a time, each batch its own small render: so no page, however many
/// entries it lists, is ever one render tree or one string. The HTML is the same either way.
/// </summary>
public sealed class Parts<TItem> : ComponentBase
{
    [CascadingParameter] public PageParts? Page { get; set; }

    [Parameter, EditorRequired] public IReadOnlyList<TItem> Items { get; set; } = default!;

    [Parameter, EditorRequired] public RenderFragment<TItem> ChildContent { get; set; } = default!;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (Page is { } page && Items.Count > 0)
        {
            var items = Items;
            var content = ChildContent;
            builder.AddMarkupContent(0, page.Defer(items.Count, i => content(items[i])));
            return;
        }
        foreach (var item in Items) builder.AddContent(1, ChildContent(item));
    }
}
