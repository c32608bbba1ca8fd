using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Accounts;
using PluvoDashboard.Audit;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Handlers;

/// <summary>The outcome of asking for a replay of one event.</summary>
public enum ReplayRequestResult
{
    Scheduled,
    EventNotFound,
    UnknownHandler,
    NothingToRun,
}

/// <summary>
/// Schedules stored events to run through handlers again. The event itself is never changed: its handlers'
/// work is set pending again, marked as a replay with who asked, and the dispatcher runs it like live
/// traffic, writing new <see cref="HandlerRun"/> rows. Only admins may replay; each replay is audited.
/// </summary>
public sealed class ReplayService(
    IDbContextFactory<PluvoDbContext> dbFactory,
    HandlerRegistry registry,
    DispatchSignal signal,
    AuditLog audit,
    TimeProvider time,
    ILogger<ReplayService> logger)
{
    public const string AllHandlers = "every handler that takes them";

    /// <summary>Replays one event through the named handlers, or through every handler that takes it.</summary>
    /// <exception cref="ActionNotAllowedException">The actor is not an admin.</exception>
    public async Task<(ReplayRequestResult Result, IReadOnlyList<string> Handlers)> ReplayAsync(
        long eventId,
        IReadOnlyCollection<string>? handlerNames,
        Actor actor,
        CancellationToken cancellationToken)
    {
        actor.EnsureAdmin("replay events");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.WebhookEvents
            .Where(e => e.Id == eventId)
            .Select(e => new { e.Id, e.EventType, e.Status })
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return (ReplayRequestResult.EventNotFound, []);
        }

        if (handlerNames is { Count: > 0 } && handlerNames.Any(n => registry.Handlers.All(h => h.Name != n)))
        {
            return (ReplayRequestResult.UnknownHandler, []);
        }

        var handlers = registry.Handlers
            .Where(h => h.Handles(stored.EventType))
            .Where(h => handlerNames is not { Count: > 0 } || handlerNames.Contains(h.Name))
            .Select(h => h.Name)
            .ToList();
        if (handlers.Count == 0 || stored.Status == EventStatus.Unparseable)
        {
            return (ReplayRequestResult.NothingToRun, []);
        }

        await ScheduleAsync(db, [stored.Id], handlers, actor.Name, cancellationToken);
        signal.Wake();
        var through = string.Join(", ", handlers);
        HandlersLog.ReplayRequested(logger, actor.Name, 1, through);
        await audit.RecordAsync(actor, "replay", $"event {eventId}", $"through {through}", cancellationToken);
        return (ReplayRequestResult.Scheduled, handlers);
    }

    /// <summary>How many events a bulk replay with this filter would touch.</summary>
    public async Task<int> CountAsync(EventFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Matching(db, filter).CountAsync(cancellationToken);
    }

    /// <summary>Replays every event the filter matches through every handler that takes it.</summary>
    /// <exception cref="ActionNotAllowedException">The actor is not an admin.</exception>
    public async Task<int> ReplayAllAsync(EventFilter filter, Actor actor, CancellationToken cancellationToken)
    {
        actor.EnsureAdmin("replay events");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var events = await Matching(db, filter)
            .Select(e => new { e.Id, e.EventType })
            .ToListAsync(cancellationToken);
        var scheduled = 0;
        foreach (var chunk in events.Chunk(500))
        {
            foreach (var byType in chunk.GroupBy(e => e.EventType))
            {
                var handlers = registry.Handlers.Where(h => h.Handles(byType.Key)).Select(h => h.Name).ToList();
                if (handlers.Count > 0)
                {
                    await ScheduleAsync(db, [.. byType.Select(e => e.Id)], handlers, actor.Name, cancellationToken);
                    scheduled += byType.Count();
                }
            }
        }

        signal.Wake();
        HandlersLog.ReplayRequested(logger, actor.Name, scheduled, AllHandlers);
        await audit.RecordAsync(actor, "bulk replay", $"{scheduled} event{(scheduled == 1 ? "" : "s")}",
            filter.Describe(), cancellationToken);
        return scheduled;
    }

    /// <summary>The events a bulk replay may touch: those the filter matches, unparseable ones aside.</summary>
    private static IQueryable<WebhookEvent> Matching(PluvoDbContext db, EventFilter filter) =>
        filter.Apply(db.WebhookEvents.Where(e => e.Status != EventStatus.Unparseable));

    private async Task ScheduleAsync(
        PluvoDbContext db,
        long[] eventIds,
        List<string> handlers,
        string requestedBy,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var existing = await db.HandlerWork
            .Where(w => eventIds.Contains(w.EventId) && handlers.Contains(w.HandlerName))
            .ToDictionaryAsync(w => (w.EventId, w.HandlerName), cancellationToken);
        foreach (var eventId in eventIds)
        {
            foreach (var handler in handlers)
            {
                if (!existing.TryGetValue((eventId, handler), out var work))
                {
                    work = new HandlerWork { EventId = eventId, HandlerName = handler };
                    db.HandlerWork.Add(work);
                }

                work.Status = HandlerWorkStatus.Pending;
                work.AttemptsInRound = 0;
                work.DueAt = now;
                work.IsReplay = true;
                work.RequestedBy = requestedBy;
                work.UpdatedAt = now;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.WebhookEvents
            .Where(e => eventIds.Contains(e.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EventStatus.Pending), cancellationToken);
    }
}
