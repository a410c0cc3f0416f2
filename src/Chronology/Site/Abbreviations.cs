using System.Text;
using System.Text.RegularExpressions;
using Chronology.Model;

namespace Chronology.Site;

/// <summary>
/// Expands abbreviations for readers: the first use of each on a page, in the page's main content, becomes
/// <c>&lt;abbr title="Academic Health Science Network"&gt;AHSN&lt;/abbr&gt;</c>. The expansions come from the glossary
/// (content/glossary.yml) and from organisations whose short name or alias is an abbreviation; where these give an
/// abbreviation more than one meaning, the title gives them all.
/// </summary>
public sealed class Abbreviations
{
    private readonly IReadOnlyDictionary<string, string> _titles;
    private readonly Regex? _pattern;

    public Abbreviations(IReadOnlyDictionary<string, string> titles)
    {
        _titles = titles;
        if (titles.Count == 0) return;
        var alternatives = string.Join('|', titles.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).Select(Regex.Escape));
        _pattern = new Regex($"(?<![\\p{{L}}\\p{{N}}&#])(?:{alternatives})(?![\\p{{L}}\\p{{N}}])", RegexOptions.CultureInvariant);
    }

    public static Abbreviations For(Evidence evidence)
    {
        var meanings = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string term, string expansion)
        {
            if (!meanings.TryGetValue(term, out var list)) meanings[term] = list = [];
            if (!list.Contains(expansion, StringComparer.OrdinalIgnoreCase)) list.Add(expansion);
        }
        var glossary = evidence.Glossary.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        foreach (var term in evidence.Glossary) Add(term.Term, term.Expansion);
        foreach (var organisation in evidence.Organisations)
        {
            foreach (var name in organisation.Aliases.Prepend(organisation.ShortName ?? ""))
            {
                // The glossary has the last word on a term it lists (HIN: both networks, in its own words).
                if (IsAbbreviation(name) && !glossary.Contains(name)) Add(name, organisation.Name);
            }
        }
        return new Abbreviations(meanings.ToDictionary(m => m.Key, m => string.Join(" or ", m.Value), StringComparer.Ordinal));
    }

    /// <summary>"CQC", "AHSNs", "NHSE": two or more capitals, and nothing but letters and digits.</summary>
    public static bool IsAbbreviation(string text) =>
        text.Length >= 2 && text.All(char.IsAsciiLetterOrDigit) && text.Count(char.IsAsciiLetterUpper) >= 2 && text.Where(char.IsAsciiLetterLower).All(c => c == 's');

    /// <summary>What an abbreviation stands for, or null.</summary>
    public string? TitleOf(string term) => _titles.GetValueOrDefault(term);

    /// <summary>
    /// The page with each abbreviation's first use in <c>&lt;main&gt;</c> expanded. Only text is touched: never
    /// markup, attributes, or text inside an existing <c>abbr</c>, a script, <c>code</c> or <c>pre</c>.
    /// </summary>
    public string Expand(string html)
    {
        if (_pattern is null) return html;
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.LastIndexOf("</main>", StringComparison.Ordinal);
        if (start < 0 || end < start) return html;

        var done = new HashSet<string>(StringComparer.Ordinal);
        var output = new StringBuilder(html.Length + 512);
        output.Append(html, 0, start);
        var skipDepth = 0;
        var i = start;
        while (i < end)
        {
            if (html[i] == '<')
            {
                var close = html.IndexOf('>', i);
                if (close < 0 || close > end) break;
                var tag = html.AsSpan(i + 1, close - i - 1);
                var isEnd = tag.StartsWith("/");
                var name = TagName(isEnd ? tag[1..] : tag);
                if (name is "abbr" or "script" or "code" or "pre" or "style" or "textarea" or "title" or "svg")
                    skipDepth = Math.Max(0, skipDepth + (isEnd ? -1 : 1));
                output.Append(html, i, close + 1 - i);
                i = close + 1;
                continue;
            }
            var next = html.IndexOf('<', i);
            if (next < 0 || next > end) next = end;
            var text = html[i..next];
            output.Append(skipDepth > 0 ? text : _pattern.Replace(text, m =>
                done.Add(m.Value) ? $"<abbr title=\"{System.Net.WebUtility.HtmlEncode(_titles[m.Value])}\">{m.Value}</abbr>" : m.Value));
            i = next;
        }
        output.Append(html, i, html.Length - i);
        return output.ToString();
    }

    private static string TagName(ReadOnlySpan<char> tag)
    {
        var length = 0;
        while (length < tag.Length && char.IsAsciiLetterOrDigit(tag[length])) length++;
        return tag[..length].ToString().ToLowerInvariant();
    }
}
