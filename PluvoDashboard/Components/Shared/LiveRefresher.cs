using System.Diagnostics;
using PluvoDashboard.Live;

namespace PluvoDashboard.Components.Shared;

/// <summary>What arrived since a page last heard: the updates it cares about, newest last.</summary>
/// <param name="Updates">At most <see cref="LiveRefresher.MaxKept"/> of them; older ones are dropped.</param>
/// <param name="Missed">
/// True when updates were dropped here or by the feed: the page should reload instead of patching its rows.
/// </param>
public sealed record LiveBatch(IReadOnlyList<LiveUpdate> Updates, bool Missed);

/// <summary>
/// Listens to the <see cref="LiveFeed"/> for a page and hands it what changed at most once per interval
/// (four times a second by default), whatever the arrival rate: a burst of a thousand events costs a page
/// four renders, not a thousand. When a page's reload is slow (a busy machine), it is handed updates less
/// often still. Start it in <c>OnAfterRender(firstRender)</c>, so only the interactive
/// circuit listens, and dispose it with the page.
/// </summary>
public sealed class LiveRefresher : IAsyncDisposable
{
    public const int MaxKept = 200;

    /// <summary>The wait after a batch is at least this many times as long as the page took with it.</summary>
    private const int BusyFactor = 4;

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(250);

    private readonly Lock _lock = new();
    private readonly Func<LiveUpdate, bool> _wanted;
    private readonly Func<LiveBatch, Task> _onBatch;
    private readonly CancellationTokenSource _closing = new();
    private readonly IDisposable _subscription;
    private readonly Task _pumping;
    private List<LiveUpdate> _pending = [];
    private bool _missed;

    /// <param name="feed">The feed to listen to.</param>
    /// <param name="wanted">Which updates matter to the page; the others never wake it.</param>
    /// <param name="onBatch">
    /// Called off the render thread with what arrived; the page goes through <c>InvokeAsync</c> to render.
    /// </param>
    /// <param name="interval">The shortest time between two calls.</param>
    public LiveRefresher(LiveFeed feed, Func<LiveUpdate, bool> wanted, Func<LiveBatch, Task> onBatch,
        TimeSpan? interval = null)
    {
        _wanted = wanted;
        _onBatch = onBatch;
        _subscription = feed.Subscribe(Collect);
        _pumping = PumpAsync(interval ?? DefaultInterval);
    }

    private Task Collect(LiveUpdate update)
    {
        if (update.Change != LiveChange.Refresh && !_wanted(update))
        {
            return Task.CompletedTask;
        }

        lock (_lock)
        {
            if (update.Change == LiveChange.Refresh)
            {
                _missed = true;
            }
            else if (_pending.Count < MaxKept)
            {
                _pending.Add(update);
            }
            else
            {
                _pending.RemoveAt(0);
                _pending.Add(update);
                _missed = true;
            }
        }

        return Task.CompletedTask;
    }

    private async Task PumpAsync(TimeSpan interval)
    {
        var wait = interval;
        try
        {
            while (true)
            {
                await Task.Delay(wait, _closing.Token);
                wait = interval;
                LiveBatch batch;
                lock (_lock)
                {
                    if (_pending.Count == 0 && !_missed)
                    {
                        continue;
                    }

                    batch = new LiveBatch(_pending, _missed);
                    _pending = [];
                    _missed = false;
                }

                // A page spends at most a fifth of its time refreshing: when the machine is busy and a reload
                // takes long, the next one waits longer, so a flood cannot keep the server busy with pages.
                var started = Stopwatch.GetTimestamp();
                await _onBatch(batch);
                var took = Stopwatch.GetElapsedTime(started);
                wait = TimeSpan.FromTicks(Math.Max(interval.Ticks, took.Ticks * BusyFactor));
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await _closing.CancelAsync();
        await _pumping;
        _closing.Dispose();
    }
}
