using System.Diagnostics;

namespace Chronology.Diagnostics;

/// <summary>
/// How long each phase of a build took, in the order the phases started (printed by <c>build --timings</c>). Phases
/// may run at the same time, on different threads: each line says when its phase started, and the total is the time
/// from the first start to the last end, not the sum.
/// </summary>
public sealed class PhaseTimer
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<Phase> _phases = [];

    private sealed class Phase(string name, TimeSpan start)
    {
        public string Name { get; } = name;
        public TimeSpan Start { get; } = start;
        public TimeSpan? End { get; set; }
    }

    /// <summary>Each finished phase: its name, when it started (from the first phase's start) and how long it took.</summary>
    public IReadOnlyList<(string Phase, TimeSpan Start, TimeSpan Elapsed)> Phases
    {
        get
        {
            lock (_phases)
            {
                var first = _phases.Count > 0 ? _phases[0].Start : TimeSpan.Zero;
                return [.. _phases.Where(p => p.End is not null).Select(p => (p.Name, p.Start - first, p.End!.Value - p.Start))];
            }
        }
    }

    public T Time<T>(string phase, Func<T> work)
    {
        var started = Begin(phase);
        try
        {
            return work();
        }
        finally
        {
            started.End = _clock.Elapsed;
        }
    }

    public void Time(string phase, Action work) => Time(phase, () => { work(); return true; });

    public async Task TimeAsync(string phase, Func<Task> work)
    {
        var started = Begin(phase);
        try
        {
            await work();
        }
        finally
        {
            started.End = _clock.Elapsed;
        }
    }

    private Phase Begin(string name)
    {
        lock (_phases)
        {
            var phase = new Phase(name, _clock.Elapsed); // read under the lock: the list stays in the order phases started
            _phases.Add(phase);
            return phase;
        }
    }

    public string Report()
    {
        var phases = Phases;
        var wall = phases.Count == 0 ? TimeSpan.Zero : phases.Max(p => p.Start + p.Elapsed);
        return string.Concat(phases.Select(p => $"{p.Phase,-24}{p.Elapsed.TotalMilliseconds,10:0} ms   from {p.Start.TotalMilliseconds,5:0} ms\n"))
            + $"{"total",-24}{wall.TotalMilliseconds,10:0} ms   ({GC.GetTotalAllocatedBytes() / 1048576.0:0} MB allocated, {Collections()})\n";
    }

    /// <summary>How often the garbage collector stopped the build, how deeply, and for how long (all threads wait).</summary>
    private static string Collections()
    {
        var (all, older, full) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        return $"{all} collections: {all - older} young, {older - full} middle, {full} full; {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms paused";
    }
}
