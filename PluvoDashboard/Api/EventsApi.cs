using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Api;

public sealed record EventSummary(
    long Id,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? SentDate,
    string? EventType,
    string Family,
    EventStatus Status,
    string? UserId,
    string? UserName,
    string? UserEmail,
    string? TrainingId,
    string? TrainingTitle,
    int DuplicateCount);

public sealed record EventPage(int Total, int Page, int PageSize, IReadOnlyList<EventSummary> Items);

public sealed record EventDetail(
    EventSummary Event,
    string Payload,
    JsonElement Headers,
    string SignatureReading,
    string SignatureKey,
    string? ParseError,
    IReadOnlyList<HandlerRun> Runs,
    IReadOnlyList<HandlerWork> Handlers);

internal static class EventsApi
{
    private const int MaxPageSize = 500;

    public static void MapEvents(this RouteGroupBuilder api)
    {
        api.MapGet("/events", ListAsync).WithName("ListEvents");
        api.MapGet("/events/{id:long}", GetAsync).WithName("GetEvent");
    }

    /// <summary>Newest first; filters by type (<c>*</c> as wildcard), status and time received.</summary>
    private static async Task<Results<Ok<EventPage>, ProblemHttpResult>> ListAsync(
        IDbContextFactory<PluvoDbContext> dbFactory,
        string? type,
        EventStatus? status,
        DateTimeOffset? after,
        DateTimeOffset? before,
        int page = 1,
        int pageSize = 50,
        CancellationToken cancellationToken = default)
    {
        if (page < 1 || pageSize is < 1 or > MaxPageSize)
        {
            return TypedResults.Problem(
                $"page must be 1 or more and pageSize 1 to {MaxPageSize}.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "The page is out of range");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = new EventFilter(type, status, after, before).Apply(db.WebhookEvents);
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(e => e.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(Summary)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new EventPage(total, page, pageSize, items));
    }

    private static async Task<Results<Ok<EventDetail>, ProblemHttpResult>> GetAsync(
        long id,
        IDbContextFactory<PluvoDbContext> dbFactory,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.WebhookEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (stored is null)
        {
            return NotFound(id);
        }

        var runs = await db.HandlerRuns.AsNoTracking()
            .Where(r => r.EventId == id).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var work = await db.HandlerWork.AsNoTracking()
            .Where(w => w.EventId == id).OrderBy(w => w.HandlerName).ToListAsync(cancellationToken);
        using var headers = JsonDocument.Parse(stored.Headers);
        return TypedResults.Ok(new EventDetail(
            ToSummary(stored),
            Encoding.UTF8.GetString(stored.RawBody),
            headers.RootElement.Clone(),
            stored.SignatureReading,
            stored.SignatureKey,
            stored.ParseError,
            runs,
            work));
    }

    internal static ProblemHttpResult NotFound(long id) => TypedResults.Problem(
        $"No event with id {id} is stored.", statusCode: StatusCodes.Status404NotFound, title: "No such event");

    private static readonly System.Linq.Expressions.Expression<Func<WebhookEvent, EventSummary>> Summary =
        e => new EventSummary(
            e.Id, e.ReceivedAt, e.SentDate, e.EventType, e.Family, e.Status,
            e.UserId, e.UserName, e.UserEmail, e.TrainingId, e.TrainingTitle, e.DuplicateCount);

    // Declared after Summary: static fields are initialised in order.
    private static readonly Func<WebhookEvent, EventSummary> ToSummary = Summary.Compile();
}
