using Microsoft.AspNetCore.Http.HttpResults;
using PluvoDashboard.Accounts;
using PluvoDashboard.Handlers;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Api;

/// <summary>Which handlers to replay one event through; none named means every handler that takes it.</summary>
public sealed record ReplayRequest(IReadOnlyList<string>? Handlers);

public sealed record ReplayScheduled(long EventId, IReadOnlyList<string> Handlers);

/// <summary>A bulk replay: without <see cref="Confirm"/> it only counts what it would touch.</summary>
public sealed record BulkReplayRequest(
    string? EventType,
    EventStatus? Status,
    DateTimeOffset? From,
    DateTimeOffset? To,
    bool Confirm);

public sealed record BulkReplayAnswer(int Matching, int Scheduled, bool Confirmed);

internal static class ReplayApi
{
    public static void MapReplay(this RouteGroupBuilder api)
    {
        api.MapPost("/events/{id:long}/replay", ReplayOneAsync).WithName("ReplayEvent").RequireAdmin();
        api.MapPost("/events/replay", ReplayManyAsync).WithName("ReplayEvents").RequireAdmin();
    }

    private static async Task<Results<Accepted<ReplayScheduled>, ProblemHttpResult>> ReplayOneAsync(
        long id,
        ReplayRequest? request,
        ReplayService replay,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var names = request?.Handlers?.Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        var (result, handlers) = await replay.ReplayAsync(id, names, Actor.From(http.User), cancellationToken);
        return result switch
        {
            ReplayRequestResult.Scheduled =>
                TypedResults.Accepted($"/api/events/{id}", new ReplayScheduled(id, handlers)),
            ReplayRequestResult.EventNotFound => EventsApi.NotFound(id),
            ReplayRequestResult.UnknownHandler => TypedResults.Problem(
                "At least one of the named handlers does not exist. GET /api/events/{id} lists the event's handlers.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unknown handler"),
            _ => TypedResults.Problem(
                "No handler (of those named) takes this event, or its body is unparseable.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Nothing to replay"),
        };
    }

    private static async Task<Results<Ok<BulkReplayAnswer>, Accepted<BulkReplayAnswer>>> ReplayManyAsync(
        BulkReplayRequest request,
        ReplayService replay,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var filter = new EventFilter(request.EventType, request.Status, request.From, request.To);
        var matching = await replay.CountAsync(filter, cancellationToken);
        if (!request.Confirm)
        {
            return TypedResults.Ok(new BulkReplayAnswer(matching, 0, false));
        }

        var scheduled = await replay.ReplayAllAsync(filter, Actor.From(http.User), cancellationToken);
        return TypedResults.Accepted("/api/events", new BulkReplayAnswer(matching, scheduled, true));
    }
}
