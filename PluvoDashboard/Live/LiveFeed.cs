using System.Threading.Channels;

namespace PluvoDashboard.Live;

/// <summary>What happened to an event, as far as a live page needs to know.</summary>
public enum LiveChange
{
    Received,
    Processed,
    Failed,
    Replayed,

    /// <summary>Updates were lost because the subscriber fell behind: it should reload what it shows.</summary>
    Refresh,
}

/// <summary>A small summary of one event, published as it changes.</summary>
public sealed record LiveUpdate(
    LiveChange Change,
    long EventId,
    string? EventType,
    string? UserName,
    string? TrainingTitle,
    DateTimeOffset At)
{
    public static LiveUpdate Refresh(DateTimeOffset at) => new(LiveChange.Refresh, 0, null, null, null, at);
}

/// <summary>
/// In-process publish/subscribe of <see cref="LiveUpdate"/>s for pages and the SignalR hub. Publishing never
/// blocks: each subscriber has a bounded queue of its own, and one that falls behind loses the overflow and
/// is sent a single <see cref="LiveChange.Refresh"/> instead, so it knows to reload.
/// </summary>
public sealed class LiveFeed(TimeProvider time)
{
    private const int QueuePerSubscriber = 512;

    private readonly Lock _lock = new();
    private Subscriber[] _subscribers = [];

    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    public void Publish(LiveUpdate update)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber.Offer(update, time);
        }
    }

    /// <summary>
    /// Calls <paramref name="onUpdate"/> for every update published from now on, one at a time and in order,
    /// until the returned handle is disposed. A callback that throws is not called again.
    /// </summary>
    public IDisposable Subscribe(Func<LiveUpdate, Task> onUpdate)
    {
        var subscriber = new Subscriber(onUpdate, Unsubscribe);
        lock (_lock)
        {
            _subscribers = [.. _subscribers, subscriber];
        }

        return subscriber;
    }

    private void Unsubscribe(Subscriber subscriber)
    {
        lock (_lock)
        {
            _subscribers = [.. _subscribers.Where(s => s != subscriber)];
        }
    }

    private sealed class Subscriber : IDisposable
    {
        private readonly Channel<LiveUpdate> _queue = Channel.CreateBounded<LiveUpdate>(
            new BoundedChannelOptions(QueuePerSubscriber) { FullMode = BoundedChannelFullMode.Wait });

        private readonly Action<Subscriber> _unsubscribe;
        private int _overflowed;

        public Subscriber(Func<LiveUpdate, Task> onUpdate, Action<Subscriber> unsubscribe)
        {
            _unsubscribe = unsubscribe;
            Pumping = Task.Run(() => PumpAsync(onUpdate));
        }

        /// <summary>The loop handing updates to the callback; it ends when the subscription is disposed.</summary>
        public Task Pumping { get; }

        public void Offer(LiveUpdate update, TimeProvider time)
        {
            if (_queue.Writer.TryWrite(update))
            {
                return;
            }

            // Full: drop what is waiting and leave one Refresh in its place (once per overflow).
            if (Interlocked.Exchange(ref _overflowed, 1) == 0)
            {
                while (_queue.Reader.TryRead(out _))
                {
                }

                _queue.Writer.TryWrite(LiveUpdate.Refresh(time.GetUtcNow()));
            }
        }

        private async Task PumpAsync(Func<LiveUpdate, Task> onUpdate)
        {
            await foreach (var update in _queue.Reader.ReadAllAsync())
            {
                if (update.Change == LiveChange.Refresh)
                {
                    Volatile.Write(ref _overflowed, 0);
                }

                try
                {
                    await onUpdate(update);
                }
                catch (Exception)
                {
                    // A broken subscriber (a closed page) must not take the feed with it.
                    Dispose();
                    return;
                }
            }
        }

        public void Dispose()
        {
            _unsubscribe(this);
            _queue.Writer.TryComplete();
        }
    }
}
