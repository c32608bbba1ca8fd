using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Accounts;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Audit;

/// <summary>Writes down who did what, and reads it back for the settings page, newest first.</summary>
public sealed class AuditLog(IDbContextFactory<PluvoDbContext> dbFactory, TimeProvider time)
{
    public const int DetailMaxLength = 1000;

    public async Task RecordAsync(
        Actor actor,
        string action,
        string subject,
        string? detail = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor.Name,
            Action = action,
            Subject = subject,
            Detail = detail is { Length: > DetailMaxLength } ? detail[..DetailMaxLength] + "…" : detail,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>One page of entries, newest first, and whether older ones exist.</summary>
    public async Task<(IReadOnlyList<AuditEntry> Entries, bool More)> ListAsync(
        int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Id)
            .Skip(skip)
            .Take(take + 1)
            .ToListAsync(cancellationToken);
        return (rows.Take(take).ToList(), rows.Count > take);
    }
}
