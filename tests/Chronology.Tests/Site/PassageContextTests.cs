using System.Text.RegularExpressions;
using Chronology.Site;

namespace Chronology.Tests.Site;

/// <summary>
/// A passage's context is read line by line outwards from the passage, not from the whole text; the words must be
/// those a reading of the whole text finds: the text before (or after) the passage, marker lines left out, split
/// at white space. Checked at every word boundary of texts with marker lines, long lines and awkward white space.
/// </summary>
public class PassageContextTests
{
    private static readonly Regex MarkerLine = new(@"^\[(page [1-9][0-9]*|document [0-9a-z]+)\][ \t]*$", RegexOptions.Multiline);

    public static TheoryData<string> Texts() =>
    [
        "[page 1]\none two three\n[page 2]\nfour five\n\n six\t seven [page 3] eight\n[document a1]  \nnine ten",
        string.Join(' ', Enumerable.Range(1, 200).Select(i => "w" + i)), // one long line
        string.Join('\n', Enumerable.Range(1, 120).Select(i => i % 7 == 0 ? $"[page {i}]" : $"word{i} and{i}")),
        "[page 1]", "\n\n", "a", "[page 1]x\n[page 2] \r\ny [page 3]\n[ page 4]\n[page 05]",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_words_around_every_place_are_the_whole_texts_words(string text)
    {
        for (var at = 0; at <= text.Length; at++)
        {
            var before = Whole(text[..at]);
            var after = Whole(text[at..]);
            Assert.Equal(before.TakeLast(PassageIndex.ContextWords + 1), PassageIndex.WordsBefore(text, at).Select(r => text[r]));
            Assert.Equal(after.Take(PassageIndex.ContextWords + 1), PassageIndex.WordsAfter(text, at).Select(r => text[r]));
        }
    }

    private static string[] Whole(string text) => MarkerLine.Replace(text, " ").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
