namespace PluvoDashboard.Storage;

/// <summary>Where an event stands. Derived from its handler runs once handlers exist.</summary>
public enum EventStatus
{
    Pending,
    Processed,
    Failing,
    DeadLettered,
    Unparseable,
}

/// <summary>One delivery from Pluvo, kept exactly as it arrived, with the envelope fields read from it.</summary>
public sealed class WebhookEvent
{
    public long Id { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The <c>sentDate</c> of the payload; null when it is missing or unreadable.</summary>
    public DateTimeOffset? SentDate { get; set; }

    /// <summary>The <c>event</c> field; null only for unparseable bodies.</summary>
    public string? EventType { get; set; }

    public string Family { get; set; } = "";

    public string? SubjectId { get; set; }

    public string? SubjectRef { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    public string? UserEmail { get; set; }

    public string? TrainingId { get; set; }

    public string? TrainingTitle { get; set; }

    /// <summary>The request body, byte for byte.</summary>
    public byte[] RawBody { get; set; } = [];

    /// <summary>SHA-256 of <see cref="RawBody"/>; unique, so a repeated delivery is recognised.</summary>
    public byte[] BodyHash { get; set; } = [];

    /// <summary>
    /// Computed by the database: the sent date in Unix milliseconds, or 0 when there is none. It leads the
    /// unique index with <see cref="BodyHash"/>. Identical bodies have the same sent date, so uniqueness is
    /// unchanged, and new entries land together at the end of the index instead of at random places,
    /// which keeps each commit's writes small.
    /// </summary>
    public long DuplicateCheckDate { get; private set; }

    /// <summary>The request headers worth keeping, as a JSON object of name to value.</summary>
    public string Headers { get; set; } = "{}";

    /// <summary>Which signature reading matched, e.g. <c>sha1-key/base64url</c>.</summary>
    public string SignatureReading { get; set; } = "";

    /// <summary>Which configured key matched: <c>current</c> or <c>previous-N</c>. Never the key itself.</summary>
    public string SignatureKey { get; set; } = "";

    public EventStatus Status { get; set; }

    /// <summary>Why the body could not be read, for <see cref="EventStatus.Unparseable"/> events.</summary>
    public string? ParseError { get; set; }

    /// <summary>How many times the same body arrived again after this one was stored.</summary>
    public int DuplicateCount { get; set; }

    public DateTimeOffset? LastDuplicateAt { get; set; }
}
