namespace PluvoDashboard.Handlers;

internal static partial class HandlersLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatcher started with handlers: {Handlers}")]
    public static partial void DispatcherStarted(ILogger logger, string handlers);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Handler {Handler} failed on event {EventId} (attempt {Attempt}); next attempt in {Delay}: {Error}")]
    public static partial void RunFailed(
        ILogger logger, string handler, long eventId, int attempt, TimeSpan delay, string? error);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Handler {Handler} gave up on event {EventId} after {Attempts} attempts: {Error}")]
    public static partial void DeadLettered(ILogger logger, string handler, long eventId, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The dispatcher failed; it tries again shortly")]
    public static partial void DispatcherFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuild of the read models requested by {RequestedBy}")]
    public static partial void RebuildRequested(ILogger logger, string requestedBy);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Replay requested by {RequestedBy}: {Events} event(s) through {Handlers}")]
    public static partial void ReplayRequested(ILogger logger, string requestedBy, int events, string handlers);
}
