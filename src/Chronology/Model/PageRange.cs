namespace Chronology.Model;

/// <summary>The pages a locator names, <see cref="First"/> to <see cref="Last"/> (the same page for <c>page 11</c>).</summary>
public readonly record struct PageRange(int First, int Last)
{
    public bool Contains(int page) => page >= First && page <= Last;
}
