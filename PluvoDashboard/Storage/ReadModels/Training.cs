namespace PluvoDashboard.Storage.ReadModels;

/// <summary>A training (learning path) as the newest event about it describes it, keyed by Pluvo's id.</summary>
public sealed class Training : ISubjectRow
{
    public string Id { get; set; } = "";

    public string? Ref { get; set; }

    public string? Title { get; set; }

    public string? Subtitle { get; set; }

    public string? Introduction { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public bool? IsActive { get; set; }

    public bool? ShowParticipants { get; set; }

    public bool? ShowSharedFiles { get; set; }

    public bool? EnableChat { get; set; }

    /// <summary>The organisation's own fields as a JSON object of name to text.</summary>
    public string? ExtraFields { get; set; }

    public DateTimeOffset LastSentDate { get; set; }

    public bool IsDeleted { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}
