namespace Chronology.Diagnostics;

/// <summary>The one list every step adds to; a run reports all of it at the end.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    /// <summary>When set (<c>--warnings-as-errors</c>), every warning is recorded as an error and fails the run.</summary>
    public bool WarningsAsErrors { get; init; }

    public void Error(string code, string file, int line, int column, string message) =>
        _items.Add(new Diagnostic(Severity.Error, code, file, line, column, message));

    public void Warning(string code, string file, int line, int column, string message) =>
        _items.Add(new Diagnostic(WarningsAsErrors ? Severity.Error : Severity.Warning, code, file, line, column, message));

    /// <summary>An error at a place in the content.</summary>
    public void Error(string code, Model.ContentLocation at, string message) => Error(code, at.File, at.Line, at.Column, message);

    /// <summary>A warning at a place in the content.</summary>
    public void Warning(string code, Model.ContentLocation at, string message) => Warning(code, at.File, at.Line, at.Column, message);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>Diagnostics in a stable order: by file, then position, then code.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        [.. _items.OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line).ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)];
}
