namespace PluvoDashboard.Api;

internal static partial class ApiLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuild of the read models requested by {RequestedBy}")]
    public static partial void RebuildRequested(ILogger logger, string requestedBy);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Replay requested by {RequestedBy}: {Events} event(s) through {Handlers}")]
    public static partial void ReplayRequested(ILogger logger, string requestedBy, int events, string handlers);
}
