using System.Collections.Concurrent;
using PluvoDashboard.Handlers;

namespace PluvoDashboard.Tests.Handlers;

/// <summary>
/// A handler for dispatcher tests: it takes the event types it is given, fails a set number of attempts per
/// event before it succeeds, and remembers every call. It stands in for a real handler's behaviour, not for
/// any part of the dispatcher under test.
/// </summary>
public sealed class ScriptedHandler(string name, int failuresPerEvent = 0, params string[] eventTypes) : IWebhookHandler
{
    private readonly ConcurrentDictionary<long, int> _calls = new();

    public string Name => name;

    /// <summary>While false, every attempt fails; lets a test hold events in progress.</summary>
    public bool Open { get; set; } = true;

    public int CallsFor(long eventId) => _calls.GetValueOrDefault(eventId);

    public bool Handles(string? eventType) =>
        eventType is not null && (eventTypes.Length == 0 || eventTypes.Contains(eventType));

    public Task<HandlerOutcome> HandleAsync(HandlerContext context, CancellationToken cancellationToken)
    {
        var calls = _calls.AddOrUpdate(context.Event.Id, 1, (_, n) => n + 1);
        if (!Open)
        {
            throw new InvalidOperationException("closed for the test");
        }

        return Task.FromResult(calls <= failuresPerEvent
            ? HandlerOutcome.Failure($"scripted failure {calls}", responseStatus: 500)
            : HandlerOutcome.Success(responseStatus: 200));
    }
}
