namespace PluvoDashboard.Storage;

internal static partial class StorageLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Mode} checkpoint of the database log failed")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception, string mode);
}
