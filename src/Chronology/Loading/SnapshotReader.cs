using System.Text;
using System.Text.RegularExpressions;
using Chronology.Diagnostics;
using Chronology.Model;

namespace Chronology.Loading;

/// <summary>
/// A snapshot file: front matter (title, publisher, url, note) and the archived text. A line that is exactly
/// <c>[page N]</c> marks where page N begins, and one that is exactly <c>[document X]</c> (X as a locator writes it:
/// <c>1</c>, <c>2d</c>) where document X of a bundle begins; marker lines are not part of the text.
/// </summary>
internal static partial class SnapshotReader
{
    // The allowed keys are internal so that SchemaTests can hold docs/schemas/ to them: change both together.
    internal static readonly string[] Keys = ["title", "publisher", "url", "note"];

    [GeneratedRegex(@"\A\[page (?<n>[1-9][0-9]*)\]\z")]
    private static partial Regex PageMarker();

    [GeneratedRegex(@"\A\[document (?<id>" + Locator.Numbering + @")\]\z")]
    private static partial Regex DocumentMarker();

    public static Snapshot? Read(string id, string text, string file, DiagnosticBag diagnostics)
    {
        if (FrontMatter.Read(text, file, diagnostics,
                "a snapshot must start with '---', its header (title, publisher, url, note), and a closing '---'") is not ({ } frontMatter, { } mapping)) return null;
        var fields = new FieldReader(mapping, file, diagnostics, Keys);
        var title = fields.Text("title", required: true);
        var publisher = fields.Text("publisher", required: true);
        var url = fields.Text("url");
        var note = fields.Text("note", required: true);

        var body = new StringBuilder();
        var pages = new List<PageStart>();
        var documents = new List<DocumentStart>();
        var documentLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = RawBody(text).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var document = DocumentMarker().Match(lines[i].Trim());
            if (document.Success)
            {
                var documentId = document.Groups["id"].Value;
                if (documentLines.TryGetValue(documentId, out var first))
                {
                    diagnostics.Error(DiagnosticCodes.InvalidValue, file, frontMatter.BodyLine + i, 1,
                        $"document markers must not repeat: [document {documentId}] is already on line {first}");
                    continue;
                }
                documentLines[documentId] = frontMatter.BodyLine + i;
                documents.Add(new DocumentStart(body.Length, documentId));
                continue;
            }
            var marker = PageMarker().Match(lines[i].Trim());
            if (marker.Success)
            {
                var digits = marker.Groups["n"].Value;
                if (digits.Length > 6 || int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) > Locator.MaxPage)
                {
                    diagnostics.Error(DiagnosticCodes.InvalidValue, file, frontMatter.BodyLine + i, 1,
                        $"[page {digits}]: a page marker's number is at most {Locator.MaxPage}");
                    continue;
                }
                var page = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
                if (pages.Count > 0 && page <= pages[^1].Page)
                    diagnostics.Error(DiagnosticCodes.InvalidValue, file, frontMatter.BodyLine + i, 1,
                        $"page markers must rise: [page {page}] follows [page {pages[^1].Page}]");
                pages.Add(new PageStart(body.Length, page));
                continue;
            }
            body.Append(lines[i]).Append('\n');
        }
        if (title is null || publisher is null || note is null) return null;
        return new Snapshot(id, title, publisher, url, note, body.ToString(), pages, documents, fields.Location);
    }

    // The body exactly as written (FrontMatter.Split trims blank lines, which would shift nothing we use, but
    // quotes are checked against the text as archived, so keep it whole).
    /// <summary>The text after the header's closing <c>---</c> line, as it stands (its line numbers are the file's, less the header's).</summary>
    private static string RawBody(string text)
    {
        // Found in place, not by splitting the text into lines and joining them again: an archived text is long.
        for (var start = text.IndexOf('\n') + 1; start > 0;)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            if (text.AsSpan(start, end - start).TrimEnd().SequenceEqual("---")) return newline < 0 ? "" : text[(newline + 1)..];
            if (newline < 0) break;
            start = newline + 1;
        }
        return text; // no closing line (the header could not have been read)
    }
}
