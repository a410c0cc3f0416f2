using System.Globalization;
using Chronology.Diagnostics;
using Chronology.Model;

namespace Chronology.Loading;

/// <summary>
/// Typed, located access to one YAML mapping. Creating it reports unknown keys; each getter reports a missing
/// required field or a value of the wrong kind, and returns null so that loading can go on and find more problems.
/// </summary>
internal sealed class FieldReader
{
    private readonly Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> _fields = new(StringComparer.Ordinal);
    private readonly YamlMapping _mapping;
    private readonly string _file;
    private readonly DiagnosticBag _diagnostics;

    /// <summary>The fields of a whole YAML file (one mapping), or null where it is not one (reported at its place).</summary>
    public static FieldReader? OfYamlFile(string text, string file, DiagnosticBag diagnostics, params string[] allowedKeys) =>
        YamlDocumentReader.ReadMapping(text, file, 0, diagnostics) is { } mapping ? new FieldReader(mapping, file, diagnostics, allowedKeys) : null;

    public FieldReader(YamlMapping mapping, string file, DiagnosticBag diagnostics, params string[] allowedKeys)
    {
        _mapping = mapping;
        _file = file;
        _diagnostics = diagnostics;
        foreach (var pair in mapping.Pairs)
        {
            if (Array.IndexOf(allowedKeys, pair.Key.Value) < 0)
            {
                var hint = Suggestions.Closest(pair.Key.Value, allowedKeys);
                diagnostics.Error(DiagnosticCodes.UnknownKey, file, pair.Key.Line, pair.Key.Column,
                    $"unknown key '{pair.Key.Value}'" + (hint is null ? $" (allowed: {string.Join(", ", allowedKeys)})" : $"; did you mean '{hint}'?"));
                continue;
            }
            _fields[pair.Key.Value] = pair;
        }
    }

    public ContentLocation Location => new(_file, _mapping.Line, _mapping.Column);

    public ContentLocation LocationOf(string key) =>
        _fields.TryGetValue(key, out var pair) ? new(_file, pair.Value.Line, pair.Value.Column) : Location;

    public bool Has(string key) => _fields.TryGetValue(key, out var pair) && pair.Value is not YamlScalar { IsNull: true };

    public string? Text(string key, bool required = false)
    {
        var scalar = Scalar(key, required);
        if (scalar is null) return null;
        var value = scalar.Value.Trim();
        if (value.Length == 0)
        {
            if (required) Missing(key);
            return null;
        }
        return value;
    }

    /// <summary>A word of a closed vocabulary (as <see cref="Spelling"/> writes it); any other word is an unknown <paramref name="what"/>.</summary>
    public T? Word<T>(string key, string what, bool required = false, string hint = "") where T : struct, Enum =>
        Word<T>(key, Text(key, required), what, hint);

    /// <summary><see cref="Word{T}(string, string, bool, string)"/> for a word already read with <see cref="Text"/>, where its absence matters too.</summary>
    public T? Word<T>(string key, string? word, string what, string hint = "") where T : struct, Enum
    {
        if (word is null) return null;
        if (Spelling.TryParse<T>(word, out var value)) return value;
        Invalid(key, $"unknown {what} '{word}' (one of: {string.Join(", ", Spelling.All<T>())}){hint}");
        return null;
    }

    public int? Integer(string key, int min, int max)
    {
        var scalar = Scalar(key, required: false);
        if (scalar is null) return null;
        if (!scalar.IsPlain || !int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Invalid(scalar, $"'{Key(scalar)}' must be a whole number from {min} to {max}, not '{scalar.Value}'");
            return null;
        }
        return value;
    }

