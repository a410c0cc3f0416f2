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
    private readonly TextWriter _log;
    private readonly string _stopping;
    private readonly PosixSignalRegistration[] _registrations;
    private int _signals;

    /// <summary>
    /// Until disposed, a signal cancels <see cref="Token"/> (which <paramref name="cancellation"/> cancels too), after
    /// writing <paramref name="stopping"/> (what is left as it was) to <paramref name="log"/>.
    /// </summary>
    public StopOnSignal(CancellationToken cancellation, TextWriter log, string stopping)
    {
        (_stop, _log, _stopping) = (CancellationTokenSource.CreateLinkedTokenSource(cancellation), log, stopping);
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    public CancellationToken Token => _stop.Token;

    private void Handle(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _signals) > 1) return; // the second: the runtime's default, the process ends
        context.Cancel = true;
        _log.WriteLine($"{_stopping} (press Ctrl+C again to end at once)");
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The command had ended as the signal came: nothing left to stop.
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _stop.Dispose();
    }
}
