using System.Diagnostics;
using PluvoDashboard.Handlers.Projection;

namespace PluvoDashboard.Api;

public sealed record RebuildAnswer(int Events, double ElapsedMs, string RequestedBy);

internal static class ReadModelsApi
{
    public static void MapReadModels(this RouteGroupBuilder api)
    {
        api.MapPost("/read-models/rebuild", RebuildAsync).WithName("RebuildReadModels");
    }

    /// <summary>
    /// Clears the read models and projects every stored event again in sent-date order. The answer comes
    /// when the rebuild is done; the stored events are not changed.
    /// </summary>
    private static async Task<RebuildAnswer> RebuildAsync(
        ReadModelRebuilder rebuilder,
        HttpContext http,
        ILogger<ReadModelRebuilder> logger,
        CancellationToken cancellationToken)
    {
        var caller = ApiEndpoints.Caller(http);
        ApiLog.RebuildRequested(logger, caller);
        var started = Stopwatch.GetTimestamp();
        var events = await rebuilder.RebuildAsync(cancellationToken);
        return new RebuildAnswer(events, Stopwatch.GetElapsedTime(started).TotalMilliseconds, caller);
    }
}
