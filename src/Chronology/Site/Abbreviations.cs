using Chronology.Model;

namespace Chronology.Site;

/// <summary>
/// Expands abbreviations for readers: the first use of each on a page, in the page's main content, becomes
/// <c>&lt;abbr title="Academic Health Science Network"&gt;AHSN&lt;/abbr&gt;</c>. The expansions come from the glossary
/// (content/glossary.yml) and from organisations whose short name or alias is an abbreviation; where these give an
/// abbreviation more than one meaning, the title gives them all.
/// </summary>
public sealed class Abbreviations : IFingerprinted
{
    private readonly IReadOnlyDictionary<string, string> _titles;
    private readonly Dictionary<char, string[]>? _byFirstCharacter; // the terms by their first character, longest first

    public Abbreviations(IReadOnlyDictionary<string, string> titles)
    {
        _titles = titles;
        if (titles.Count == 0) return;
        _byFirstCharacter = titles.Keys.Where(k => k.Length > 0).GroupBy(k => k[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).ToArray());
    }

    /// <summary>
    /// Where the next term stands in <paramref name="text"/> at or after <paramref name="from"/>, or -1: a term is found
    /// only as a whole word (no letter, digit, or the <c>&amp;</c> or <c>#</c> of a character reference just before
    /// it; no letter or digit just after it), and where two terms start at one place, the longer.
    /// </summary>
    internal int Find(ReadOnlySpan<char> text, int from, out int length)
    {
        length = 0;
        if (_byFirstCharacter is null) return -1;
        for (var at = from; at < text.Length; at++)
        {
            if (at > 0 && (IsWordCharacter(text[at - 1]) || text[at - 1] is '&' or '#')) continue;
            if (!_byFirstCharacter.TryGetValue(text[at], out var terms)) continue;
            foreach (var term in terms)
            {
                var end = at + term.Length;
                if (!text[at..].StartsWith(term, StringComparison.Ordinal) || (end < text.Length && IsWordCharacter(text[end]))) continue;
                length = term.Length;
                return at;
            }
        }
        return -1;
    }

    private static bool IsWordCharacter(char c) => char.IsLetter(c) || char.IsNumber(c);

    /// <summary>What the expansion of every page depends on: each abbreviation and its title (the pattern is made from them).</summary>
    public void AddTo(Fingerprint fingerprint) => fingerprint.Add(_titles);

