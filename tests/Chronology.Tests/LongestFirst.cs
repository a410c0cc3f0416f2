using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(Chronology.Tests.LongestFirst))]

namespace Chronology.Tests;

/// <summary>
/// Starts the test classes that take longest first, the rest after them in xunit's usual (random) order. Each class
/// is a collection whose tests run one after another, and two collections run at once (one per core): a long class
/// started last would run on alone at the end while the other core had nothing left to do.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    /// <summary>The longest classes, longest first (as measured on a full run).</summary>
    private static readonly string[] Longest =
    [
        "Browser.RealSiteAccessibilityTests", "Browser.BridgesAccessibilityTests", "Loading.FuzzTests", "NuHtmlCheckerTests",
        "Browser.LayoutTests", "Loading.HostileInputTests", "Browser.SearchTests",
    ];

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : notnull, ITestCollection
    {
        int Rank(TTestCollection collection) =>
            Array.FindIndex(Longest, name => collection.TestCollectionDisplayName.Contains("Chronology.Tests." + name, StringComparison.Ordinal));
        var longest = testCollections.Where(c => Rank(c) >= 0).OrderBy(Rank);
        var rest = DefaultTestCollectionOrderer.Instance.OrderTestCollections([.. testCollections.Where(c => Rank(c) < 0)]);
        return [.. longest.Concat(rest)];
    }
}
