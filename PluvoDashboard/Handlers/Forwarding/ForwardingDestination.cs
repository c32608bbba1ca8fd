namespace PluvoDashboard.Handlers.Forwarding;

/// <summary>One place stored events are forwarded to, from the <c>Handlers:Forwarding</c> list.</summary>
public sealed class ForwardingDestination
{
    public const string Section = "Handlers:Forwarding";

    /// <summary>A short name, unique among the destinations; the handler is called <c>forward:Name</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The absolute http or https URL the raw body is posted to.</summary>
    public string Url { get; set; } = "";

    /// <summary>
    /// Event types to forward; <c>*</c> matches any run of characters, as in <c>USER_*</c>. Empty: all.
    /// </summary>
    public List<string> Events { get; set; } = [];

    /// <summary>The key this destination verifies signatures with (Pluvo's documented reading).</summary>
    public string SigningKey { get; set; } = "";

    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>What is wrong with this destination's settings, naming each setting; empty when nothing is.</summary>
    public IEnumerable<string> Problems(int index)
    {
        var setting = $"{Section}:{index}";
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return $"{setting}:Name is required.";
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            yield return $"{setting}:Url must be an absolute http or https URL.";
        }

        if (string.IsNullOrWhiteSpace(SigningKey))
        {
            yield return $"{setting}:SigningKey is required.";
        }

        if (TimeoutSeconds is < 1 or > 300)
        {
            yield return $"{setting}:TimeoutSeconds must be 1 to 300.";
        }

        if (Events.Any(string.IsNullOrWhiteSpace))
        {
            yield return $"{setting}:Events has an empty entry.";
        }
    }

    public bool Takes(string? eventType) =>
        eventType is not null && (Events.Count == 0 || Events.Any(pattern => EventPattern.Matches(pattern, eventType)));
}

/// <summary>Event type patterns: exact names, with <c>*</c> standing for any run of characters.</summary>
public static class EventPattern
{
    public static bool Matches(string pattern, string eventType)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return string.Equals(pattern, eventType, StringComparison.Ordinal);
        }

        if (!eventType.StartsWith(parts[0], StringComparison.Ordinal)
            || !eventType.EndsWith(parts[^1], StringComparison.Ordinal)
            || eventType.Length < parts[0].Length + parts[^1].Length)
        {
            return false;
        }

        var position = parts[0].Length;
        var end = eventType.Length - parts[^1].Length;
        foreach (var middle in parts[1..^1])
        {
            var found = eventType.IndexOf(middle, position, end - position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + middle.Length;
        }

        return true;
    }
}
