using Chronology.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Chronology.Loading;

/// <summary>Reads one YAML document into located nodes, reporting syntax errors and duplicate keys.</summary>
internal static class YamlDocumentReader
{
    /// <summary>How deep mappings and lists may nest: far beyond any content file, far short of the stack's limit.</summary>
    public const int MaxDepth = 64;

    private sealed class TooDeepException(Mark start) : Exception
    {
        public Mark Start { get; } = start;
    }

    /// <param name="lineOffset">Lines before the YAML text in its file (front matter starts on line 2).</param>
    public static YamlMapping? ReadMapping(string yaml, string file, int lineOffset, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(yaml));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                diagnostics.Error(DiagnosticCodes.MalformedYaml, file, lineOffset + 1, 1, "the YAML is empty; expected a mapping of keys to values");
                return null;
            }
            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, file, lineOffset, diagnostics, 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                var next = parser.Current!;
                diagnostics.Error(DiagnosticCodes.MalformedYaml, file, (int)next.Start.Line + lineOffset, (int)next.Start.Column,
                    "only one YAML document is allowed here");
                return null;
            }
            if (root is YamlMapping mapping) return mapping;
            if (root is YamlScalar { IsNull: true })
            {
                diagnostics.Error(DiagnosticCodes.MalformedYaml, file, lineOffset + 1, 1, "the YAML is empty; expected a mapping of keys to values");
                return null;
            }
            diagnostics.Error(DiagnosticCodes.MalformedYaml, file, root.Line, root.Column, "expected a mapping of keys to values at the top level");
            return null;
        }
        catch (TooDeepException e)
        {
            diagnostics.Error(DiagnosticCodes.NestingTooDeep, file, (int)e.Start.Line + lineOffset, (int)e.Start.Column,
                $"the YAML nests lists and mappings more than {MaxDepth} levels deep");
            return null;
        }
        catch (YamlException e)
        {
            var (line, column) = ((int)e.Start.Line, (int)e.Start.Column);
            // YamlDotNet names the token before a tab; the tab itself is what the writer must find.
            if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && TabAtOrAfter(yaml, line) is { } tab) (line, column) = tab;
            diagnostics.Error(DiagnosticCodes.MalformedYaml, file, line + lineOffset, column, Describe(e));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner gives up without a position on some malformed input (an unclosed flow
            // sequence, a tag that is not a URI); the last event it did read is the nearest place we can honestly name.
            var last = parser.Current?.End;
            var line = last is null ? lineOffset + 1 : (int)last.Value.Line + lineOffset;
            var column = last is null ? 1 : (int)last.Value.Column;
            diagnostics.Error(DiagnosticCodes.MalformedYaml, file, line, column,
                "the YAML is malformed after this point (an unclosed [ or { or quote?)");
            return null;
        }
    }

    /// <summary>The first tab on or after a line (1-based line and column), if any.</summary>
    private static (int Line, int Column)? TabAtOrAfter(string yaml, int fromLine)
    {
        var lines = yaml.Split('\n');
        for (var i = Math.Max(0, fromLine - 1); i < lines.Length; i++)
        {
            var at = lines[i].IndexOf('\t');
            if (at >= 0) return (i + 1, at + 1);
        }
        return null;
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes messages with the position, which we already report.
        var message = e.Message;
        var closing = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line", StringComparison.Ordinal) && closing > 0) message = message[(closing + 3)..];
        return message;
    }

    private static YamlNode ReadNode(IParser parser, string file, int lineOffset, DiagnosticBag diagnostics, int depth)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of YAML");
        if (depth > MaxDepth) throw new TooDeepException(current.Start);
        if (current is NodeEvent { Tag.IsEmpty: false } tagged)
            throw new YamlException(current.Start, current.End, $"YAML tags ({tagged.Tag}) are not allowed in content: write the value plainly");
        var line = (int)current.Start.Line + lineOffset;
        var column = (int)current.Start.Column;
        switch (current)
        {
            case Scalar scalar:
                parser.MoveNext();
                return new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, line, column);

            case SequenceStart:
                {
                    parser.MoveNext();
                    var items = new List<YamlNode>();
                    while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadNode(parser, file, lineOffset, diagnostics, depth + 1));
                    return new YamlSequence(items, line, column);
                }

            case MappingStart:
                {
                    parser.MoveNext();
                    var pairs = new List<KeyValuePair<YamlScalar, YamlNode>>();
                    Dictionary<string, YamlScalar>? seen = null; // the keys so far, once there are many: a few are searched

                    while (!parser.TryConsume<MappingEnd>(out _))
                    {
                        var keyNode = ReadNode(parser, file, lineOffset, diagnostics, depth + 1);
                        var value = ReadNode(parser, file, lineOffset, diagnostics, depth + 1);
                        if (keyNode is not YamlScalar key)
                        {
                            diagnostics.Error(DiagnosticCodes.MalformedYaml, file, keyNode.Line, keyNode.Column, "a key must be plain text");
                            continue;
                        }
                        if (FirstWithKey(pairs, seen, key.Value) is { } first)
                        {
                            diagnostics.Error(DiagnosticCodes.DuplicateKey, file, key.Line, key.Column,
                                $"duplicate key '{key.Value}' (first at line {first.Line})");
                            continue;
                        }
                        pairs.Add(new(key, value));
                        if (seen is not null) seen.Add(key.Value, key);
                        else if (pairs.Count > ManyKeys) seen = pairs.ToDictionary(p => p.Key.Value, p => p.Key, StringComparer.Ordinal);
                    }
                    return new YamlMapping(pairs, line, column);
                }

            case AnchorAlias:
                throw new YamlException(current.Start, current.End, "YAML aliases (*name) are not allowed in content");

            default:
                throw new YamlException(current.Start, current.End, $"unexpected YAML {current.GetType().Name}");
        }
    }

    /// <summary>Past this many keys a mapping's keys are looked up in a dictionary; below it, searched.</summary>
    private const int ManyKeys = 16;

    private static YamlScalar? FirstWithKey(List<KeyValuePair<YamlScalar, YamlNode>> pairs, Dictionary<string, YamlScalar>? seen, string key)
    {
        if (seen is not null) return seen.GetValueOrDefault(key);
        foreach (var pair in pairs)
        {
            if (pair.Key.Value == key) return pair.Key;
        }
        return null;
    }
}
