using System.Text;

namespace Chronology.Model;

/// <summary>
/// How content files write the values of a closed vocabulary (an enum the generator fixes, which site.yml cannot
/// extend): the member's name in kebab case, so <c>ActionTaken</c> is written <c>action-taken</c>. The one place
/// those words are mapped to values and back.
/// </summary>
public static class Spelling
{
    public static string Of<T>(T value) where T : struct, Enum => Words<T>.ByValue[value];

    public static string? Of<T>(T? value) where T : struct, Enum => value is { } known ? Of(known) : null;

    /// <summary>Every word of the vocabulary, in the enum's order: for messages and the schemas.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Words<T>.InOrder;

    public static bool TryParse<T>(string word, out T value) where T : struct, Enum => Words<T>.ByWord.TryGetValue(word, out value);

    private static class Words<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, string> ByValue = Enum.GetValues<T>().ToDictionary(v => v, v => Kebab(v.ToString()));

        public static readonly IReadOnlyList<string> InOrder = [.. Enum.GetValues<T>().Select(v => ByValue[v])];

        public static readonly Dictionary<string, T> ByWord = ByValue.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }

    private static string Kebab(string name)
    {
        var word = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterUpper(c) && word.Length > 0) word.Append('-');
            word.Append(char.ToLowerInvariant(c));
        }
        return word.ToString();
    }
}
