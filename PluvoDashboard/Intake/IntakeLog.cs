using PluvoDashboard.Storage;

namespace PluvoDashboard.Intake;

/// <summary>The intake's log lines. None of them carries a key, a salt or a signature.</summary>
internal static partial class IntakeLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Webhook endpoint ready at {Path}; key set: {KeySet}; previous keys accepted: {PreviousKeys}")]
    public static partial void EndpointReady(ILogger logger, string path, bool keySet, int previousKeys);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Refused a delivery from {RemoteAddress}: {Reason} ({BodyLength} bytes)")]
    public static partial void DeliveryRefused(
        ILogger logger, RejectionReason reason, string? remoteAddress, long? bodyLength);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Refused a delivery from {RemoteAddress}: no webhook key is configured (set Pluvo__WebhookKey)")]
    public static partial void NoWebhookKey(ILogger logger, string? remoteAddress);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Refused a delivery from {RemoteAddress} with 503: the intake queue is full or closing")]
    public static partial void QueueFull(ILogger logger, string? remoteAddress);

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Stored delivery {Id} ({EventType}); duplicate: {Duplicate}")]
    public static partial void DeliveryStored(ILogger logger, long id, string? eventType, bool duplicate);

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Committed {Deliveries} deliveries and {Rejections} refusals in {ElapsedMs:F1} ms")]
    public static partial void BatchCommitted(ILogger logger, int deliveries, int rejections, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "A batch of {Deliveries} deliveries could not be stored; their senders were answered 503")]
    public static partial void BatchFailed(ILogger logger, Exception exception, int deliveries);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Intake writer stopped after committing {Drained} deliveries accepted before shutdown")]
    public static partial void WriterStopped(ILogger logger, int drained);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Deliveries from {Remote} are refused unread for a while: over {PerMinute} refused a minute")]
    public static partial void AddressLimited(ILogger logger, string? remote, int perMinute);
}