    public decimal? Decimal(string key)
    {
        var scalar = Scalar(key, required: false);
        if (scalar is null) return null;
        if (!scalar.IsPlain || !decimal.TryParse(scalar.Value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Invalid(scalar, $"'{Key(scalar)}' must be a plain number such as 6000 or 0.6, not '{scalar.Value}'");
            return null;
        }
        return value;
    }

    public bool? Boolean(string key)
    {
        var scalar = Scalar(key, required: false);
        if (scalar is null) return null;
        if (scalar.IsPlain && scalar.Value is "true" or "false") return scalar.Value == "true";
        Invalid(scalar, $"'{Key(scalar)}' must be true or false, not '{scalar.Value}'");
        return null;
    }

    public IReadOnlyList<int> IntegerList(string key, int min, int max)
    {
        var values = new List<int>();
        foreach (var (text, location) in TextList(key))
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) values.Add(value);
            else _diagnostics.Error(DiagnosticCodes.InvalidValue, location, $"each item of '{key}' must be a whole number from {min} to {max}, not '{text}'");
        }
        return values;
    }

    public ContentRef? Ref(string key, bool required = false)
    {
        var text = Text(key, required);
        return text is null ? null : new ContentRef(text, LocationOf(key));
    }

    public IReadOnlyList<ContentRef> RefList(string key) => [.. TextList(key).Select(t => new ContentRef(t.Value, t.Location))];

    /// <summary>A quoted field: its words with white space collapsed as a reader sees them.</summary>
    public QuotedText? Quoted(string key, bool required = false)
    {
        var text = Text(key, required);
        return text is null ? null : new QuotedText(ValueReaders.CollapseWhitespace(text), LocationOf(key));
    }

    public IReadOnlyList<QuotedText> QuotedList(string key) =>
        [.. TextList(key).Select(t => new QuotedText(ValueReaders.CollapseWhitespace(t.Value), t.Location))];

    public IReadOnlyList<(string Value, ContentLocation Location)> TextList(string key)
    {
        if (!_fields.TryGetValue(key, out var pair) || pair.Value is YamlScalar { IsNull: true }) return [];
        if (pair.Value is not YamlSequence sequence)
        {
            Invalid(pair.Value, $"'{key}' must be a list, e.g. [a, b]");
            return [];
        }
        var values = new List<(string, ContentLocation)>();
        foreach (var item in sequence.Items)
        {
            if (item is YamlScalar { IsNull: false } scalar && scalar.Value.Trim().Length > 0)
                values.Add((scalar.Value.Trim(), new(_file, scalar.Line, scalar.Column)));
            else
                Invalid(item, $"each item of '{key}' must be non-empty text");
        }
        return values;
    }

    public IReadOnlyList<YamlMapping> MappingList(string key, bool required)
    {
        if (!_fields.TryGetValue(key, out var pair) || pair.Value is YamlScalar { IsNull: true })
        {
            if (required) Missing(key);
            return [];
        }
        if (pair.Value is not YamlSequence sequence)
        {
            Invalid(pair.Value, $"'{key}' must be a list of mappings");
            return [];
        }
        if (required && sequence.Items.Count == 0) Invalid(pair.Value, $"'{key}' must have at least one item");
        var mappings = new List<YamlMapping>();
        foreach (var item in sequence.Items)
        {
            if (item is YamlMapping mapping) mappings.Add(mapping);
            else Invalid(item, $"each item of '{key}' must be a mapping (key: value lines)");
        }
        return mappings;
    }

    public void Invalid(string key, string message)
    {
        var location = LocationOf(key);
        _diagnostics.Error(DiagnosticCodes.InvalidValue, location, message);
    }

    public void Error(string code, string key, string message)
    {
        var location = LocationOf(key);
        _diagnostics.Error(code, location, message);
    }

    private YamlScalar? Scalar(string key, bool required)
    {
        if (!_fields.TryGetValue(key, out var pair) || pair.Value is YamlScalar { IsNull: true })
        {
            if (required) Missing(key);
            return null;
        }
        if (pair.Value is YamlScalar scalar) return scalar;
        var hint = pair.Value is YamlMapping && key == "date"
            ? " (a set of dates such as {2019-01,2019-11} must be quoted: \"{2019-01,2019-11}\")"
            : "";
        Invalid(pair.Value, $"'{key}' must be a single value, not a {(pair.Value is YamlSequence ? "list" : "mapping")}{hint}");
        return null;
    }

    private string Key(YamlNode node) => _fields.Values.FirstOrDefault(p => ReferenceEquals(p.Value, node)).Key?.Value ?? "value";

    /// <summary>A required field that is not there (reported where its mapping starts), or is there with no value (at its key).</summary>
    private void Missing(string key)
    {
        if (_fields.TryGetValue(key, out var pair))
            _diagnostics.Error(DiagnosticCodes.MissingField, _file, pair.Key.Line, pair.Key.Column, $"required field '{key}' is empty");
        else
            _diagnostics.Error(DiagnosticCodes.MissingField, _file, _mapping.Line, _mapping.Column, $"missing required field '{key}'");
    }

    private void Invalid(YamlNode node, string message) =>
        _diagnostics.Error(DiagnosticCodes.InvalidValue, _file, node.Line, node.Column, message);
}
