using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Accounts;
using PluvoDashboard.Audit;
using PluvoDashboard.Events;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Handlers.Projection;

/// <summary>
/// Builds the read models again from the stored events: for after a change to the projection, or when they
/// are in doubt. The result is what live processing gives, since the projection is order-guarded.
/// </summary>
public sealed class ReadModelRebuilder(
    IDbContextFactory<PluvoDbContext> dbFactory,
    ProjectionHandler projection,
    AuditLog audit,
    ILogger<ReadModelRebuilder> logger)
{
    private const int ChunkSize = 200;

    /// <summary>
    /// Empties the read models and projects every stored event the projection takes, oldest sent date first
    /// (then in order of arrival). Events that arrive meanwhile are projected live as well, which the
    /// ordering guard makes harmless.
    /// </summary>
    /// <returns>How many events were projected.</returns>
    /// <exception cref="ActionNotAllowedException">The actor is not an admin.</exception>
    public async Task<int> RebuildAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.EnsureAdmin("rebuild the read models");
        HandlersLog.RebuildRequested(logger, actor.Name);
        await audit.RecordAsync(actor, "rebuild", "read models", cancellationToken: cancellationToken);

        List<long> order;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // Only ids and dates up front; the bodies are read a chunk at a time.
            var candidates = await db.WebhookEvents
                .Where(e => e.Status != EventStatus.Unparseable && e.EventType != null)
                .Select(e => new { e.Id, e.SentDate, e.EventType })
                .ToListAsync(cancellationToken);
            order = [.. candidates
                .Where(e => projection.Handles(e.EventType))
                .OrderBy(e => e.SentDate)
                .ThenBy(e => e.Id)
                .Select(e => e.Id)];
        }

        await projection.ClearAsync(cancellationToken);
        var projected = 0;
        foreach (var chunk in order.Chunk(ChunkSize))
        {
            projected += await ProjectChunkAsync(chunk, cancellationToken);
        }

        ProjectionLog.Rebuilt(logger, projected, order.Count - projected);
        return projected;
    }

    private async Task<int> ProjectChunkAsync(long[] ids, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.WebhookEvents
            .AsNoTracking()
            .Where(e => ids.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, cancellationToken);

        var events = new List<(WebhookEvent, PluvoEvent)>(ids.Length);
        foreach (var id in ids)
        {
            // A body the parser refuses fails live as well; the rebuild leaves it out like live processing did.
            var parsed = PluvoEventParser.Parse(stored[id].EventType, stored[id].RawBody);
            if (parsed.Succeeded)
            {
                events.Add((stored[id], parsed.Event));
            }
        }

        await projection.ProjectAsync(events, cancellationToken);
        return events.Count;
    }
}
