using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Chronology.Model;

/// <summary>Where in a source a citation points: <c>annex 1, item 12, page 11</c>.</summary>
public sealed partial record Locator(IReadOnlyList<LocatorPart> Parts)
{
    public static readonly IReadOnlyList<string> Kinds =
        ["page", "pages", "section", "paragraph", "annex", "item", "document", "question", "table"];

    [GeneratedRegex(@"\A(?<kind>[a-z]+) (?<value>\S(.*\S)?)\z")]
    private static partial Regex PartPattern();

    /// <summary>The highest page number a locator may name (a source's <c>pages</c> has the same bound).</summary>
    public const int MaxPage = 100_000;

    [GeneratedRegex(@"\A[1-9][0-9]{0,5}\z")]
    private static partial Regex PagePattern();

    [GeneratedRegex(@"\A(?<from>[1-9][0-9]{0,5})[-–](?<to>[1-9][0-9]{0,5})\z")]
    private static partial Regex PageRangePattern();

    /// <summary>
    /// How a numbered part is written (<c>4.1</c>, <c>2d</c>, <c>12</c>): the value of a <c>document</c> part, and of a
    /// snapshot's <c>[document X]</c> marker.
    /// </summary>
    internal const string Numbering = @"[0-9A-Za-z]+(?:[.\-][0-9A-Za-z]+)*";

    [GeneratedRegex(@"\A" + Numbering + @"\z")]
    private static partial Regex NumberingPattern();

    /// <summary>The locator's <c>page</c> or <c>pages</c> part, or null.</summary>
    public LocatorPart? PagePart => Parts.FirstOrDefault(p => p.Pages is not null);

    /// <summary>The pages the locator names, as read when it was parsed.</summary>
    public PageRange? Pages => PagePart?.Pages;

    /// <summary>The first page the locator names, for a PDF <c>#page=N</c> link.</summary>
    public int? FirstPage => Pages?.First;

    /// <summary>The document the locator names (<c>2d</c> for <c>document 2d</c>), or null.</summary>
    public string? Document => Parts.FirstOrDefault(p => p.Kind == "document")?.Value;

    /// <summary>Where the locator is written, for messages about it.</summary>
    public ContentLocation? Location { get; init; }

    /// <param name="kinds">The kinds allowed: the generator's own (<see cref="Kinds"/>) unless a site adds to them.</param>
    public static bool TryParse(string text, [NotNullWhen(true)] out Locator? locator, out string error, IReadOnlyList<string>? kinds = null)
    {
        kinds ??= Kinds;
        locator = null;
        var parts = new List<LocatorPart>();
        foreach (var raw in text.Split(','))
        {
            var match = PartPattern().Match(raw.Trim());
            if (!match.Success)
            {
                error = $"'{raw.Trim()}' is not '<kind> <value>' (kinds: {string.Join(", ", kinds)})";
                return false;
            }
            var kind = match.Groups["kind"].Value;
            var value = match.Groups["value"].Value;
            if (!kinds.Contains(kind))
            {
                error = $"unknown locator kind '{kind}' (kinds: {string.Join(", ", kinds)}; a site adds its own in site.yml's locatorKinds)";
                return false;
            }
            PageRange? pages = null;
            switch (kind)
            {
                case "page" when PagePattern().IsMatch(value) && Page(value) <= MaxPage:
                    pages = new PageRange(Page(value), Page(value));
                    break;
                case "page":
                    error = $"'page {value}': a page is a whole number from 1 to {MaxPage}, in ASCII digits";
                    return false;
                case "pages":
                    var range = PageRangePattern().Match(value);
                    if (!range.Success || Page(range.Groups["to"].Value) > MaxPage || Page(range.Groups["to"].Value) <= Page(range.Groups["from"].Value))
                    {
                        error = $"'pages {value}': pages are a rising range of whole numbers up to {MaxPage}, such as 'pages 15-16'";
                        return false;
                    }
                    pages = new PageRange(Page(range.Groups["from"].Value), Page(range.Groups["to"].Value));
                    value = $"{range.Groups["from"].Value}–{range.Groups["to"].Value}";
                    break;
                default:
                    if (!NumberingPattern().IsMatch(value))
                    {
                        error = $"'{kind} {value}': expected a number or reference such as 4.1, 2d or 12";
                        return false;
                    }
                    break;
            }
            if (parts.Exists(p => p.Kind == kind))
            {
                error = $"'{kind}' appears twice";
                return false;
            }
            parts.Add(new LocatorPart(kind, value, pages));
        }
        locator = new Locator(parts);
        error = "";
        return true;
    }

    private static int Page(string digits) => int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How the locator reads on the page: "Annex 1, item 12, p. 11".</summary>
    public string Display => string.Join(", ", Parts.Select(p => p.Display));

    public override string ToString() => string.Join(", ", Parts.Select(p => $"{p.Kind} {p.Value.Replace('–', '-')}"));

    public bool Equals(Locator? other) => other is not null && ToString() == other.ToString();

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}

/// <param name="Pages">For a <c>page</c> or <c>pages</c> part, the pages it names.</param>
public sealed record LocatorPart(string Kind, string Value, PageRange? Pages)
{
    public string Display => Kind switch
    {
        "page" => $"p. {Value}",
        "pages" => $"pp. {Value}",
        "section" => $"section {Value}",
        "paragraph" => $"para. {Value}",
        _ => $"{Kind} {Value}",
    };
}
