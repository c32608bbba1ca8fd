using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PluvoDashboard.Live;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Handlers;

/// <summary>
/// Runs the handlers on stored events, in order of arrival. New events are planned (one
/// <see cref="HandlerWork"/> per handler that takes them), then due work is run one attempt at a time, each
/// attempt recorded as a <see cref="HandlerRun"/>. A failure is retried later with backoff, so it never
/// holds up other events, and is dead-lettered after <see cref="HandlerRetryOptions.MaxAttempts"/>.
/// Everything lives in the database: events left by a crash are picked up on the next start.
/// </summary>
public sealed class Dispatcher(
    IDbContextFactory<PluvoDbContext> dbFactory,
    HandlerRegistry registry,
    DispatchSignal signal,
    LiveFeed feed,
    IOptions<DispatcherOptions> options,
    TimeProvider time,
    ILogger<Dispatcher> logger) : BackgroundService
{
    private const int PlanBatchSize = 2000;
    private const int RunBatchSize = 200;

    private readonly Dictionary<string, IWebhookHandler> _handlers =
        registry.Handlers.ToDictionary(h => h.Name, StringComparer.Ordinal);

    private readonly DispatcherOptions _options = options.Value;
    private readonly HandlerRetryOptions _retry = options.Value.Retry;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        HandlersLog.DispatcherStarted(logger, string.Join(", ", _handlers.Keys));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var planned = await PlanNewEventsAsync(stoppingToken);
                var ran = await RunDueWorkAsync(stoppingToken);
                if (planned == 0 && ran == 0)
                {
                    if (await signal.WaitAsync(_options.PollInterval, stoppingToken))
                    {
                        await Task.Delay(_options.GatherDelay, time, stoppingToken);
                    }
                }
                else if (signal.TakeWokenSinceAsked() || (planned < PlanBatchSize && ran < RunBatchSize))
                {
                    // Deliveries keep arriving, or there is little to do: let the intake have the database
                    // for a while. Without new deliveries a backlog is worked off at full speed.
                    await Task.Delay(_options.GatherDelay, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                HandlersLog.DispatcherFailed(logger, ex);
                try
                {
                    await Task.Delay(_options.PollInterval, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Creates the work for events not seen yet; returns how many events it looked at.</summary>
    private async Task<int> PlanNewEventsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cursor = await db.DispatcherCursors.FindAsync([DispatcherCursor.Main], cancellationToken);
        if (cursor is null)
        {
            cursor = new DispatcherCursor();
            db.DispatcherCursors.Add(cursor);
        }

        // Ids grow in commit order because one writer assigns them; a cursor is then enough to find new ones.
        var events = await db.WebhookEvents
            .Where(e => e.Id > cursor.LastPlannedEventId)
            .OrderBy(e => e.Id)
            .Take(PlanBatchSize)
            .Select(e => new { e.Id, e.EventType, e.Status })
            .ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        // Events nothing takes are stored as processed by the intake; one is still pending here only when
        // the handlers changed since it was stored.
        var now = time.GetUtcNow();
        var nothingToDo = new List<long>();
        foreach (var e in events.Where(e => e.Status == EventStatus.Pending))
        {
            var takers = _handlers.Values.Where(h => h.Handles(e.EventType)).ToList();
            if (takers.Count == 0)
            {
                nothingToDo.Add(e.Id);
                continue;
            }

            db.HandlerWork.AddRange(takers.Select(h => new HandlerWork
            {
                EventId = e.Id,
                HandlerName = h.Name,
                Status = HandlerWorkStatus.Pending,
                DueAt = now,
                UpdatedAt = now,
            }));
        }

        cursor.LastPlannedEventId = events[^1].Id;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (nothingToDo.Count > 0)
        {
            await db.WebhookEvents
                .Where(e => nothingToDo.Contains(e.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EventStatus.Processed), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return events.Count;
    }

    /// <summary>Runs one attempt of each piece of due work, oldest events first; returns how many ran.</summary>
    private async Task<int> RunDueWorkAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var due = await db.HandlerWork
            .Where(w => (w.Status == HandlerWorkStatus.Pending || w.Status == HandlerWorkStatus.Failing)
                && w.DueAt <= now)
            .OrderBy(w => w.EventId)
            .Take(RunBatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var eventIds = due.Select(w => w.EventId).Distinct().ToList();
        var events = await db.WebhookEvents
            .Where(e => eventIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var runs = new List<HandlerRun>(due.Count);
        foreach (var work in due)
        {
            runs.Add(await RunOnceAsync(work, events[work.EventId], cancellationToken));
        }

        db.HandlerRuns.AddRange(runs);
        await db.SaveChangesAsync(cancellationToken);
        await UpdateEventStatusesAsync(db, eventIds, cancellationToken);
        Publish(runs, events);
        return due.Count;
    }

    private async Task<HandlerRun> RunOnceAsync(
        HandlerWork work,
        WebhookEvent stored,
        CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        work.Attempts++;
        work.AttemptsInRound++;
        var outcome = await AttemptAsync(work, stored, cancellationToken);
        var run = new HandlerRun
        {
            EventId = work.EventId,
            HandlerName = work.HandlerName,
            Attempt = work.Attempts,
            StartedAt = startedAt,
            DurationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            Succeeded = outcome.Succeeded,
            Error = outcome.Error,
            ResponseStatus = outcome.ResponseStatus,
            IsReplay = work.IsReplay,
            RequestedBy = work.RequestedBy,
        };

        var now = time.GetUtcNow();
        work.UpdatedAt = now;
        work.LastError = outcome.Error;
        if (outcome.Succeeded)
        {
            work.Status = HandlerWorkStatus.Succeeded;
            work.DueAt = null;
        }
        else if (work.AttemptsInRound >= _retry.MaxAttempts || !_handlers.ContainsKey(work.HandlerName))
        {
            work.Status = HandlerWorkStatus.DeadLettered;
            work.DueAt = null;
            HandlersLog.DeadLettered(logger, work.HandlerName, work.EventId, work.AttemptsInRound, outcome.Error);
        }
        else
        {
            var delay = _retry.DelayAfter(work.AttemptsInRound, Random.Shared);
            work.Status = HandlerWorkStatus.Failing;
            work.DueAt = now + delay;
            HandlersLog.RunFailed(logger, work.HandlerName, work.EventId, work.Attempts, delay, outcome.Error);
        }

        return run;
    }

    private async Task<HandlerOutcome> AttemptAsync(
        HandlerWork work,
        WebhookEvent stored,
        CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(work.HandlerName, out var handler))
        {
            return HandlerOutcome.Failure($"No handler named '{work.HandlerName}' is configured any more.");
        }

        try
        {
            var context = new HandlerContext(stored, work.Attempts, work.IsReplay, work.RequestedBy);
            return await handler.HandleAsync(context, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A handler's exception is its failure, never the dispatcher's. The innermost message says what went
            // wrong (EF Core's own only says to look inside).
            return HandlerOutcome.Failure($"{ex.GetType().Name}: {ex.GetBaseException().Message}");
        }
    }

    /// <summary>Tells live pages what the handlers did, once it is committed.</summary>
    private void Publish(List<HandlerRun> runs, Dictionary<long, WebhookEvent> events)
    {
        if (feed.SubscriberCount == 0)
        {
            return;
        }

        foreach (var run in runs)
        {
            var stored = events[run.EventId];
            var change = !run.Succeeded ? LiveChange.Failed : run.IsReplay ? LiveChange.Replayed : LiveChange.Processed;
            feed.Publish(new LiveUpdate(
                change, run.EventId, stored.EventType, stored.UserName, stored.TrainingTitle, time.GetUtcNow()));
        }
    }

    /// <summary>Derives each event's status from its handlers' work: the worst of them wins.</summary>
    private static async Task UpdateEventStatusesAsync(
        PluvoDbContext db,
        List<long> eventIds,
        CancellationToken cancellationToken)
    {
        var statuses = await db.HandlerWork
            .Where(w => eventIds.Contains(w.EventId))
            .Select(w => new { w.EventId, w.Status })
            .ToListAsync(cancellationToken);
        foreach (var group in statuses.GroupBy(s => s.EventId))
        {
            var status = Derive(group.Select(s => s.Status));
            await db.WebhookEvents
                .Where(e => e.Id == group.Key && e.Status != status)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, status), cancellationToken);
        }
    }

    internal static EventStatus Derive(IEnumerable<HandlerWorkStatus> work)
    {
        var all = work.ToList();
        return all.Contains(HandlerWorkStatus.DeadLettered) ? EventStatus.DeadLettered
            : all.Contains(HandlerWorkStatus.Failing) ? EventStatus.Failing
            : all.Contains(HandlerWorkStatus.Pending) ? EventStatus.Pending
            : EventStatus.Processed;
    }
}
