namespace PluvoDashboard.Cli;

/// <summary>The demo stream's log lines. None of them carries the key or a signature.</summary>
internal static partial class DemoLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Demo stream posting to {Url}")]
    public static partial void Started(ILogger logger, Uri url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo stream stopped after {Sent} deliveries")]
    public static partial void Stopped(ILogger logger, int sent);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Demo stream not started: no webhook key is configured (set Pluvo__WebhookKey)")]
    public static partial void NoWebhookKey(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Demo stream not started: the server listens on no plain http address")]
    public static partial void NoHttpAddress(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Demo {EventType} was answered {StatusCode}: {Answer}")]
    public static partial void Refused(ILogger logger, string eventType, int statusCode, string answer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo {EventType} could not be posted: {Failure}")]
    public static partial void Failed(ILogger logger, string eventType, string? failure);
}
