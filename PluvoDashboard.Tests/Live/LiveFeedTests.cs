using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using PluvoDashboard.Live;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Live;

public sealed class LiveFeedTests
{
    private static LiveUpdate Received(long id) =>
        new(LiveChange.Received, id, "USER_CREATED", "Zoë", null, DateTimeOffset.UtcNow);

    [Fact]
    public async Task SubscriberGetsEveryUpdateInOrder()
    {
        var feed = new LiveFeed(TimeProvider.System);
        var seen = new ConcurrentQueue<long>();
        using var subscription = feed.Subscribe(u => { seen.Enqueue(u.EventId); return Task.CompletedTask; });

        for (var i = 1; i <= 100; i++)
        {
            feed.Publish(Received(i));
        }

        await Eventually.HoldsAsync(() => Task.FromResult(seen.Count == 100), "all 100 updates arrive");
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), seen);
    }

    [Fact]
    public async Task DisposedSubscriptionGetsNothingMore()
    {
        var feed = new LiveFeed(TimeProvider.System);
        var seen = new ConcurrentQueue<long>();
        var subscription = feed.Subscribe(u => { seen.Enqueue(u.EventId); return Task.CompletedTask; });
        feed.Publish(Received(1));
        await Eventually.HoldsAsync(() => Task.FromResult(seen.Count == 1), "the first update arrives");

        subscription.Dispose();
        feed.Publish(Received(2));
        await Task.Delay(100);

        Assert.Equal([1L], seen);
        Assert.Equal(0, feed.SubscriberCount);
    }

    [Fact]
    public async Task SlowSubscriberIsToldToRefreshWhilePublishingGoesOn()
    {
        var feed = new LiveFeed(TimeProvider.System);
        var gate = new TaskCompletionSource();
        var seen = new ConcurrentQueue<LiveUpdate>();
        using var subscription = feed.Subscribe(async u => { await gate.Task; seen.Enqueue(u); });

        // The subscriber is stuck on its first update; publishing 5,000 more must still return.
        for (var i = 1; i <= 5000; i++)
        {
            feed.Publish(Received(i));
        }

        gate.SetResult();
        await Eventually.HoldsAsync(() => Task.FromResult(seen.Any(u => u.Change == LiveChange.Refresh)),
            "the subscriber is told to refresh");
        Assert.True(seen.Count < 5000, "the overflow was dropped, not queued without bound");
    }

    [Fact]
    public async Task SubscriberThatThrowsIsDroppedAndTheOthersCarryOn()
    {
        var feed = new LiveFeed(TimeProvider.System);
        var seen = new ConcurrentQueue<long>();
        using var broken = feed.Subscribe(_ => throw new InvalidOperationException("page closed"));
        using var healthy = feed.Subscribe(u => { seen.Enqueue(u.EventId); return Task.CompletedTask; });

        feed.Publish(Received(1));
        await Eventually.HoldsAsync(() => Task.FromResult(feed.SubscriberCount == 1), "the broken one is dropped");
        feed.Publish(Received(2));

        await Eventually.HoldsAsync(() => Task.FromResult(seen.Count == 2), "the healthy one gets both");
    }

    [Fact]
    public async Task TheAppPublishesReceivedThenProcessedForADelivery()
    {
        using var app = new PluvoApp();
        var client = app.CreateClient();
        var seen = new ConcurrentQueue<LiveUpdate>();
        using var subscription = app.Services.GetRequiredService<LiveFeed>()
            .Subscribe(u => { seen.Enqueue(u); return Task.CompletedTask; });

        var response = await client.SendAsync(SignedDelivery.UserCreated().ToRequest());
        var (id, _) = await response.AssertAcceptedAsync();

        await Eventually.HoldsAsync(() => Task.FromResult(seen.Any(u => u.Change == LiveChange.Processed)),
            "the processed update arrives");
        var changes = seen.Where(u => u.EventId == id).Select(u => u.Change).ToList();
        Assert.Equal([LiveChange.Received, LiveChange.Processed], changes);
        Assert.Equal("Zoë Ñúñez", seen.First().UserName);
    }
}
