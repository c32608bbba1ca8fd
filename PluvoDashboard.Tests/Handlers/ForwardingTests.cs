using System.Net;
using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Handlers.Forwarding;
using PluvoDashboard.Intake;
using PluvoDashboard.Storage;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Handlers;

/// <summary>Forwarding to a real local HTTP endpoint, with the dispatcher running in the app.</summary>
public sealed class ForwardingTests : IAsyncLifetime
{
    private const string DestinationKey = "destination-key-ü";

    private readonly PluvoApp _app = new();
    private RecordingEndpoint _endpoint = null!;

    public async Task InitializeAsync() => _endpoint = await RecordingEndpoint.StartAsync(_ => (200, TimeSpan.Zero));

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _endpoint.DisposeAsync();
    }

    private PluvoApp ForwardTo(string events = "", int timeoutSeconds = 10)
    {
        _app.With("Handlers:Forwarding:0:Name", "lms-archive")
            .With("Handlers:Forwarding:0:Url", _endpoint.Url.ToString())
            .With("Handlers:Forwarding:0:SigningKey", DestinationKey)
            .With("Handlers:Forwarding:0:TimeoutSeconds", timeoutSeconds.ToString());
        if (events.Length > 0)
        {
            _app.With("Handlers:Forwarding:0:Events:0", events);
        }

        return _app;
    }

    private async Task<long> PostAsync(SignedDelivery delivery) =>
        (await (await _app.CreateClient().SendAsync(delivery.ToRequest())).AssertAcceptedAsync()).Id;

    private async Task<List<HandlerRun>> RunsWhenAsync(long id, Func<List<HandlerRun>, bool> condition, string what)
    {
        var runs = new List<HandlerRun>();
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = _app.CreateDbContext();
            runs = await db.HandlerRuns
                .Where(r => r.EventId == id && r.HandlerName == "forward:lms-archive")
                .OrderBy(r => r.Id)
                .ToListAsync();
            return condition(runs);
        }, what);
        return runs;
    }

    [Fact]
    public async Task RawBodyIsForwardedUnchangedSignedWithTheDestinationsKey()
    {
        ForwardTo();
        var delivery = SignedDelivery.UserCreated();

        var id = await PostAsync(delivery);

        var run = Assert.Single(await RunsWhenAsync(id, r => r.Count == 1, "the event was forwarded"));
        Assert.Equal(("forward:lms-archive", true, 200), (run.HandlerName, run.Succeeded, run.ResponseStatus));
        var request = Assert.Single(_endpoint.Requests);
        Assert.Equal(delivery.Body, request.Body);
        var match = SignatureVerifier.Verify(
            request.Body, request.Headers["X-Signature"], request.Headers["X-Signature-Salt"], [DestinationKey]);
        Assert.Equal(SignatureReading.Documented, match?.Reading);
        Assert.NotEqual("salt-0001", request.Headers["X-Signature-Salt"]);
        Assert.Equal(id.ToString(), request.Headers[ForwardingHandler.DeliveryHeader]);
        Assert.Equal("false", request.Headers[ForwardingHandler.ReplayHeader]);
    }

    [Fact]
    public async Task DestinationThatFailsTwiceGetsThreeAttemptsAndTheLastSucceeds()
    {
        _endpoint.Script = call => (call <= 2 ? 503 : 200, TimeSpan.Zero);
        ForwardTo();

        var id = await PostAsync(SignedDelivery.UserCreated());

        var runs = await RunsWhenAsync(id, r => r.Count == 3, "three attempts were made");
        Assert.Equal([503, 503, 200], runs.Select(r => r.ResponseStatus));
        Assert.Equal([false, false, true], runs.Select(r => r.Succeeded));
        Assert.Contains("answered 503", runs[0].Error);
        Assert.Equal(3, _endpoint.Requests.Select(r => r.Headers["X-Signature-Salt"]).Distinct().Count());
    }

    [Fact]
    public async Task DestinationThatDoesNotAnswerInTimeIsAFailureWithTheReason()
    {
        _app.With("Handlers:Retry:MaxAttempts", "1");
        _endpoint.Script = _ => (200, TimeSpan.FromSeconds(5));
        ForwardTo(timeoutSeconds: 1);

        var id = await PostAsync(SignedDelivery.UserCreated());

        var run = Assert.Single(await RunsWhenAsync(id, r => r.Count == 1, "the attempt timed out"));
        Assert.False(run.Succeeded);
        Assert.Contains("did not answer within 1 s", run.Error);
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = _app.CreateDbContext();
            return (await db.WebhookEvents.SingleAsync(e => e.Id == id)).Status == EventStatus.DeadLettered;
        }, "the event is dead-lettered");
    }

    [Fact]
    public async Task UnreachableDestinationIsAFailureWithTheReason()
    {
        _app.With("Handlers:Retry:MaxAttempts", "1");
        ForwardTo();
        _app.With("Handlers:Forwarding:0:Url", "http://127.0.0.1:1/nothing-listens-here");

        var id = await PostAsync(SignedDelivery.UserCreated());

        var run = Assert.Single(await RunsWhenAsync(id, r => r.Count == 1, "the attempt failed"));
        Assert.StartsWith("Could not reach http://127.0.0.1:1/", run.Error);
        Assert.Null(run.ResponseStatus);
    }

    [Fact]
    public async Task OnlyEventsMatchingTheDestinationsPatternsAreForwarded()
    {
        ForwardTo(events: "USER_*");

        var user = await PostAsync(SignedDelivery.UserCreated());
        var course = await PostAsync(SignedDelivery.Of("""{"event":"COURSE_FINISHED","id":"c-1"}"""));

        await RunsWhenAsync(user, r => r.Count == 1, "the user event was forwarded");
        await using var db = _app.CreateDbContext();
        Assert.Empty(await db.HandlerWork.Where(w => w.EventId == course && w.HandlerName == "forward:lms-archive")
            .ToListAsync());
        Assert.Single(_endpoint.Requests);
    }

    [Fact]
    public void MisconfiguredDestinationStopsTheAppNamingTheSetting()
    {
        _app.With("Handlers:Forwarding:0:Name", "broken").With("Handlers:Forwarding:0:Url", "not a url");

        var error = Assert.ThrowsAny<Exception>(() => _app.CreateClient());

        Assert.Contains("Handlers:Forwarding:0:Url", error.ToString());
        Assert.Contains("Handlers:Forwarding:0:SigningKey", error.ToString());
        Assert.DoesNotContain(DestinationKey, error.ToString());
    }

    [Theory]
    [InlineData("USER_*", "USER_CREATED", true)]
    [InlineData("USER_*", "GROUP_CREATED", false)]
    [InlineData("*_FINISHED", "COURSE_FINISHED", true)]
    [InlineData("OFFER_*_UPDATED", "OFFER_EVENT_ENROLLMENT_STATUS_UPDATED", true)]
    [InlineData("OFFER_*_UPDATED", "OFFER_EVENT_ENROLLED", false)]
    [InlineData("*", "ANYTHING", true)]
    [InlineData("USER_CREATED", "USER_CREATED", true)]
    [InlineData("USER_CREATED", "USER_CREATED_X", false)]
    [InlineData("A*A", "A", false)]
    public void EventPatternsMatchWithStars(string pattern, string eventType, bool matches)
    {
        Assert.Equal(matches, EventPattern.Matches(pattern, eventType));
    }
}
