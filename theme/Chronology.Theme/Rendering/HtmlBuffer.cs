using System.Text;

namespace Chronology.Theme;

/// <summary>
/// Where a render writes its HTML: one buffer, grown to the largest page it has held and used again for the next,
/// so a page is never built up in pieces and copied into a string of its own before it is expanded and written.
/// </summary>
internal sealed class HtmlBuffer : TextWriter
{
    private char[] _chars = new char[1 << 14];
    private int _length;

    public override Encoding Encoding => Encoding.Unicode;

    /// <summary>What has been written since the last <see cref="Clear"/>: good until the buffer is written to again.</summary>
    public ReadOnlyMemory<char> Written => _chars.AsMemory(0, _length);

    public void Clear() => _length = 0;

    public override void Write(char value)
    {
        Reserve(1);
        _chars[_length++] = value;
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> value)
    {
        Reserve(value.Length);
        value.CopyTo(_chars.AsSpan(_length));
        _length += value.Length;
    }

    private void Reserve(int more)
    {
        if (_length + more > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + more));
    }
}
