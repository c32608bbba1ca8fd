namespace PluvoDashboard.Handlers.Projection;

internal static partial class ProjectionLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Read models rebuilt from {Projected} events; {Skipped} could not be read and were left out")]
    public static partial void Rebuilt(ILogger logger, int projected, int skipped);
}
