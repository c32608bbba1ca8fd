namespace PluvoDashboard.Handlers;

/// <summary>The registered handlers, and which event types any of them takes.</summary>
public sealed class HandlerRegistry(IEnumerable<IWebhookHandler> handlers)
{
    public IReadOnlyList<IWebhookHandler> Handlers { get; } = [.. handlers];

    /// <summary>
    /// Whether an event of this type has anything to be done: one that has not is stored as processed at
    /// once, so the dispatcher never has to write to it.
    /// </summary>
    public bool AnyHandles(string? eventType) => Handlers.Any(h => h.Handles(eventType));
}
