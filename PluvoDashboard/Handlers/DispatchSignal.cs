namespace PluvoDashboard.Handlers;

/// <summary>Wakes the dispatcher when new events are committed, so it need not wait for its next poll.</summary>
public sealed class DispatchSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private int _wokenSinceAsked;

    public void Wake()
    {
        Volatile.Write(ref _wokenSinceAsked, 1);
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken; one wake-up covers every event committed before the dispatcher looks.
        }
    }

    /// <summary>Whether new events were committed since the last call: the intake is busy.</summary>
    public bool TakeWokenSinceAsked() => Interlocked.Exchange(ref _wokenSinceAsked, 0) == 1;

    /// <summary>Waits until woken or until the timeout; false on timeout.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);
}
