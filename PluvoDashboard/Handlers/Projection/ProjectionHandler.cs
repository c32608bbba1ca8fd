using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Events;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Handlers.Projection;

/// <summary>
/// Keeps the read models (learners, trainings, groups, completions, portfolio items, grades, milestones,
/// enrolments) up to date with every known event, in one save per event.
/// </summary>
public sealed class ProjectionHandler(IDbContextFactory<PluvoDbContext> dbFactory) : IWebhookHandler
{
    public const string HandlerName = "projection";

    // The ordering guard reads a row and then writes it; two projections at once (the dispatcher and a
    // rebuild) could both read the old row and the older event win. One at a time keeps the guard sound.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Name => HandlerName;

    public bool Handles(string? eventType) => eventType is not null && EventCatalog.IsKnown(eventType);

    public async Task<HandlerOutcome> HandleAsync(HandlerContext context, CancellationToken cancellationToken)
    {
        var parsed = PluvoEventParser.Parse(context.Event.EventType, context.Event.RawBody);
        if (!parsed.Succeeded)
        {
            return HandlerOutcome.Failure(parsed.Error);
        }

        await ProjectAsync([(context.Event, parsed.Event)], cancellationToken);
        return HandlerOutcome.Success();
    }

    /// <summary>Applies events in the order given and saves them together.</summary>
    internal async Task ProjectAsync(
        IReadOnlyList<(WebhookEvent Stored, PluvoEvent Parsed)> events,
        CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var projection = new ReadModelProjection(db);
            foreach (var (stored, parsed) in events)
            {
                await projection.ApplyAsync(stored, parsed, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Empties every read model, between projections.</summary>
    internal async Task ClearAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Learners.ExecuteDeleteAsync(cancellationToken);
            await db.Trainings.ExecuteDeleteAsync(cancellationToken);
            await db.Groups.ExecuteDeleteAsync(cancellationToken);
            await db.PortfolioItems.ExecuteDeleteAsync(cancellationToken);
            await db.Enrolments.ExecuteDeleteAsync(cancellationToken);
            await db.Completions.ExecuteDeleteAsync(cancellationToken);
            await db.AssignmentGrades.ExecuteDeleteAsync(cancellationToken);
            await db.Milestones.ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
