using Microsoft.EntityFrameworkCore;

namespace PluvoDashboard.Storage;

/// <summary>
/// Which stored events a list or a bulk replay is about: a type with <c>*</c> as wildcard (as in forwarding
/// patterns), a status, and a range of times received. Empty parts match everything.
/// </summary>
public sealed record EventFilter(string? EventType, EventStatus? Status, DateTimeOffset? From, DateTimeOffset? To)
{
    /// <summary>The filter in words, for the audit log: "type USER_*, status Failing" or "all events".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(EventType))
        {
            parts.Add($"type {EventType}");
        }

        if (Status is { } status)
        {
            parts.Add($"status {status}");
        }

        if (From is { } from)
        {
            parts.Add($"received from {from:u}");
        }

        if (To is { } to)
        {
            parts.Add($"received before {to:u}");
        }

        return parts.Count == 0 ? "all events" : string.Join(", ", parts);
    }

    public IQueryable<WebhookEvent> Apply(IQueryable<WebhookEvent> events)
    {
        if (!string.IsNullOrWhiteSpace(EventType))
        {
            var like = EventType.Replace("%", "").Replace("_", "\\_").Replace('*', '%');
            events = events.Where(e => EF.Functions.Like(e.EventType!, like, "\\"));
        }

        if (Status is { } status)
        {
            events = events.Where(e => e.Status == status);
        }

        if (From is { } from)
        {
            events = events.Where(e => e.ReceivedAt >= from);
        }

        if (To is { } to)
        {
            events = events.Where(e => e.ReceivedAt < to);
        }

        return events;
    }
}
