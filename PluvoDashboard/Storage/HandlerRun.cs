namespace PluvoDashboard.Storage;

/// <summary>One attempt of one handler on one event; never changed once written.</summary>
public sealed class HandlerRun
{
    public long Id { get; set; }

    public long EventId { get; set; }

    public string HandlerName { get; set; } = "";

    /// <summary>1 for the first attempt; counts on from there, replays included.</summary>
    public int Attempt { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public double DurationMs { get; set; }

    public bool Succeeded { get; set; }

    public string? Error { get; set; }

    /// <summary>The HTTP status a forwarding destination answered, where there was one.</summary>
    public int? ResponseStatus { get; set; }

    public bool IsReplay { get; set; }

    /// <summary>Who asked for the replay; null for live processing.</summary>
    public string? RequestedBy { get; set; }
}

/// <summary>Where one handler stands with one event.</summary>
public enum HandlerWorkStatus
{
    Pending,
    Succeeded,
    Failing,
    DeadLettered,
}

/// <summary>
/// The progress of one handler on one event: each handler advances, retries and gives up on its own, so a
/// failing forwarder never re-runs the projection.
/// </summary>
public sealed class HandlerWork
{
    public long EventId { get; set; }

    public string HandlerName { get; set; } = "";

    public HandlerWorkStatus Status { get; set; }

    /// <summary>Attempts made so far, over the event's whole life.</summary>
    public int Attempts { get; set; }

    /// <summary>Attempts made since the work was last (re)started; compared with the retry limit.</summary>
    public int AttemptsInRound { get; set; }

    /// <summary>When the next attempt is due; null once the work is finished.</summary>
    public DateTimeOffset? DueAt { get; set; }

    public string? LastError { get; set; }

    public bool IsReplay { get; set; }

    public string? RequestedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>How far the dispatcher has looked at new events, so it finds them by id, without an index.</summary>
public sealed class DispatcherCursor
{
    public const string Main = "main";

    public string Name { get; set; } = Main;

    public long LastPlannedEventId { get; set; }
}