    public static Abbreviations For(Evidence evidence)
    {
        var meanings = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string term, string expansion)
        {
            if (!meanings.TryGetValue(term, out var list)) meanings[term] = list = [];
            if (!list.Contains(expansion, StringComparer.OrdinalIgnoreCase)) list.Add(expansion);
        }
        var glossary = evidence.Glossary.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        foreach (var term in evidence.Glossary)
        {
            if (term.Expansion is { } expansion) Add(term.Term, expansion); // one the documents never spell out stays as it is
        }
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
        if (_byFirstCharacter is null) return html;
        var page = Start();
        return string.Concat(page.Next(html.AsMemory()).Span, page.Finish().Span);
    }

    /// <summary>An expansion of one page that is given its HTML in parts, in order (<see cref="Expander"/>).</summary>
    public Expander Start() => new(this);

    /// <summary>
    /// Expands a page given in parts: what it returns for the parts, joined, is what <see cref="Expand"/> returns for
    /// the whole. Text after a part's last tag, and a tag a part cuts off, wait for the next part, so a word is
    /// never matched in pieces.
    /// <para>
    /// Nothing is copied that need not be: what it returns is the part itself, or a slice of it, when the part has no
    /// abbreviation to expand, and otherwise the expanded text in a buffer of its own, used again for the next part
    /// (a page's parts can be hundreds of kilobytes each). So what it returns is good until it is called again, and
    /// an expander can be used for one page after another (<see cref="Reset"/>).
    /// </para>
    /// </summary>
    public sealed class Expander(Abbreviations abbreviations)
    {
        private readonly HashSet<string> _done = new(StringComparer.Ordinal);
        private readonly List<(int From, int To, string Abbr)> _output = [];
        private char[] _buffer = [];
        private string _carry = "";
        private int _skipDepth;
        private int _where; // 0 before <main>, 1 inside it, 2 after </main>

        /// <summary>Starts another page, keeping only the buffer.</summary>
        public void Reset()
        {
            _done.Clear();
            _carry = "";
            _skipDepth = 0;
            _where = 0;
        }

        /// <summary>
        /// What of the page can be written once <paramref name="part"/> has come (it may keep a little back): good
        /// until the next call, as is <paramref name="part"/>, which it may return a slice of.
        /// </summary>
        public ReadOnlyMemory<char> Next(ReadOnlyMemory<char> part)
        {
            if (abbreviations._byFirstCharacter is null || _where == 2) return part;
            var whole = _carry.Length > 0 ? string.Concat(_carry, part.Span).AsMemory() : part;
            var html = whole.Span;
            _carry = "";
            var output = _output; // filled at the first change: until then, html[..copied] is the output
            output.Clear();
            var copied = 0;
            var end = html.Length; // where the output stops: a carry starts there
            var i = 0;
            while (i < html.Length && _where != 2)
            {
                if (html[i] == '<')
                {
                    var close = html[i..].IndexOf('>');
                    if (close < 0)
                    {
                        end = i;
                        break;
                    }
                    close += i;
                    var tag = html.Slice(i + 1, close - i - 1);
                    var isEnd = tag.StartsWith("/");
                    var name = TagName(isEnd ? tag[1..] : tag);
                    if (_where == 0) _where = !isEnd && Is(name, "main") ? 1 : 0;
                    else if (isEnd && Is(name, "main")) _where = 2;
                    else if (IsSkipped(name)) _skipDepth = Math.Max(0, _skipDepth + (isEnd ? -1 : 1));
                    i = close + 1;
                    continue;
                }
                var next = html[i..].IndexOf('<');
                if (next < 0 && _where == 1)
                {
                    end = i;
                    break;
                }
                next = next < 0 ? html.Length : i + next;
                if (_where == 1 && _skipDepth == 0)
                {
                    var text = html[i..next];
                    for (var at = abbreviations.Find(text, 0, out var length); at >= 0; at = abbreviations.Find(text, at + length, out length))
                    {
                        var word = text.Slice(at, length);
                        if (!_done.GetAlternateLookup<ReadOnlySpan<char>>().Add(word)) continue;
                        output.Add((copied, i + at, $"<abbr title=\"{System.Net.WebUtility.HtmlEncode(abbreviations._titles[word.ToString()])}\">{word}</abbr>"));
                        copied = i + at + length;
                    }
                }
                i = next;
            }
            if (end < html.Length) _carry = html[end..].ToString();
            if (output.Count == 0) return whole[..end];
            output.Add((copied, end, ""));
            var total = 0;
            foreach (var (from, to, abbr) in output) total += to - from + abbr.Length;
            if (_buffer.Length < total) _buffer = new char[Math.Max(total, _buffer.Length * 2)];
            var target = _buffer.AsSpan();
            foreach (var (from, to, abbr) in output)
            {
                html[from..to].CopyTo(target);
                abbr.AsSpan().CopyTo(target[(to - from)..]);
                target = target[(to - from + abbr.Length)..];
            }
            return _buffer.AsMemory(0, total);
        }

        private static bool Is(ReadOnlySpan<char> name, string expected) => name.Equals(expected, StringComparison.OrdinalIgnoreCase);

        private static bool IsSkipped(ReadOnlySpan<char> name) =>
            Is(name, "abbr") || Is(name, "script") || Is(name, "code") || Is(name, "pre") || Is(name, "style") || Is(name, "textarea") || Is(name, "title") || Is(name, "svg");

        /// <summary>What was kept back, once the page has no more parts.</summary>
        public ReadOnlyMemory<char> Finish()
        {
            var rest = _carry;
            _carry = "";
            return rest.AsMemory();
        }
    }

    private static ReadOnlySpan<char> TagName(ReadOnlySpan<char> tag)
    {
        var length = 0;
        while (length < tag.Length && char.IsAsciiLetterOrDigit(tag[length])) length++;
        return tag[..length];
    }
}
