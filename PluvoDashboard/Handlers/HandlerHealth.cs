using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Handlers;

/// <summary>How one handler has done over the last day, and what is left for it to do.</summary>
/// <param name="Runs">Attempts started in the window, replays included.</param>
/// <param name="SuccessRate">The share of those attempts that succeeded, 0 to 1; null without attempts.</param>
/// <param name="P50Ms">The median attempt duration in milliseconds; null without attempts.</param>
/// <param name="P95Ms">The duration 95% of attempts stayed within; null without attempts.</param>
/// <param name="Waiting">Events queued for this handler that it has not tried yet.</param>
/// <param name="Retrying">Events it failed on and will try again after a backoff.</param>
/// <param name="DeadLetters">Events it gave up on; they wait for a replay.</param>
public sealed record HandlerSummary(
    string Name,
    int Runs,
    int Succeeded,
    double? SuccessRate,
    double? P50Ms,
    double? P95Ms,
    int Waiting,
    int Retrying,
    int DeadLetters);

/// <summary>One failed attempt of a handler, with the event it failed on.</summary>
public sealed record HandlerFailure(
    long RunId,
    long EventId,
    string? EventType,
    string HandlerName,
    int Attempt,
    string? Error,
    DateTimeOffset StartedAt);

/// <summary>An event some handler gave up on, with the handlers that did and the last error.</summary>
public sealed record DeadLetter(
    long EventId,
    string? EventType,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<string> Handlers,
    string? LastError);

/// <summary>One page of dead letters, newest event first, and how many there are in all.</summary>
public sealed record DeadLetterPage(IReadOnlyList<DeadLetter> Items, int Total);

/// <summary>
/// The figures of the handlers page. Every query stays cheap on a large history: runs are read per handler
/// over the last <see cref="Window"/> through the (HandlerName, StartedAt) index, and queued, retrying and
/// dead-lettered work through the (Status, DueAt) index of the handler work, never by scanning all events.
/// </summary>
public sealed class HandlerHealth(
    IDbContextFactory<PluvoDbContext> dbFactory,
    HandlerRegistry registry,
    TimeProvider time)
{
    /// <summary>How far back the run figures and recent failures look.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>One summary per registered handler, in registration order.</summary>
    public async Task<IReadOnlyList<HandlerSummary>> SummariesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var since = time.GetUtcNow() - Window;
        var work = await db.HandlerWork
            .Where(w => w.Status == HandlerWorkStatus.Pending
                || w.Status == HandlerWorkStatus.Failing
                || w.Status == HandlerWorkStatus.DeadLettered)
            .GroupBy(w => new { w.HandlerName, w.Status })
            .Select(g => new { g.Key.HandlerName, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);

        int WorkCount(string handler, HandlerWorkStatus status) =>
            work.FirstOrDefault(w => w.HandlerName == handler && w.Status == status)?.Count ?? 0;

        var summaries = new List<HandlerSummary>(registry.Handlers.Count);
        foreach (var name in registry.Handlers.Select(h => h.Name))
        {
            var runs = db.HandlerRuns.Where(r => r.HandlerName == name && r.StartedAt >= since);
            var counts = await runs
                .GroupBy(_ => 1)
                .Select(g => new { Runs = g.Count(), Succeeded = g.Count(r => r.Succeeded) })
                .SingleOrDefaultAsync(cancellationToken);
            var total = counts?.Runs ?? 0;
            summaries.Add(new HandlerSummary(
                name,
                total,
                counts?.Succeeded ?? 0,
                total == 0 ? null : (double)counts!.Succeeded / total,
                await PercentileAsync(runs, total, 50, cancellationToken),
                await PercentileAsync(runs, total, 95, cancellationToken),
                WorkCount(name, HandlerWorkStatus.Pending),
                WorkCount(name, HandlerWorkStatus.Failing),
                WorkCount(name, HandlerWorkStatus.DeadLettered)));
        }

        return summaries;
    }

    /// <summary>The latest failed attempts of the registered handlers within the window, newest first.</summary>
    public async Task<IReadOnlyList<HandlerFailure>> RecentFailuresAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var since = time.GetUtcNow() - Window;
        var failures = new List<HandlerRun>();
        foreach (var name in registry.Handlers.Select(h => h.Name))
        {
            // Per handler, so the index bounds the scan to its last day; the newest of all are picked below.
            failures.AddRange(await db.HandlerRuns
                .AsNoTracking()
                .Where(r => r.HandlerName == name && r.StartedAt >= since && !r.Succeeded)
                .OrderByDescending(r => r.StartedAt)
                .Take(count)
                .ToListAsync(cancellationToken));
        }

        var newest = failures.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(count).ToList();
        var eventIds = newest.Select(r => r.EventId).Distinct().ToList();
        var types = await db.WebhookEvents
            .Where(e => eventIds.Contains(e.Id))
            .Select(e => new { e.Id, e.EventType })
            .ToDictionaryAsync(e => e.Id, e => e.EventType, cancellationToken);
        return [.. newest.Select(r => new HandlerFailure(
            r.Id, r.EventId, types.GetValueOrDefault(r.EventId), r.HandlerName, r.Attempt, r.Error, r.StartedAt))];
    }

    /// <summary>
    /// Events a handler gave up on, newest first. An event is dead-lettered exactly when some handler's work
    /// on it is, so they are found through the work rows.
    /// </summary>
    /// <param name="page">Zero-based.</param>
    public async Task<DeadLetterPage> DeadLettersAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deadEventIds = db.HandlerWork
            .Where(w => w.Status == HandlerWorkStatus.DeadLettered)
            .Select(w => w.EventId)
            .Distinct();
        var total = await deadEventIds.CountAsync(cancellationToken);
        var ids = await deadEventIds
            .OrderByDescending(id => id)
            .Skip(page * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return new DeadLetterPage([], total);
        }

        var events = await db.WebhookEvents
            .Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.EventType, e.ReceivedAt })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var work = await db.HandlerWork
            .Where(w => ids.Contains(w.EventId) && w.Status == HandlerWorkStatus.DeadLettered)
            .Select(w => new { w.EventId, w.HandlerName, w.LastError, w.UpdatedAt })
            .ToListAsync(cancellationToken);
        var items = ids.Where(events.ContainsKey).Select(id =>
        {
            var given = work.Where(w => w.EventId == id).OrderByDescending(w => w.UpdatedAt).ToList();
            return new DeadLetter(
                id,
                events[id].EventType,
                events[id].ReceivedAt,
                [.. given.Select(w => w.HandlerName).Order(StringComparer.Ordinal)],
                given.FirstOrDefault()?.LastError);
        });
        return new DeadLetterPage([.. items], total);
    }

    /// <summary>
    /// The nearest-rank percentile of the durations: the smallest duration at least <paramref name="percent"/>
    /// percent of the runs took no longer than. SQLite sorts only this handler's runs of the window.
    /// </summary>
    private static async Task<double?> PercentileAsync(
        IQueryable<HandlerRun> runs,
        int total,
        int percent,
        CancellationToken cancellationToken)
    {
        if (total == 0)
        {
            return null;
        }

        // Whole numbers, so 95% of 20 runs is exactly rank 19.
        var rank = (int)(((long)percent * total + 99) / 100);
        return await runs
            .OrderBy(r => r.DurationMs)
            .Skip(Math.Max(rank, 1) - 1)
            .Select(r => (double?)r.DurationMs)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
