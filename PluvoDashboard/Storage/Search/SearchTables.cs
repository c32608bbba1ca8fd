namespace PluvoDashboard.Storage.Search;

/// <summary>
/// How far the search indexer has got: every event with an id up to <see cref="LastIndexedEventId"/> is in
/// the search tables, and nothing after it. Ids grow in commit order, so a cursor finds the new ones.
/// </summary>
public sealed class SearchCursor
{
    public const string Main = "main";

    public string Name { get; set; } = Main;

    public long LastIndexedEventId { get; set; }
}

/// <summary>
/// The columns of one event that searches filter on, in a narrow row of their own: its indexes are kept by the
/// search indexer in batches, off the intake's path, and scanning them never reads a payload.
/// </summary>
public sealed class SearchKey
{
    /// <summary>The event's id (not generated here).</summary>
    public long EventId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public string? EventType { get; set; }

    public string Family { get; set; } = "";

    public string? UserId { get; set; }

    public string? TrainingId { get; set; }
}

/// <summary>
/// Each learner events have mentioned, with the name and e-mail of the newest such event and when it arrived:
/// for <c>user:</c> searches by e-mail or name and for counting active learners, without the read models.
/// </summary>
public sealed class SearchLearner
{
    public string UserId { get; set; } = "";

    public string? Name { get; set; }

    public string? Email { get; set; }

    public DateTimeOffset LastReceivedAt { get; set; }
}

/// <summary>Each training events have mentioned, with the newest title: for <c>training:</c> searches.</summary>
public sealed class SearchTraining
{
    public string TrainingId { get; set; } = "";

    public string? Title { get; set; }

    public DateTimeOffset LastReceivedAt { get; set; }
}

/// <summary>
/// How many events of one type arrived in one hour (UTC), with the lowest and highest of their ids: the charts
/// and counts add these up instead of counting events, and a time range becomes a range of ids.
/// </summary>
public sealed class EventHourCount
{
    /// <summary>The start of the hour.</summary>
    public DateTimeOffset Hour { get; set; }

    /// <summary>The event type; empty for unparseable events.</summary>
    public string EventType { get; set; } = "";

    public string Family { get; set; } = "";

    public long Count { get; set; }

    public long FirstEventId { get; set; }

    public long LastEventId { get; set; }
}
