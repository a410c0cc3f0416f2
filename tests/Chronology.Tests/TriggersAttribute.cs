namespace Chronology.Tests;

/// <summary>
/// Marks a test that triggers a diagnostic code and asserts it at its place: for codes that need more than a small
/// site to trigger (bytes, a build, a symbolic link). The test that every code is tested collects these, so no list
/// written by hand can claim a code is tested.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class TriggersAttribute(string code) : Attribute
{
    public string Code { get; } = code;
}
