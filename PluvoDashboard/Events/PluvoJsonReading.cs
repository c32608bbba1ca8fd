using System.Text.Json;

namespace PluvoDashboard.Events;

/// <summary>
/// How Pluvo's bodies are read as JSON, by the intake's envelope reader and the payload parser alike, so
/// that whatever the intake stored as readable is readable for the handlers too.
/// </summary>
public static class PluvoJsonReading
{
    public static JsonReaderOptions Options { get; } = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };
}
