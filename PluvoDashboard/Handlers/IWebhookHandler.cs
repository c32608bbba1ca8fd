using PluvoDashboard.Storage;

namespace PluvoDashboard.Handlers;

/// <summary>
/// Something done with each stored event of the types it takes: projecting it into the read models,
/// forwarding it, and so on. The dispatcher runs it, records every attempt as a <see cref="HandlerRun"/>,
/// and retries it alone when it fails, so handlers must be idempotent: running one twice on the same event
/// leaves the same state.
/// </summary>
public interface IWebhookHandler
{
    /// <summary>A stable name, stored with its runs and used to pick handlers for a replay.</summary>
    string Name { get; }

    /// <summary>Whether this handler acts on events of this type (null for unparseable bodies).</summary>
    bool Handles(string? eventType);

    /// <summary>Acts on one event. A failure is returned or thrown; either way the dispatcher retries it.</summary>
    Task<HandlerOutcome> HandleAsync(HandlerContext context, CancellationToken cancellationToken);
}

/// <summary>What a handler gets to work with: the stored event and why it is running.</summary>
public sealed record HandlerContext(WebhookEvent Event, int Attempt, bool IsReplay, string? RequestedBy);

/// <summary>The result of one attempt; <see cref="ResponseStatus"/> is for handlers that call out over HTTP.</summary>
public sealed record HandlerOutcome(bool Succeeded, string? Error = null, int? ResponseStatus = null)
{
    public static HandlerOutcome Success(int? responseStatus = null) => new(true, null, responseStatus);

    public static HandlerOutcome Failure(string error, int? responseStatus = null) => new(false, error, responseStatus);
}
