using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PluvoDashboard.Handlers;
using PluvoDashboard.Storage;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Handlers;

/// <summary>The dispatcher in the running app: deliveries in over HTTP, handlers run in the background.</summary>
public sealed class DispatcherTests : IDisposable
{
    private readonly PluvoApp _app = new();

    public void Dispose() => _app.Dispose();

    // The scripted handlers stand alone, in place of the app's own, so each test sees only the runs it scripts.
    private PluvoApp WithHandlers(params ScriptedHandler[] handlers) => _app.WithServices(services =>
    {
        services.RemoveAll<IWebhookHandler>();
        foreach (var handler in handlers)
        {
            services.AddSingleton<IWebhookHandler>(handler);
        }
    });

    private async Task<long> PostAsync(SignedDelivery delivery) =>
        (await (await _app.CreateClient().SendAsync(delivery.ToRequest())).AssertAcceptedAsync()).Id;

    private async Task<WebhookEvent> EventWhenAsync(long id, EventStatus status)
    {
        WebhookEvent? stored = null;
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = _app.CreateDbContext();
            stored = await db.WebhookEvents.SingleAsync(e => e.Id == id);
            return stored.Status == status;
        }, $"event {id} is {status}");
        return stored!;
    }

    private async Task<List<HandlerRun>> RunsAsync(long id)
    {
        await using var db = _app.CreateDbContext();
        return await db.HandlerRuns.Where(r => r.EventId == id).OrderBy(r => r.Id).ToListAsync();
    }

    [Fact]
    public async Task EventIsProcessedByItsHandlerAndTheRunIsRecorded()
    {
        var handler = new ScriptedHandler("projection");
        WithHandlers(handler);

        var id = await PostAsync(SignedDelivery.UserCreated());

        await EventWhenAsync(id, EventStatus.Processed);
        var run = Assert.Single(await RunsAsync(id));
        Assert.Equal(
            ("projection", 1, true, 200, false),
            (run.HandlerName, run.Attempt, run.Succeeded, run.ResponseStatus, run.IsReplay));
        Assert.True(run.DurationMs >= 0);
        Assert.Null(run.Error);
    }

    [Fact]
    public async Task FailingHandlerIsRetriedUntilItSucceeds()
    {
        var handler = new ScriptedHandler("forward", failuresPerEvent: 2);
        WithHandlers(handler);

        var id = await PostAsync(SignedDelivery.UserCreated());

        await EventWhenAsync(id, EventStatus.Processed);
        var runs = await RunsAsync(id);
        Assert.Equal([false, false, true], runs.Select(r => r.Succeeded));
        Assert.Equal([1, 2, 3], runs.Select(r => r.Attempt));
        Assert.Equal("scripted failure 1", runs[0].Error);
    }

    [Fact]
    public async Task HandlerThatAlwaysFailsIsDeadLetteredAfterMaxAttempts()
    {
        _app.With("Handlers:Retry:MaxAttempts", "3");
        var handler = new ScriptedHandler("broken", failuresPerEvent: int.MaxValue);
        WithHandlers(handler);

        var id = await PostAsync(SignedDelivery.UserCreated());

        await EventWhenAsync(id, EventStatus.DeadLettered);
        Assert.Equal(3, (await RunsAsync(id)).Count(r => !r.Succeeded));
        await using var db = _app.CreateDbContext();
        var work = await db.HandlerWork.SingleAsync(w => w.EventId == id);
        Assert.Equal(
            (HandlerWorkStatus.DeadLettered, 3, "scripted failure 3"),
            (work.Status, work.Attempts, work.LastError));
    }

    [Fact]
    public async Task AFailingHandlerRetriesAloneWithoutRerunningTheOthers()
    {
        var projection = new ScriptedHandler("projection");
        var forwarder = new ScriptedHandler("forward", failuresPerEvent: 2);
        WithHandlers(projection, forwarder);

        var id = await PostAsync(SignedDelivery.UserCreated());

        await EventWhenAsync(id, EventStatus.Processed);
        Assert.Equal(1, projection.CallsFor(id));
        Assert.Equal(3, forwarder.CallsFor(id));
    }

    [Fact]
    public async Task OneEventsFailureDoesNotHoldUpTheNextOnes()
    {
        _app.With("Handlers:Retry:MaxAttempts", "50");
        var handler = new ScriptedHandler("forward", failuresPerEvent: int.MaxValue, "USER_DELETED");
        var other = new ScriptedHandler("projection", 0, "USER_CREATED");
        WithHandlers(handler, other);

        var failing = await PostAsync(SignedDelivery.Of("""{"event":"USER_DELETED","id":"u-1"}"""));
        var later = await PostAsync(SignedDelivery.UserCreated("u-2"));

        await EventWhenAsync(later, EventStatus.Processed);
        await EventWhenAsync(failing, EventStatus.Failing);
    }

    [Fact]
    public async Task EventThatNoHandlerTakesIsProcessedWithoutRuns()
    {
        WithHandlers(new ScriptedHandler("projection", 0, "USER_CREATED"));

        var id = await PostAsync(SignedDelivery.Of("""{"event":"BADGE_AWARDED","id":"b-1"}"""));

        await EventWhenAsync(id, EventStatus.Processed);
        Assert.Empty(await RunsAsync(id));
    }

    [Fact]
    public async Task UnparseableEventStaysUnparseableAndNoHandlerRuns()
    {
        var handler = new ScriptedHandler("projection");
        WithHandlers(handler);
        var unparseable = await PostAsync(SignedDelivery.Of("not json"));
        var next = await PostAsync(SignedDelivery.UserCreated());

        await EventWhenAsync(next, EventStatus.Processed);

        await EventWhenAsync(unparseable, EventStatus.Unparseable);
        Assert.Equal(0, handler.CallsFor(unparseable));
    }

    [Fact]
    public async Task EventsLeftPendingWhenTheAppStoppedAreProcessedAfterARestart()
    {
        var folder = Directory.CreateTempSubdirectory("pluvo-restart-").FullName;
        try
        {
            long id;
            var closed = new ScriptedHandler("projection") { Open = false };
            using (var first = new PluvoApp(folder).With("Handlers:Retry:MaxAttempts", "1000")
                .WithServices(s => s.RemoveAll<IWebhookHandler>().AddSingleton<IWebhookHandler>(closed)))
            {
                var response = await first.CreateClient().SendAsync(SignedDelivery.UserCreated().ToRequest());
                id = (await response.AssertAcceptedAsync()).Id;
                await Eventually.HoldsAsync(() => Task.FromResult(closed.CallsFor(id) > 0), "a first attempt failed");
            }

            var reopened = new ScriptedHandler("projection");
            using var restarted = new PluvoApp(folder)
                .WithServices(s => s.RemoveAll<IWebhookHandler>().AddSingleton<IWebhookHandler>(reopened));
            _ = restarted.CreateClient();

            await Eventually.HoldsAsync(async () =>
            {
                await using var db = restarted.CreateDbContext();
                return (await db.WebhookEvents.SingleAsync(e => e.Id == id)).Status == EventStatus.Processed;
            }, "the event is processed after the restart");
            Assert.Equal(1, reopened.CallsFor(id));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(new[] { HandlerWorkStatus.Succeeded, HandlerWorkStatus.Succeeded }, EventStatus.Processed)]
    [InlineData(new[] { HandlerWorkStatus.Succeeded, HandlerWorkStatus.Pending }, EventStatus.Pending)]
    [InlineData(new[] { HandlerWorkStatus.Pending, HandlerWorkStatus.Failing }, EventStatus.Failing)]
    [InlineData(new[] { HandlerWorkStatus.Failing, HandlerWorkStatus.DeadLettered }, EventStatus.DeadLettered)]
    public void EventStatusIsTheWorstOfItsHandlers(HandlerWorkStatus[] work, EventStatus expected)
    {
        Assert.Equal(expected, Dispatcher.Derive(work));
    }
}
