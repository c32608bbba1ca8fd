namespace PluvoDashboard.Audit;

/// <summary>One thing somebody did that changed something: a replay, a rebuild, a user or token change.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Who: the signed-in user's e-mail, a token's owner, or the command line.</summary>
    public required string Actor { get; set; }

    /// <summary>What, in a word or two: "replay", "rebuild", "user created".</summary>
    public required string Action { get; set; }

    /// <summary>On what: "event 42", "user ann@example.com", "12 events".</summary>
    public required string Subject { get; set; }

    public string? Detail { get; set; }
}
