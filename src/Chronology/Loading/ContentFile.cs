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
        return new string(chars, 0, charsWritten).Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
