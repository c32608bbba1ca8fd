using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Events;

/// <summary>The sentences of a page of stored events, read from their bodies in one query.</summary>
public static class StoredEventDescriptions
{
    public static async Task<IReadOnlyDictionary<long, EventDescription>> LoadAsync(
        IDbContextFactory<PluvoDbContext> dbFactory, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<long, EventDescription>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var bodies = await db.WebhookEvents.AsNoTracking()
            .Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.EventType, e.RawBody })
            .ToListAsync(ct);
        return bodies.ToDictionary(b => b.Id, b => EventSentences.Describe(b.EventType, b.RawBody));
    }
}
