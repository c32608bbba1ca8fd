using System.Text.Json;

namespace PluvoDashboard.Events;

/// <summary>
/// One Pluvo webhook read as a typed payload. Each family has its own record, so a handler switches on the
/// concrete type; types the receiver does not know arrive as <see cref="GenericEvent"/>.
/// </summary>
public abstract record PluvoEvent
{
    /// <summary>The <c>event</c> field, such as <c>USER_CREATED</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>When Pluvo sent the event, in UTC; null without a readable <c>sentDate</c>.</summary>
    public DateTimeOffset? SentDate { get; init; }

    /// <summary>
    /// The top-level <c>id</c>: Pluvo's id of what the event is about (the user, the training, the completion,
    /// the grade, ...), never an id of the delivery.
    /// </summary>
    public string? SubjectId { get; init; }

    /// <summary>The top-level <c>ref</c>: the organisation's own reference for the subject.</summary>
    public string? SubjectRef { get; init; }

    public EventFamily Family => EventCatalog.FamilyOf(EventType);
}

/// <summary>An event of a type the receiver does not know yet, with its whole body.</summary>
public sealed record GenericEvent : PluvoEvent
{
    /// <summary>The body as parsed. It owns its memory, so it outlives the raw bytes.</summary>
    public required JsonElement Content { get; init; }
}
