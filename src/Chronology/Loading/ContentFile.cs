using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Chronology.Diagnostics;

namespace Chronology.Loading;

/// <summary>Reads a content file as strict UTF-8 with LF line endings.</summary>
internal static class ContentFile
{
    public static string? ReadText(string path, string displayPath, DiagnosticBag diagnostics)
    {
        var bytes = File.ReadAllBytes(path);
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];

        if (Utf8.IsValid(span))
        {
            var decoded = Encoding.UTF8.GetString(span).Replace("\r\n", "\n", StringComparison.Ordinal);
            return RefuseControlCharacters(decoded, displayPath, diagnostics) ? null : decoded;
        }
        var chars = new char[span.Length];
        var status = Utf8.ToUtf16(span, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            var before = span[..bytesRead];
            var line = before.Count((byte)'\n') + 1;
            var lineStart = before.LastIndexOf((byte)'\n') + 1;
            var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
            diagnostics.Error(DiagnosticCodes.NotUtf8, displayPath, line, column,
                $"the file is not valid UTF-8 (byte 0x{span[bytesRead]:X2} at offset {bytesRead + (bytes.Length - span.Length)}); save it as UTF-8");
            return null;
        }
        var text = new string(chars, 0, charsWritten).Replace("\r\n", "\n", StringComparison.Ordinal);
        return RefuseControlCharacters(text, displayPath, diagnostics) ? null : text;
    }

    /// <summary>
    /// A control character other than tab and line feed (U+0000–U+001F, U+007F–U+009F) has no place in content: no
    /// page can show it, XML feeds cannot hold it, and it hides text from reviewers. Reported at its place.
    /// </summary>
    private static bool RefuseControlCharacters(string text, string displayPath, DiagnosticBag diagnostics)
    {
        var found = false;
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
                continue;
            }
            if (c == '\t' || !(c < ' ' || (c >= '\u007F' && c <= '\u009F'))) continue;
            diagnostics.Error(DiagnosticCodes.InvalidValue, displayPath, line, i - lineStart + 1,
                $"the control character U+{(int)c:X4} cannot appear in content; remove it (a line ending other than LF or CRLF counts too)");
            found = true;
            if (diagnostics.Items.Count(d => d.File == displayPath) >= 20) break; // enough to find them all
        }
        return found;
    }
}
