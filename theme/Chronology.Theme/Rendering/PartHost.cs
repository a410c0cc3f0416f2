using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Chronology.Theme;

/// <summary>
/// The root of every render the site's renderer makes: a page, or a batch of a list's items. It cascades the
/// <see cref="PageParts"/> that collects the lists left for later (and adds no markup of its own).
/// </summary>
public sealed class PartHost : ComponentBase
{
    [Parameter, EditorRequired] public PageParts Parts { get; set; } = default!;

    [Parameter, EditorRequired] public RenderFragment Content { get; set; } = default!;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<CascadingValue<PageParts>>(0);
        builder.AddComponentParameter(1, nameof(CascadingValue<PageParts>.Value), Parts);
        builder.AddComponentParameter(2, nameof(CascadingValue<PageParts>.IsFixed), true);
        builder.AddComponentParameter(3, nameof(CascadingValue<PageParts>.ChildContent), Content);
        builder.CloseComponent();
    }
}
