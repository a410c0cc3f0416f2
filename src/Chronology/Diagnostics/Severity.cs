namespace Chronology.Diagnostics;

public enum Severity
{
    Error,
    Warning,
}
