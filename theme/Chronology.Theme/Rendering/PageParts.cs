using Microsoft.AspNetCore.Components;

namespace Chronology.Theme;

/// <summary>
/// The lists a page left for later (<see cref="Parts{TItem}"/>): each is a marker in the page's HTML and, here, the
/// items to render in its place. A marker is an HTML comment with a number no content can guess, so splitting the
/// page's HTML at markers never splits anything else.
/// </summary>
public sealed class PageParts
{
    private readonly string _prefix = "<!--part " + Guid.NewGuid().ToString("N") + " ";
    private readonly List<(int Count, Func<int, RenderFragment> Item)> _lists = [];

    /// <summary>Keeps a list of <paramref name="count"/> items for later and gives the marker that stands for it.</summary>
    public string Defer(int count, Func<int, RenderFragment> item)
    {
        _lists.Add((count, item));
        return _prefix + (_lists.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-->";
    }

    /// <summary>
    /// The HTML between markers, in order, each followed by the list its marker stands for (none after the last piece).
    /// </summary>
    /// <remarks>The pieces are slices of <paramref name="html"/>, not copies.</remarks>
    public IEnumerable<(ReadOnlyMemory<char> Html, (int Count, Func<int, RenderFragment> Item)? List)> Split(ReadOnlyMemory<char> html)
    {
        var at = 0;
        while (html.Span[at..].IndexOf(_prefix, StringComparison.Ordinal) is var found and >= 0)
        {
            var start = at + found;
            var end = start + html.Span[start..].IndexOf("-->", StringComparison.Ordinal);
            var number = int.Parse(html.Span[(start + _prefix.Length)..end], System.Globalization.CultureInfo.InvariantCulture);
            yield return (html[at..start], _lists[number]);
            at = end + 3;
        }
        yield return (html[at..], null);
    }
}
