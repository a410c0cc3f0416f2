namespace Chronology.Loading;

/// <summary>
/// A YAML node that remembers where it stands in its file. We build these from the parser's events (rather than
/// YamlDotNet's representation model) so that duplicate keys are reported, not thrown, and every value has a place.
/// </summary>
internal abstract record YamlNode(int Line, int Column);

internal sealed record YamlScalar(string Value, bool IsPlain, int Line, int Column) : YamlNode(Line, Column)
{
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";
}

internal sealed record YamlSequence(IReadOnlyList<YamlNode> Items, int Line, int Column) : YamlNode(Line, Column);

internal sealed record YamlMapping(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Pairs, int Line, int Column)
    : YamlNode(Line, Column);
