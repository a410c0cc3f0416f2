namespace Chronology.Diagnostics;

/// <summary>Text as a message shows it.</summary>
public static class DiagnosticText
{
    /// <summary>Control characters written as U+XXXX, so a message never carries one.</summary>
    public static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString()));
}
