using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Storage;
using PluvoDashboard.Storage.Search;

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

/// <summary>One page of events; <see cref="TotalIsLowerBound"/> when counting stopped at 10,000.</summary>
public sealed record EventSummaryPage(
    long Total,
    int Page,
    int PageSize,
    IReadOnlyList<EventSummary> Items,
    bool TotalIsLowerBound = false);

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

    /// <summary>
    /// Newest first. <c>q</c> takes the search box's syntax (free text, <c>type:</c>, <c>status:</c>,
    /// <c>user:</c>, <c>training:</c>, <c>family:</c>, <c>after:</c>, <c>before:</c>); the separate
    /// <c>type</c>, <c>status</c>, <c>after</c> and <c>before</c> parameters still work and win over <c>q</c>.
    /// </summary>
    private static async Task<Results<Ok<EventSummaryPage>, ProblemHttpResult>> ListAsync(
        EventSearch search,
        string? q,
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

        var query = EventQuery.Parse(q);
        if (query.Errors.Count > 0)
        {
            return TypedResults.Problem(
                string.Join(" ", query.Errors),
                statusCode: StatusCodes.Status400BadRequest,
                title: "The search could not be read",
                extensions: new Dictionary<string, object?> { ["errors"] = query.Errors });
        }

        query = query with
        {
            EventType = string.IsNullOrWhiteSpace(type) ? query.EventType : type,
            Status = status ?? query.Status,
            After = after ?? query.After,
            Before = before ?? query.Before,
        };
        var found = await search.SearchAsync(query, page - 1, pageSize, cancellationToken);
        var items = found.Rows
            .Select(r => new EventSummary(r.Id, r.ReceivedAt, r.SentDate, r.EventType, r.Family, r.Status,
                r.UserId, r.UserName, r.UserEmail, r.TrainingId, r.TrainingTitle, r.DuplicateCount))
            .ToList();
        return TypedResults.Ok(new EventSummaryPage(found.Total, page, pageSize, items, found.TotalIsLowerBound));
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
