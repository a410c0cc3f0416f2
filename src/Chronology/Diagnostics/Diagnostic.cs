namespace Chronology.Diagnostics;

/// <summary>One problem found by any step, with the place a maintainer must go to fix it.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string File, int Line, int Column, string Message)
{
    public override string ToString()
    {
        var severity = Severity == Severity.Error ? "error" : "warning";
        return $"{File}:{Line}:{Column}: {severity} {Code}: {Message}";
    }
}
