using System.Diagnostics;
using PluvoDashboard.Accounts;
using PluvoDashboard.Handlers.Projection;

namespace PluvoDashboard.Api;

public sealed record RebuildAnswer(int Events, double ElapsedMs, string RequestedBy);

internal static class ReadModelsApi
{
    public static void MapReadModels(this RouteGroupBuilder api)
    {
        api.MapPost("/read-models/rebuild", RebuildAsync).WithName("RebuildReadModels").RequireAdmin();
    }

    /// <summary>
    /// Clears the read models and projects every stored event again in sent-date order. The answer comes
    /// when the rebuild is done; the stored events are not changed.
    /// </summary>
    private static async Task<RebuildAnswer> RebuildAsync(
        ReadModelRebuilder rebuilder,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var actor = Actor.From(http.User);
        var started = Stopwatch.GetTimestamp();
        var events = await rebuilder.RebuildAsync(actor, cancellationToken);
        return new RebuildAnswer(events, Stopwatch.GetElapsedTime(started).TotalMilliseconds, actor.Name);
    }
}
