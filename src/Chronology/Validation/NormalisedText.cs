using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Chronology.Model;

namespace Chronology.Validation;

/// <summary>
/// Text reduced to what a quotation must match: Unicode NFKC; curly quotes, apostrophes and dashes made plain;
/// a hyphen between letters dropped (so a word hyphenated across a line break matches it written whole, and
/// either matches it hyphenated), and a hyphen at the end of a line joined to the next (2018-⏎2020 is 2018-2020); every run of white space a single space. A line holding nothing but a number
/// ("11", "3.2") is an extraction's page or paragraph number standing between two halves of a sentence, and is
/// read as white space; a year (1900 to 2099) on a line of its own is not, as it is part of the sentence. A link whose
/// address the extraction lost, written <c>[words](#)</c>, is its words (see <see cref="LinkMarks"/>).
/// <see cref="OriginalIndex"/> maps each character back to the text it came from.
/// </summary>
public sealed partial class NormalisedText
{
    private NormalisedText(string value, int[] originalIndex)
    {
        Value = value;
        OriginalIndex = originalIndex;
    }

    public string Value { get; }

    public int[] OriginalIndex { get; }

    private static readonly ConditionalWeakTable<Snapshot, NormalisedText> Snapshots = new();

    /// <summary>
    /// An archived text, normalised once however many steps of a build look quotes up in it (the quote checks, then
    /// the pages' text-fragment links), and forgotten with its snapshot.
    /// </summary>
    public static NormalisedText Of(Snapshot snapshot) => Snapshots.GetValue(snapshot, s => Of(s.Text));

    public static NormalisedText Of(string text)
    {
        var skip = NumberOnlyLines(text);
        var drop = LinkMarks(text);

        // Pass 1: NFKC and character folding, one source character at a time, remembering where each came from.
        var folded = new StringBuilder(text.Length);
        var origin = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (drop is not null && drop[i]) continue;
            if (char.IsAscii(text[i]) || (skip[i] && !char.IsHighSurrogate(text[i])))
            {
                // ASCII is its own NFKC form: the common case, without making a string of each character.
                if (Fold(skip[i] ? ' ' : text[i]) is { } ascii)
                {
                    folded.Append(ascii);
                    origin.Add(i);
                }
                continue;
            }
            var length = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            var piece = skip[i] ? " " : text.Substring(i, length);
            if (!piece.IsNormalized(NormalizationForm.FormKC)) piece = piece.Normalize(NormalizationForm.FormKC);
            foreach (var c in piece)
            {
                if (Fold(c) is not { } plain) continue;
                folded.Append(plain);
                origin.Add(i);
            }
            i += length - 1;
        }

        // Pass 2: drop hyphens between letters (with any white space after them) and collapse white space.
        var result = new StringBuilder(folded.Length);
        var map = new List<int>(folded.Length);
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (c == '-')
            {
                var j = i + 1;
                var lineBreak = false;
                while (j < folded.Length && char.IsWhiteSpace(folded[j])) lineBreak |= folded[j++] == '\n';
                if (i > 0 && char.IsLetter(folded[i - 1]) && j < folded.Length && char.IsLetter(folded[j]))
                {
                    i = j - 1; // co-designed, co-\ndesigned and codesigned all match
                    continue;
                }
                if (lineBreak && i > 0 && !char.IsWhiteSpace(folded[i - 1]))
                {
                    result.Append('-'); // 2018-\n2020 is 2018-2020
                    map.Add(origin[i]);
                    i = j - 1;
                    continue;
                }
            }
            if (char.IsWhiteSpace(c))
            {
                if (result.Length == 0 || result[^1] == ' ') continue;
                result.Append(' ');
                map.Add(origin[i]);
                continue;
            }
            result.Append(c);
            map.Add(origin[i]);
        }
        if (result.Length > 0 && result[^1] == ' ')
        {
            result.Length--;
            map.RemoveAt(map.Count - 1);
        }
        return new NormalisedText(result.ToString(), [.. map]);
    }

    /// <summary>How many times a passage occurs in this text, both normalised.</summary>
    public int Count(string passage)
    {
        var term = Of(passage).Value;
        if (term.Length == 0) return 0;
        var count = 0;
        for (var at = Value.IndexOf(term, StringComparison.Ordinal); at >= 0; at = Value.IndexOf(term, at + 1, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>
    /// The characters of <c>[words](#)</c> that are not the words: the mark an extraction leaves where a document had a
    /// link and it kept the link's words but not its address ("[Academic Health Science Networks](#)"). The document
    /// shows only the words, so quotations match them and pages show them alone (<see cref="Shown"/>). Null where the
    /// text has none.
    /// </summary>
    public static bool[]? LinkMarks(string text)
    {
        if (!text.Contains("](#)", StringComparison.Ordinal)) return null;
        var marks = new bool[text.Length];
        foreach (System.Text.RegularExpressions.Match link in LinkMark().Matches(text))
        {
            marks[link.Index] = true;
            Array.Fill(marks, true, link.Index + link.Length - 4, 4);
        }
        return marks;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\[[^\[\]]{0,500}\]\(#\)")]
    private static partial System.Text.RegularExpressions.Regex LinkMark();

    private static readonly ConditionalWeakTable<Snapshot, bool[]> Marks = new(); // empty where a text has none

    /// <summary>
    /// The archived text from <paramref name="start"/> to <paramref name="end"/> as a page shows it: without the marks
    /// of links whose address was lost (<see cref="LinkMarks"/>), wherever the stretch begins or ends.
    /// </summary>
    public static string Shown(Snapshot snapshot, int start, int end)
    {
        var marks = Marks.GetValue(snapshot, s => LinkMarks(s.Text) ?? []);
        if (marks.Length == 0 || Array.IndexOf(marks, true, start, end - start) < 0) return snapshot.Text[start..end];
        var shown = new StringBuilder(end - start);
        for (var i = start; i < end; i++)
        {
            if (!marks[i]) shown.Append(snapshot.Text[i]);
        }
        return shown.ToString();
    }

    private static bool[] NumberOnlyLines(string text)
    {
        var skip = new bool[text.Length];
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var line = text.AsSpan(start, end - start).Trim();
            if (line.Length > 0 && IsNumbering(line)) Array.Fill(skip, true, start, end - start);
            start = end + 1;
        }
        return skip;
    }

    private static bool IsNumbering(ReadOnlySpan<char> line)
    {
        foreach (var c in line)
        {
            if (!char.IsAsciiDigit(c) && c != '.') return false;
        }
        return char.IsAsciiDigit(line[0]) && char.IsAsciiDigit(line[^1]) && !IsYear(line);
    }

    /// <summary>1900 to 2099: a year that a table cell has put on a line of its own ("31st March ⏎2020"), part of the sentence.</summary>
    private static bool IsYear(ReadOnlySpan<char> line) =>
        line.Length == 4 && (line.StartsWith("19") || line.StartsWith("20")) && char.IsAsciiDigit(line[2]) && char.IsAsciiDigit(line[3]);

    /// <summary>The plain form of a character, or null for one that is invisible (a soft hyphen).</summary>
    private static char? Fold(char c) => c switch
    {
        '\u00AD' => null,
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' or '\u00B4' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        _ when CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator => ' ',
        _ => c,
    };
}
