using System.Runtime.InteropServices;

namespace Chronology.Cli;

/// <summary>
/// Ctrl+C (SIGINT) or SIGTERM during a build or a links refresh. Left to the runtime (System.CommandLine 2.0 does not
/// take them), either ends the process where it stands, and a large site's half-written staging folder (hundreds of
/// thousands of files) stays beside the output for good. Taken here, the first one stops the command at its next
/// step: a build publishes nothing and removes its staging folder, a refresh writes nothing, and the command ends
/// with <see cref="ExitCode"/>. A second one ends the process at once, as the runtime would have.
/// </summary>
public sealed class StopOnSignal : IDisposable
{
    /// <summary>What a shell reports for a command ended by Ctrl+C (128 + SIGINT's number).</summary>
    public const int ExitCode = 130;

    private readonly CancellationTokenSource _stop;
    private readonly Action _stopping;
    private readonly PosixSignalRegistration[] _registrations;
    private int _signals;

    private StopOnSignal(CancellationTokenSource stop, Action stopping)
    {
        (_stop, _stopping) = (stop, stopping);
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    /// <summary>Until disposed, a signal cancels <paramref name="stop"/>, after saying so through <paramref name="stopping"/>.</summary>
    public static StopOnSignal Register(CancellationTokenSource stop, Action stopping) => new(stop, stopping);

    private void Handle(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _signals) > 1) return; // the second: the runtime's default, the process ends
        context.Cancel = true;
        _stopping();
        _stop.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
    }
}
