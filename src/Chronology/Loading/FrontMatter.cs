using Chronology.Diagnostics;

namespace Chronology.Loading;

/// <summary>An entry file split into its YAML front matter and Markdown body.</summary>
internal sealed record FrontMatter(string Yaml, string Body, int BodyLine)
{
    /// <summary>The YAML starts on line 2 of the file, after the opening <c>---</c>.</summary>
    public const int YamlLineOffset = 1;

    public static FrontMatter? Split(string text)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal)) return null;
        // Line by line in place: an archived text's body is thousands of lines, and only the two parts are needed.
        for (var (i, start) = (1, 4); start <= text.Length; i++)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            if (text.AsSpan(start, end - start).TrimEnd().SequenceEqual("---"))
            {
                var yaml = start > 4 ? text[4..(start - 1)] : "";
                // The body without the blank lines around it, cut out once (an archived text is tens of kilobytes).
                var rest = newline < 0 ? text.Length : newline + 1;
                var (first, last) = (rest, text.Length);
                while (first < last && text[first] == '\n') first++;
                while (last > first && text[last - 1] == '\n') last--;
                // BodyLine is the file line the body's first line stands on, so positions inside the body map back to the file.
                return new FrontMatter(yaml, text[first..last], i + 2 + (first - rest));
            }
            if (newline < 0) break;
            start = newline + 1;
        }
        return null;
    }

    /// <summary>
    /// Splits a file into front matter and body and parses the front matter, or reports why it cannot:
    /// <paramref name="shape"/> tells the writer what the file should look like.
    /// </summary>
    public static (FrontMatter FrontMatter, YamlMapping Mapping)? Read(string text, string file, DiagnosticBag diagnostics, string shape)
    {
        var frontMatter = Split(text);
        if (frontMatter is null)
        {
            diagnostics.Error(DiagnosticCodes.MissingFrontMatter, file, 1, 1, shape);
            return null;
        }
        var mapping = YamlDocumentReader.ReadMapping(frontMatter.Yaml, file, YamlLineOffset, diagnostics);
        return mapping is null ? null : (frontMatter, mapping);
    }
}
