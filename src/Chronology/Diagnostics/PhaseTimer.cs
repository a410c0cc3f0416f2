using System.Diagnostics;

namespace Chronology.Diagnostics;

/// <summary>How long each phase of a build took, in order (printed by <c>build --timings</c>).</summary>
public sealed class PhaseTimer
{
    private readonly List<(string Phase, TimeSpan Elapsed)> _phases = [];

    public IReadOnlyList<(string Phase, TimeSpan Elapsed)> Phases => _phases;

    public T Time<T>(string phase, Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return work();
        }
        finally
        {
            _phases.Add((phase, clock.Elapsed));
        }
    }

    public void Time(string phase, Action work) => Time(phase, () => { work(); return true; });

    public async Task TimeAsync(string phase, Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await work();
        }
        finally
        {
            _phases.Add((phase, clock.Elapsed));
        }
    }

    public string Report() =>
        string.Concat(_phases.Select(p => $"{p.Phase,-24}{p.Elapsed.TotalMilliseconds,10:0} ms\n"))
        + $"{"total",-24}{_phases.Sum(p => p.Elapsed.TotalMilliseconds),10:0} ms\n";
}
